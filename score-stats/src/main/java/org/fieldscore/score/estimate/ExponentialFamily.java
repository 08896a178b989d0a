package org.fieldscore.score.estimate;

import java.util.Objects;

import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.model.ExponentialFamilyModel;
import org.fieldscore.score.model.SufficientStatistics;
import org.fieldscore.score.model.UnnormalizedModel;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;

/**
 * Score matching for the exponential family log q(x; θ) = θᵀF(x) (Hyvärinen 2005, §2.3 / 2007). With
 * K<sub>i</sub> = ∂F/∂x<sub>i</sub> and H<sub>i</sub> = ∂²F/∂x<sub>i</sub>² the per-sample term is quadratic,
 * ψ(x; θ) = θᵀΣ<sub>i</sub>H<sub>i</sub> + ½ θᵀ(Σ<sub>i</sub>K<sub>i</sub>K<sub>i</sub>ᵀ)θ, so the minimiser is
 * <pre>
 *   θ̂ = −(A + λI)⁻¹ b,   A = (1/T) Σ_t Σ_i K_i K_iᵀ,   b = (1/T) Σ_t Σ_i H_i,
 * </pre>
 * with an optional ridge λ ≥ 0 (λ = 0 is plain score matching). Immutable.
 */
public final class ExponentialFamily implements ParametricFamily {

    /** Condition numbers of A + λI above this are reported as ill-conditioned. */
    public static final double DEFAULT_MAX_CONDITION = 1e12;

    private static final int BLOCK = 1024;

    private final SufficientStatistics statistics;
    private final ThreadLocal<double[][]> buffers;

    /**
     * @param statistics F with its derivatives K and H
     */
    public ExponentialFamily(SufficientStatistics statistics) {
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        int m = statistics.count();
        int d = statistics.dimension();
        buffers = ThreadLocal.withInitial(() -> new double[][] {new double[m], new double[m * d], new double[m * d]});
    }

    /**
     * The closed-form estimate.
     *
     * @param theta θ̂
     * @param conditionNumber cond(A + λI)
     */
    public record Estimate(double[] theta, double conditionNumber) {
    }

    @Override
    public int dimension() {
        return statistics.dimension();
    }

    @Override
    public int parameterCount() {
        return statistics.count();
    }

    @Override
    public double hyvarinenTerm(double[] x, double[] theta, double[] gradient) {
        int m = statistics.count();
        int d = statistics.dimension();
        double[][] buffer = buffers.get();
        double[] k = buffer[1];
        double[] h = buffer[2];
        statistics.evaluate(x, buffer[0], k, h);
        double psi = 0;
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += theta[j] * k[j * d + i];
                psi += theta[j] * h[j * d + i];
            }
            psi += 0.5 * s * s;
            if (gradient != null) {
                for (int j = 0; j < m; j++) {
                    gradient[j] += h[j * d + i] + s * k[j * d + i];
                }
            }
        }
        return psi;
    }

    @Override
    public UnnormalizedModel at(double[] theta) {
        return new ExponentialFamilyModel(statistics, theta);
    }

    /**
     * @param samples T samples, row-major
     * @param ridge λ ≥ 0
     * @return θ̂ = −(A + λI)⁻¹b
     * @throws IllConditionedException if cond(A + λI) &gt; 1e12 (e.g. statistics that are linearly dependent
     *     on the sample; a positive ridge helps)
     */
    public Estimate closedForm(double[] samples, double ridge) {
        Checks.requireNonNegative(ridge, "ridge");
        int d = statistics.dimension();
        int m = statistics.count();
        int count = Checks.requireSamples(samples, d);
        int blocks = (count + BLOCK - 1) / BLOCK;
        double[][] partA = new double[blocks][m * m];
        double[][] partB = new double[blocks][m];
        ParallelLoops.forRange(0, blocks, 1, (from, to) -> {
            double[] x = new double[d];
            double[] f = new double[m];
            double[] k = new double[m * d];
            double[] h = new double[m * d];
            for (int blk = from; blk < to; blk++) {
                double[] a = partA[blk];
                double[] b = partB[blk];
                int end = Math.min(count, (blk + 1) * BLOCK);
                for (int t = blk * BLOCK; t < end; t++) {
                    System.arraycopy(samples, t * d, x, 0, d);
                    statistics.evaluate(x, f, k, h);
                    for (int i = 0; i < d; i++) {
                        for (int r = 0; r < m; r++) {
                            b[r] += h[r * d + i];
                            double kr = k[r * d + i];
                            for (int c = 0; c < m; c++) {
                                a[r * m + c] += kr * k[c * d + i];
                            }
                        }
                    }
                }
            }
        });
        double[][] a = new double[m][m];
        double[] b = new double[m];
        for (int blk = 0; blk < blocks; blk++) {
            for (int r = 0; r < m; r++) {
                b[r] += partB[blk][r];
                for (int c = 0; c < m; c++) {
                    a[r][c] += partA[blk][r * m + c];
                }
            }
        }
        for (int r = 0; r < m; r++) {
            b[r] /= count;
            for (int c = 0; c < m; c++) {
                a[r][c] /= count;
            }
            a[r][r] += ridge;
        }
        double condition = MultivariateNormalFit.conditionNumber(a);
        if (!(condition <= DEFAULT_MAX_CONDITION)) {
            throw new IllConditionedException("the score-matching system A + λI of the exponential family is singular "
                    + "or ill-conditioned: condition number " + condition + " exceeds " + DEFAULT_MAX_CONDITION
                    + " with ridge λ = " + ridge + " (statistics linearly dependent on this sample? use a ridge)",
                    condition);
        }
        double[] theta = new LUDecomposition(MatrixUtils.createRealMatrix(a)).getSolver()
                .solve(MatrixUtils.createRealVector(b)).mapMultiply(-1).toArray();
        return new Estimate(theta, condition);
    }
}
