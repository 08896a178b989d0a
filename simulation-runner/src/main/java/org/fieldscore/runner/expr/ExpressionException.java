package org.fieldscore.runner.expr;

/**
 * An expression that cannot be compiled: a syntax error, an unknown function or an unknown variable. The message
 * says what is wrong and what would be valid; the scenario reader adds file, line, column and key.
 */
public final class ExpressionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int offset;

    /**
     * @param message what is wrong and what would be valid
     */
    public ExpressionException(String message) {
        this(message, -1);
    }

    /**
     * @param message what is wrong and what would be valid
     * @param offset the 0-based character of the expression where the problem is, or -1 when it is not one place
     */
    public ExpressionException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** @return the 0-based character of the expression where the problem is, or -1 */
    public int offset() {
        return offset;
    }
}
