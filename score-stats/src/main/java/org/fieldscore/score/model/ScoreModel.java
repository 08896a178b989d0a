package org.fieldscore.score.model;

import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.VectorField;

/**
 * A score S(x) = ∇ₓ log p(x) on ℝ<sup>d</sup>, together with its divergence tr(∂S/∂x) = ∇² log p.
 *
 * <p>The score does not depend on the normalising constant Z of p = q/Z, so a model only needs log q up to a
 * constant, or the score itself (a neural score network has no log q). Implementations must be thread-safe:
 * samplers call {@link #score} from several threads at once.
 */
public interface ScoreModel {

    /** @return the dimension d of the sample space */
    int dimension();

    /**
     * @param x a point, length d (not kept, not modified)
     * @param out receives S(x), length d
     */
    void score(double[] x, double[] out);

    /**
     * Scores of a block of points at once, for samplers that advance many chains in lockstep; a model that can
     * evaluate a block faster than point by point (a network: one matrix product per layer) overrides it. Every
     * row's result equals {@link #score} of that row bit for bit.
     *
     * @param xs rows × d coordinates, row-major (not kept, not modified)
     * @param out receives rows × d scores, row-major
     * @param rows the number of points
     */
    default void scores(double[] xs, double[] out, int rows) {
        int d = dimension();
        double[] x = new double[d];
        double[] s = new double[d];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(xs, r * d, x, 0, d);
            score(x, s);
            System.arraycopy(s, 0, out, r * d, d);
        }
    }

    /**
     * @param x a point, length d
     * @return tr(∂S/∂x)(x) = Σ<sub>i</sub> ∂S<sub>i</sub>/∂x<sub>i</sub>, the Laplacian of log q at x
     */
    double scoreDivergence(double[] x);

    /**
     * The largest step size ε for which unadjusted Langevin on this model is stable, when the model knows it.
     * For a Gaussian with smallest variance σ²<sub>min</sub> along a principal axis this is 4σ²<sub>min</sub>
     * (the linear recursion x ↦ (1 − ε/(2σ²))x + √ε z is stable iff ε &lt; 4σ²).
     *
     * @return the bound, or NaN when unknown
     */
    default double langevinStepBound() {
        return Double.NaN;
    }

    /**
     * The score as a fields-core vector field (time-independent, d components), so it can be sampled on a grid,
     * plotted and differentiated with {@link org.fieldscore.fields.ops.FiniteDifferences}. Fields exist in 1 to 3
     * space dimensions only.
     *
     * @return x ↦ S(x)
     * @throws IllegalArgumentException if d &gt; 3
     */
    default VectorField asVectorField() {
        requireFieldDimension(dimension());
        return VectorField.of(dimension(), dimension(), (t, x, out) -> score(x, out));
    }

    /**
     * @return x ↦ tr(∂S/∂x)(x) as a scalar field (d ≤ 3)
     */
    default ScalarField divergenceField() {
        requireFieldDimension(dimension());
        return ScalarField.of(dimension(), (t, x) -> scoreDivergence(x));
    }

    /**
     * Wraps any fields-core vector field as a score, e.g. S = −∇φ/T of a solved potential φ for Boltzmann
     * sampling of exp(−φ/T). The divergence is taken by second-order central differences of the field with step
     * {@code h}.
     *
     * @param field a field with as many components as space dimensions
     * @param t the time at which the field is evaluated
     * @param h the difference step for the divergence, &gt; 0
     * @return the field as a score model
     */
    static ScoreModel of(VectorField field, double t, double h) {
        return new VectorFieldScore(field, t, h);
    }

    /**
     * Wraps a vector field sampled on a space grid as a score (interpolated multilinearly between grid points), with
     * the divergence by central differences of step h = min<sub>a</sub> h<sub>a</sub>, the grid's smallest spacing:
     * the one difference-step rule for scores given as sampled fields.
     *
     * @param field a sampled field with as many components as space dimensions, on a grid without time axis
     * @return the field as a score model
     */
    static ScoreModel of(SampledVectorField field) {
        double h = Double.POSITIVE_INFINITY;
        for (int a = 0; a < field.grid().spaceDimension(); a++) {
            h = Math.min(h, field.grid().spacing(a));
        }
        return new VectorFieldScore(field, 0.0, h);
    }

    /**
     * @param d a dimension
     * @throws IllegalArgumentException unless 1 ≤ d ≤ 3
     */
    static void requireFieldDimension(int d) {
        if (d < 1 || d > 3) {
            throw new IllegalArgumentException("fields exist in 1 to 3 space dimensions; this model has dimension "
                    + d + " and can be evaluated pointwise only");
        }
    }
}
