package org.fieldscore.score.estimate;

import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.model.MultivariateNormalModel;
import org.fieldscore.score.model.UnnormalizedModel;

/**
 * The essay's MVN family with the analytic Hyvärinen term, θ = (μ, upper triangle of M row by row) as in
 * {@link MultivariateNormalModel#family(int)}. With δ = x − μ and r = Mδ:
 * <pre>
 *   ψ = −tr M + ½‖r‖²,   ∂ψ/∂μ = −M r,   ∂ψ/∂M_ii = −1 + r_i δ_i,   ∂ψ/∂M_ij = r_i δ_j + r_j δ_i (i &lt; j).
 * </pre>
 * The same numbers as {@code new AutodiffFamily(MultivariateNormalModel.family(d))} without allocation.
 * Immutable.
 */
public final class MultivariateNormalFamily implements ParametricFamily {

    private final int d;
    private final ThreadLocal<double[][]> buffers;

    /**
     * @param dimension d
     */
    public MultivariateNormalFamily(int dimension) {
        Checks.requirePositive(dimension, "dimension");
        d = dimension;
        buffers = ThreadLocal.withInitial(() -> new double[][] {new double[dimension], new double[dimension]});
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public int parameterCount() {
        return d + d * (d + 1) / 2;
    }

    /** M_ij from the packed upper triangle (row i, columns i … d−1) after the d means. */
    private double m(double[] theta, int i, int j) {
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        return theta[d + a * d - a * (a - 1) / 2 + (b - a)];
    }

    @Override
    public double hyvarinenTerm(double[] x, double[] theta, double[] gradient) {
        double[][] buffer = buffers.get();
        double[] delta = buffer[0];
        double[] r = buffer[1];
        for (int i = 0; i < d; i++) {
            delta[i] = x[i] - theta[i];
        }
        double trace = 0;
        double half = 0;
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += m(theta, i, j) * delta[j];
            }
            r[i] = s;
            half += s * s;
            trace += m(theta, i, i);
        }
        if (gradient != null) {
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += m(theta, i, j) * r[j];
                }
                gradient[i] -= s;
            }
            int k = d;
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    gradient[k++] += i == j ? -1 + r[i] * delta[i] : r[i] * delta[j] + r[j] * delta[i];
                }
            }
        }
        return -trace + 0.5 * half;
    }

    @Override
    public UnnormalizedModel at(double[] theta) {
        return MultivariateNormalModel.fromParameters(theta, d);
    }
}
