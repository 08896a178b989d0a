package org.fieldscore.score.estimate;

import org.fieldscore.score.model.UnnormalizedModel;

/**
 * A parametric family of unnormalised models q(x; θ), θ ∈ ℝ<sup>m</sup>, as score matching sees it: the
 * per-sample Hyvärinen term ψ(x; θ) = tr(∂S/∂x)(x; θ) + ½‖S(x; θ)‖² and its gradient in θ. Implementations must be
 * thread-safe.
 */
public interface ParametricFamily {

    /** @return d */
    int dimension();

    /** @return m */
    int parameterCount();

    /**
     * @param x a sample, length d
     * @param theta θ, length m
     * @param gradient if not null, ∇<sub>θ</sub>ψ(x; θ) is ADDED to it (length m)
     * @return ψ(x; θ) = tr(∂S/∂x) + ½‖S‖²
     */
    double hyvarinenTerm(double[] x, double[] theta, double[] gradient);

    /**
     * @param theta θ
     * @return the model at θ
     */
    UnnormalizedModel at(double[] theta);
}
