package org.fieldscore.score.estimate;

import java.util.Arrays;

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
 * statistics and solve the same stationarity equation). The data are read once: each fixed block of samples
 * (in parallel) gets its own mean and centred scatter (two passes over the block while it is in cache), and the
 * blocks are merged in index order by the pairwise update of Chan, Golub and LeVeque ("Algorithms for computing
 * the sample variance", The American Statistician 37, 1983): n = n_a + n_b, δ = x̄_b − x̄_a,
 * x̄ = x̄_a + δ n_b/n, S = S_a + S_b + δδᵀ n_a n_b/n. As stable as the two-pass formula, and independent of the
 * thread count. Immutable.
 */
public final class MultivariateNormalFit {

    /** Condition numbers above this are reported as ill-conditioned by {@link #fit(double[], int)}. */
    public static final double DEFAULT_MAX_CONDITION = 1e12;

    private static final int BLOCK = 4096;
    private static final int LANES = 32;

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
     * The fewest samples whose covariance can be positive definite in d dimensions: d + 1 (the centred samples span
     * at most count − 1 directions, so fewer leave Ĉ singular whatever the data).
     *
     * @param d the dimension, ≥ 1
     * @return d + 1
     */
    public static int minimumSamples(int d) {
        return d + 1;
    }

    /**
     * Checks before fitting that a fit of this many samples can succeed at all.
     *
     * @param count the number of samples
     * @param d the dimension
     * @throws org.fieldscore.fields.InvalidArgumentException naming "samples" with the count when it is below
     *     {@link #minimumSamples}
     */
    public static void requireEnoughSamples(long count, int d) {
        if (count < minimumSamples(d)) {
            throw new org.fieldscore.fields.InvalidArgumentException("samples", count, "at least " + minimumSamples(d),
                    "a covariance in " + d + " dimensions needs at least " + minimumSamples(d) + " samples (d + 1),"
                            + " got " + count + "; their sample covariance is singular whatever the data");
        }
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
        if (count < minimumSamples(d)) {
            throw new IllConditionedException("the covariance of " + count + " samples in dimension " + d
                    + " is singular (rank ≤ T − 1 = " + (count - 1) + " < d); at least " + minimumSamples(d)
                    + " samples are needed", Double.POSITIVE_INFINITY);
        }
        int blocks = (count + BLOCK - 1) / BLOCK;
        int pairs = d * (d + 1) / 2;
        double[][] blockMean = new double[blocks][d];
        double[][] blockScatter = new double[blocks][pairs];
        ParallelLoops.forRange(0, blocks, 1, (from, to) -> {
            double[] columns = new double[d * LANES];
            double[] lanes = new double[pairs * LANES];
            double[] residual = new double[d];
            for (int b = from; b < to; b++) {
                blockMoments(samples, d, b * BLOCK, Math.min(count, (b + 1) * BLOCK), blockMean[b],
                        blockScatter[b], columns, lanes, residual);
            }
        });
        // Chan, Golub and LeVeque's pairwise update, block after block in index order
        double[] mean = blockMean[0].clone();
        double[] scatter = blockScatter[0].clone();
        long n = Math.min(count, BLOCK);
        double[] delta = new double[d];
        for (int b = 1; b < blocks; b++) {
            long nb = Math.min(count, (b + 1) * BLOCK) - (long) b * BLOCK;
            long total = n + nb;
            for (int i = 0; i < d; i++) {
                delta[i] = blockMean[b][i] - mean[i];
                mean[i] += delta[i] * ((double) nb / total);
            }
            double weight = (double) n * nb / total;
            double[] sb = blockScatter[b];
            for (int i = 0, p = 0; i < d; i++) {
                for (int j = i; j < d; j++, p++) {
                    scatter[p] += sb[p] + delta[i] * delta[j] * weight;
                }
            }
            n = total;
        }
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(mean[i])) {
                Checks.requireSamples(samples, d); // a non-finite mean means a non-finite sample: name it
            }
        }
        double[][] cov = new double[d][d];
        for (int i = 0, p = 0; i < d; i++) {
            for (int j = i; j < d; j++, p++) {
                cov[i][j] = scatter[p] / count;
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
     * The mean and the centred scatter Σ(x_t − x̄)(x_t − x̄)ᵀ (upper triangle, row by row) of samples [from, to), in
     * one read of the block from memory: the block's mean first, then its centred values transposed tile by tile
     * ({@link #LANES} samples, coordinate-major, zero-padded) into {@code columns}, whose products accumulate
     * element-wise into {@code lanes} (one run of LANES partial sums per entry, a loop the JIT vectorises), summed
     * at the end. The rounded mean m̃ is corrected by the centred values' own sum r = Σ(x_t − m̃): mean m̃ + r/n and
     * scatter S̃ − rrᵀ/n (the corrected two-pass algorithm, Chan, Golub and LeVeque 1983), so that the merge, in
     * which a block mean's error would enter linearly, sees means accurate to the data's rounding.
     */
    private static void blockMoments(double[] samples, int d, int from, int to, double[] mean, double[] scatter,
            double[] columns, double[] lanes, double[] residual) {
        for (int t = from; t < to; t++) {
            int o = t * d;
            for (int i = 0; i < d; i++) {
                mean[i] += samples[o + i];
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= to - from;
        }
        Arrays.fill(lanes, 0);
        Arrays.fill(residual, 0);
        for (int t0 = from; t0 < to; t0 += LANES) {
            int len = Math.min(LANES, to - t0);
            for (int k = 0; k < len; k++) {
                int o = (t0 + k) * d;
                for (int i = 0; i < d; i++) {
                    double c = samples[o + i] - mean[i];
                    columns[i * LANES + k] = c;
                    residual[i] += c;
                }
            }
            for (int k = len; k < LANES; k++) {
                for (int i = 0; i < d; i++) {
                    columns[i * LANES + k] = 0;
                }
            }
            for (int i = 0, p = 0; i < d; i++) {
                int ci = i * LANES;
                for (int j = i; j < d; j++, p++) {
                    int cj = j * LANES;
                    int lp = p * LANES;
                    for (int k = 0; k < LANES; k++) {
                        lanes[lp + k] += columns[ci + k] * columns[cj + k];
                    }
                }
            }
        }
        for (int p = 0; p < scatter.length; p++) {
            double sum = 0;
            for (int k = 0; k < LANES; k++) {
                sum += lanes[p * LANES + k];
            }
            scatter[p] = sum;
        }
        int n = to - from;
        for (int i = 0, p = 0; i < d; i++) {
            for (int j = i; j < d; j++, p++) {
                scatter[p] -= residual[i] * residual[j] / n;
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] += residual[i] / n;
        }
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
