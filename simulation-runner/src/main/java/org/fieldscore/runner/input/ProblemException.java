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

    /** @return what is wrong and where */
    public Problem problem() {
        return problem;
    }
}
