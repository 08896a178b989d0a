package org.fieldscore.score.estimate;

/**
 * A linear system of a closed-form estimator is singular or too ill-conditioned to solve reliably. The message
 * names the system and its condition number; {@link #conditionNumber()} returns it.
 */
public final class IllConditionedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final double conditionNumber;

    /**
     * @param message what system failed and what would fix it
     * @param conditionNumber the 2-norm condition number (∞ when singular)
     */
    public IllConditionedException(String message, double conditionNumber) {
        super(message);
        this.conditionNumber = conditionNumber;
    }

    /** @return the 2-norm condition number of the offending matrix */
    public double conditionNumber() {
        return conditionNumber;
    }
}
