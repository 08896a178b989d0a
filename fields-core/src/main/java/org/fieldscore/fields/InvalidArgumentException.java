package org.fieldscore.fields;

/**
 * An argument outside its valid range, with what was wrong as data: the argument's name, the value given and a
 * description of the valid values. Callers that know where an argument came from (a scenario file's key, say) can
 * point at it without reading the message. Every FieldScore module throws it for bad arguments.
 */
public class InvalidArgumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String argument;
    private final transient Object value;
    private final String validRange;

    /**
     * @param argument the argument's name, e.g. {@code "diffusivity"} or {@code "grid"}
     * @param value the value given (a number, an array's description, a grid)
     * @param validRange what would be valid, e.g. {@code "> 0 and finite"}
     * @param message the whole message, naming the argument, the value and the valid range
     */
    public InvalidArgumentException(String argument, Object value, String validRange, String message) {
        super(message);
        this.argument = argument;
        this.value = value;
        this.validRange = validRange;
    }

    /**
     * @param argument the argument's name
     * @param value the value given
     * @param validRange what would be valid
     * @return an exception with the message "{@code argument} must be {@code validRange}, got {@code value}"
     */
    public static InvalidArgumentException of(String argument, Object value, String validRange) {
        return new InvalidArgumentException(argument, value, validRange,
                argument + " must be " + validRange + ", got " + value);
    }

    /** @return the argument's name */
    public String argument() {
        return argument;
    }

    /** @return the value given */
    public Object value() {
        return value;
    }

    /** @return a description of the valid values */
    public String validRange() {
        return validRange;
    }
}
