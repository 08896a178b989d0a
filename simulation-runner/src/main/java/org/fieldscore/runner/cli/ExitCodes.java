package org.fieldscore.runner.cli;

/** The exit codes of the {@code fieldscore} command. */
public final class ExitCodes {

    /** Everything ran and every comparison passed. */
    public static final int SUCCESS = 0;
    /** The run finished but at least one comparison exceeded its tolerance. */
    public static final int COMPARISON_FAILED = 1;
    /** The input is invalid: a bad scenario, a bad option; nothing was run and no file was written. */
    public static final int INVALID_INPUT = 2;
    /** The run failed while computing (e.g. a solver that did not converge) or writing its files. */
    public static final int RUNTIME_FAILURE = 3;

    private ExitCodes() {
    }
}
