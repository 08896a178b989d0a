package org.fieldscore.score.sample;

/**
 * A Langevin chain blew up (NaN, ∞ or a norm beyond the divergence radius), almost always because the step size ε
 * is too large for the curvature of log p. The message gives the step, the chain and step where it happened and
 * the stability bound (ε &lt; 4σ²<sub>min</sub> for a Gaussian target).
 */
public final class SamplerDivergenceException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final double stepSize;
    private final double stepBound;

    /**
     * @param message the description
     * @param stepSize ε used
     * @param stepBound the known stability bound, or NaN
     */
    public SamplerDivergenceException(String message, double stepSize, double stepBound) {
        super(message);
        this.stepSize = stepSize;
        this.stepBound = stepBound;
    }

    /** @return the step size that diverged */
    public double stepSize() {
        return stepSize;
    }

    /** @return the model's stability bound on ε, or NaN when unknown */
    public double stepBound() {
        return stepBound;
    }
}
