package org.fieldscore.runner.input;

import java.util.List;

/**
 * A scenario that cannot run as written: one or more {@link Problem}s, each with file, line, key and what would
 * be valid. The command line turns it into exit code 2.
 */
public final class InvalidScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /**
     * @param problems what is wrong, at least one
     */
    public InvalidScenarioException(List<Problem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid scenario needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * @param problem the single problem
     */
    public InvalidScenarioException(Problem problem) {
        this(List.of(problem));
    }

    /** @return the problems in file order */
    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        StringBuilder s = new StringBuilder();
        for (Problem p : problems) {
            s.append(s.length() == 0 ? "" : System.lineSeparator()).append(p.format());
        }
        return s.toString();
    }
}
