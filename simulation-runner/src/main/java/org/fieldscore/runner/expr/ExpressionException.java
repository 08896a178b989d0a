package org.fieldscore.runner.expr;

/**
 * An expression that cannot be compiled: a syntax error, an unknown function or an unknown variable. The message
 * says what is wrong and what would be valid; the scenario reader adds file, line and key.
 */
public final class ExpressionException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and what would be valid
     */
    public ExpressionException(String message) {
        super(message);
    }
}
