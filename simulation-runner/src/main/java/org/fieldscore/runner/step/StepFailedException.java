package org.fieldscore.runner.step;

/**
 * A step that was valid but failed while computing, e.g. a solver that did not converge or a field that became
 * non-finite. The command line turns it into exit code 3.
 */
public final class StepFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param header the failing step
     * @param message what happened
     * @param cause the underlying exception, or null
     */
    public StepFailedException(StepHeader header, String message, Throwable cause) {
        super("step '" + header.id() + "' (" + header.type() + ", " + header.position() + ") failed: " + message,
                cause);
    }
}
