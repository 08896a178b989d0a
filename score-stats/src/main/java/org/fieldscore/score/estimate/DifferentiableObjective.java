package org.fieldscore.score.estimate;

/** A smooth objective f: ℝ<sup>m</sup> → ℝ with its gradient, for {@link Lbfgs}. */
@FunctionalInterface
public interface DifferentiableObjective {

    /**
     * @param theta the point (not modified)
     * @param gradient receives ∇f(θ), length m (overwritten)
     * @return f(θ)
     */
    double valueAndGradient(double[] theta, double[] gradient);
}
