package org.fieldscore.runner.input;

/**
 * Thrown while reading or checking one part of a scenario when that part cannot be read further. The reader
 * records the {@link Problem} and goes on with the next part, so that one run reports as many problems as it can.
 */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    /**
     * @param problem what is wrong and where
     */
    public ProblemException(Problem problem) {
        super(problem.format(), null, false, false);
        this.problem = problem;
    }

    /**
     * A problem that follows from one already reported (e.g. a step using a grid that was invalid): the reader
     * stops reading that part but reports nothing more.
     *
     * @return the exception
     */
    public static ProblemException followUp() {
        return new ProblemException();
    }

    private ProblemException() {
        super("follows from a problem reported before", null, false, false);
        this.problem = null;
    }

    /** @return whether this only follows from a problem already reported */
    public boolean isFollowUp() {
        return problem == null;
    }

    /** @return what is wrong and where */
    public Problem problem() {
        return problem;
    }
}
