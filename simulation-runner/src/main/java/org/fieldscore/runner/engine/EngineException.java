package org.fieldscore.runner.engine;

/**
 * An engine could not be opened: a malformed option (invalid input) or an unreachable or unusable cluster. The
 * message says what is wrong and what would work.
 */
public final class EngineException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean invalidInput;

    /**
     * @param message what went wrong and what would work
     * @param invalidInput whether the user's options are at fault (rather than the cluster)
     * @param cause the underlying failure, or null
     */
    public EngineException(String message, boolean invalidInput, Throwable cause) {
        super(message, cause);
        this.invalidInput = invalidInput;
    }

    /** @return whether the user's options are at fault */
    public boolean invalidInput() {
        return invalidInput;
    }
}
