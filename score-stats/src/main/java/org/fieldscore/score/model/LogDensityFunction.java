package org.fieldscore.score.model;

import org.hipparchus.CalculusFieldElement;

/**
 * log q(x; θ) written once, generically over Hipparchus {@link CalculusFieldElement}s, so that automatic
 * differentiation gives the score, its divergence and their derivatives in θ (see {@link AutodiffModel} and
 * {@link org.fieldscore.score.estimate.AutodiffFamily}). Implement it as an anonymous class (generic methods
 * cannot be lambdas).
 */
public interface LogDensityFunction {

    /** @return d, the number of coordinates x */
    int dimension();

    /** @return m, the number of parameters θ */
    int parameterCount();

    /**
     * @param x the point, d elements
     * @param theta the parameters, m elements
     * @param <T> the number type (double-valued derivative structures, gradients, …)
     * @return log q(x; θ) up to a constant independent of x
     */
    <T extends CalculusFieldElement<T>> T logDensity(T[] x, T[] theta);
}
