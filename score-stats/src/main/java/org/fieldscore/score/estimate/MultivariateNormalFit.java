package org.fieldscore.score.estimate;

import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.model.MultivariateNormalModel;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;

/**
 * The closed-form score-matching estimate of the multivariate normal model (Hyvärinen 2005, §3.1):
 * <pre>
 *   μ̂ = (1/T) Σ x_t,     M̂ = Ĉ⁻¹,   Ĉ = (1/T) Σ (x_t − μ̂)(x_t − μ̂)ᵀ,
 * </pre>
 * the unique stationary point of J̃(μ, M) = (1/T)Σ[−tr M + ½(x_t − μ)ᵀMM(x_t − μ)] when Ĉ is non-singular. It
 * coincides with the maximum-likelihood estimate for every sample (both are functions of the same sufficient
 * statistics and solve the same stationarity equation). Sums are two-pass (centred) over fixed blocks added in
 * order, in parallel, so results do not depend on the thread count. Immutable.
 */
public final class MultivariateNormalFit {

    /** Condition numbers above this are reported as ill-conditioned by {@link #fit(double[], int)}. */
    public static final double DEFAULT_MAX_CONDITION = 1e12;

    private static final int BLOCK = 8192;

    private final double[] mean;
    private final double[][] covariance;
    private final double[][] precision;
    private final double conditionNumber;
    private final int sampleCount;

    private MultivariateNormalFit(double[] mean, double[][] covariance, double[][] precision, double condition,
            int sampleCount) {
        this.mean = mean;
        this.covariance = covariance;
        this.precision = precision;
        this.conditionNumber = condition;
        this.sampleCount = sampleCount;
    }

    /**
     * @param samples T samples, row-major
     * @param d dimension
     * @return the estimate
     * @throws IllConditionedException if T ≤ d (the centred covariance has rank ≤ T − 1 &lt; d) or cond(Ĉ) &gt; 1e12
     */
    public static MultivariateNormalFit fit(double[] samples, int d) {
        return fit(samples, d, DEFAULT_MAX_CONDITION);
    }

    /**
     * @param samples T samples, row-major, finite
     * @param d dimension
     * @param maxCondition the largest acceptable condition number of Ĉ
     * @return the estimate
     */
    public static MultivariateNormalFit fit(double[] samples, int d, double maxCondition) {
        int count = Checks.requireSampleShape(samples, d);
        if (count <= d) {
            throw new IllConditionedException("the covariance of " + count + " samples in dimension " + d
                    + " is singular (rank ≤ T − 1 = " + (count - 1) + " < d); at least " + (d + 1)
                    + " samples are needed", Double.POSITIVE_INFINITY);
        }
        int blocks = (count + BLOCK - 1) / BLOCK;
        double[][] partial = new double[blocks][d];
        ParallelLoops.forRange(0, blocks, 1, (from, to) -> {
            for (int b = from; b < to; b++) {
                double[] s = partial[b];
                int end = Math.min(count, (b + 1) * BLOCK);
                for (int t = b * BLOCK; t < end; t++) {
                    int o = t * d;
                    for (int i = 0; i < d; i++) {
                        s[i] += samples[o + i];
                    }
                }
            }
        });
        double[] mean = new double[d];
        for (double[] s : partial) {
            for (int i = 0; i < d; i++) {
                mean[i] += s[i];
            }
        }
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(mean[i])) {
                Checks.requireSamples(samples, d); // a non-finite sum means a non-finite sample: name it
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= count;
        }
        double[][] cross = new double[blocks][d * d];
        ParallelLoops.forRange(0, blocks, 1, (from, to) -> {
            double[] c = new double[d];
            for (int b = from; b < to; b++) {
                double[] acc = cross[b];
                int end = Math.min(count, (b + 1) * BLOCK);
                for (int t = b * BLOCK; t < end; t++) {
                    int o = t * d;
                    for (int i = 0; i < d; i++) {
                        c[i] = samples[o + i] - mean[i];
                    }
                    for (int i = 0; i < d; i++) {
                        double ci = c[i];
                        int row = i * d;
                        for (int j = i; j < d; j++) {
                            acc[row + j] += ci * c[j];
                        }
                    }
                }
            }
        });
        double[][] cov = new double[d][d];
        for (double[] acc : cross) {
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    cov[i][j] += acc[i * d + j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                cov[i][j] /= count;
                cov[j][i] = cov[i][j];
            }
        }
        double condition = conditionNumber(cov);
        if (!(condition <= maxCondition)) {
            throw new IllConditionedException("the sample covariance of " + count + " samples is singular or "
                    + "ill-conditioned: condition number " + condition + " exceeds " + maxCondition
                    + " (collinear or constant coordinates?)", condition);
        }
        double[][] precision = new CholeskyDecomposition(MatrixUtils.createRealMatrix(cov), 0, 0).getSolver()
                .getInverse().getData();
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double s = 0.5 * (precision[i][j] + precision[j][i]);
                precision[i][j] = s;
                precision[j][i] = s;
            }
        }
        return new MultivariateNormalFit(mean, cov, precision, condition, count);
    }

    /**
     * @param symmetric a symmetric positive semi-definite matrix
     * @return λ<sub>max</sub>/λ<sub>min</sub> (∞ when λ<sub>min</sub> ≤ 0)
     */
    static double conditionNumber(double[][] symmetric) {
        double[] eig = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(symmetric)).getEigenvalues();
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double e : eig) {
            max = Math.max(max, Math.abs(e));
            min = Math.min(min, e);
        }
        return min > 0 ? max / min : Double.POSITIVE_INFINITY;
    }

    /** @return μ̂ */
    public double[] mean() {
        return mean.clone();
    }

    /** @return Ĉ, the 1/T sample covariance */
    public double[][] covariance() {
        return copy(covariance);
    }

    /** @return M̂ = Ĉ⁻¹ */
    public double[][] precision() {
        return copy(precision);
    }

    /** @return cond(Ĉ) = λ<sub>max</sub>/λ<sub>min</sub> */
    public double conditionNumber() {
        return conditionNumber;
    }

    /** @return T */
    public int sampleCount() {
        return sampleCount;
    }

    /** @return the fitted model N(μ̂, M̂⁻¹) */
    public MultivariateNormalModel model() {
        return MultivariateNormalModel.ofPrecision(mean, precision);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
