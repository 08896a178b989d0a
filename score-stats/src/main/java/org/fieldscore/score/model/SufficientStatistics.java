package org.fieldscore.score.model;

/**
 * The sufficient statistics F: ℝ<sup>d</sup> → ℝ<sup>m</sup> of an exponential family log q(x; θ) = θᵀF(x), with
 * the derivatives score matching needs: K<sub>i</sub> = ∂F/∂x<sub>i</sub> and H<sub>i</sub> = ∂²F/∂x<sub>i</sub>²
 * (Hyvärinen 2005, §2.3). Implementations must be thread-safe and must not allocate per call if they are used on
 * large samples.
 */
public interface SufficientStatistics {

    /** @return d */
    int dimension();

    /** @return m, the number of statistics (= number of parameters) */
    int count();

    /**
     * @param x a point, length d
     * @param f receives F(x), length m
     * @param k receives K, k[j·d + i] = ∂F<sub>j</sub>/∂x<sub>i</sub>, length m·d
     * @param h receives H, h[j·d + i] = ∂²F<sub>j</sub>/∂x<sub>i</sub>², length m·d
     */
    void evaluate(double[] x, double[] f, double[] k, double[] h);
}
