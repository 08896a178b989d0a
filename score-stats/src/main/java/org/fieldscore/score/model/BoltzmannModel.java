package org.fieldscore.score.model;

import java.util.Objects;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.ops.FiniteDifferences;
import org.fieldscore.score.internal.Checks;

/**
 * The Boltzmann density of a potential sampled on a grid, q(x) = exp(−φ(x)/T): log q = −φ/T, score S = −∇φ/T and
 * tr(∂S/∂x) = −∇²φ/T, the gradient and Laplacian taken once on the grid by fields-core
 * {@link FiniteDifferences} and interpolated multilinearly in between. This is how a solved potential (e.g. of
 * ∇²φ = gρ) is sampled by Langevin dynamics or MALA. Points outside the grid are rejected with an
 * {@link IllegalArgumentException} naming the coordinate; give the grid room around the region of interest (or
 * a divergence radius inside it). Immutable.
 */
public final class BoltzmannModel implements UnnormalizedModel {

    private final SampledScalarField potential;
    private final SampledVectorField gradient;
    private final SampledScalarField laplacian;
    private final double temperature;

    /**
     * @param potential φ on a grid without time axis
     * @param temperature T &gt; 0 (in the units of φ)
     * @param operators the finite differences (order, boundary closures) for ∇φ and ∇²φ
     */
    public BoltzmannModel(SampledScalarField potential, double temperature, FiniteDifferences operators) {
        this.potential = Objects.requireNonNull(potential, "potential");
        Checks.requirePositive(temperature, "temperature");
        if (potential.grid().hasTime()) {
            throw new IllegalArgumentException("the potential must be static; its grid has a time axis: "
                    + potential.grid());
        }
        this.temperature = temperature;
        this.gradient = operators.gradient(potential);
        this.laplacian = operators.laplacian(potential);
    }

    /** @return T */
    public double temperature() {
        return temperature;
    }

    @Override
    public int dimension() {
        return potential.spaceDimension();
    }

    @Override
    public double logDensity(double[] x) {
        return -potential.value(0, x) / temperature;
    }

    @Override
    public void score(double[] x, double[] out) {
        gradient.value(0, x, out);
        for (int i = 0; i < out.length; i++) {
            out[i] /= -temperature;
        }
    }

    @Override
    public double scoreDivergence(double[] x) {
        return -laplacian.value(0, x) / temperature;
    }
}
