package org.fieldscore.score.estimate;

import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.model.MultivariateNormalModel;
import org.fieldscore.score.model.ScoreModel;

/**
 * The Fisher divergence F(p ‖ model) = ½ E<sub>p</sub>‖S<sub>model</sub>(x) − S<sub>p</sub>(x)‖², the fit metric of
 * score matching (Hyvärinen 2005, eq. 2; the essay's J(θ)).
 */
public final class FisherDivergence {

    private static final int BLOCK = 1024;

    private FisherDivergence() {
    }

    /**
     * A Monte-Carlo estimate with its standard error.
     *
     * @param value the sample mean of ½‖S<sub>model</sub> − S<sub>p</sub>‖²
     * @param standardError its standard error, sd/√T
     */
    public record Estimate(double value, double standardError) {
    }

    /**
     * @param model the model score
     * @param truth the true score S<sub>p</sub>
     * @param samples T samples drawn from p, row-major
     * @return ½ (1/T) Σ‖S<sub>model</sub>(x<sub>t</sub>) − S<sub>p</sub>(x<sub>t</sub>)‖² and its standard error
     */
    public static Estimate monteCarlo(ScoreModel model, ScoreModel truth, double[] samples) {
        int d = model.dimension();
        if (truth.dimension() != d) {
            throw new IllegalArgumentException("model has dimension " + d + " but the truth has " + truth.dimension());
        }
        int count = Checks.requireSamples(samples, d);
        int blocks = (count + BLOCK - 1) / BLOCK;
        double[] sum = new double[blocks];
        double[] sumSq = new double[blocks];
        ParallelLoops.forRange(0, blocks, 1, (from, to) -> {
            double[] x = new double[d];
            double[] a = new double[d];
            double[] b = new double[d];
            for (int blk = from; blk < to; blk++) {
                int end = Math.min(count, (blk + 1) * BLOCK);
                for (int t = blk * BLOCK; t < end; t++) {
                    System.arraycopy(samples, t * d, x, 0, d);
                    model.score(x, a);
                    truth.score(x, b);
                    double v = 0;
                    for (int i = 0; i < d; i++) {
                        v += (a[i] - b[i]) * (a[i] - b[i]);
                    }
                    v *= 0.5;
                    sum[blk] += v;
                    sumSq[blk] += v * v;
                }
            }
        });
        double s = 0;
        double s2 = 0;
        for (int blk = 0; blk < blocks; blk++) {
            s += sum[blk];
            s2 += sumSq[blk];
        }
        double mean = s / count;
        double var = count > 1 ? Math.max(0, (s2 - count * mean * mean) / (count - 1)) : Double.NaN;
        return new Estimate(mean, Math.sqrt(var / count));
    }

    /**
     * The closed form between Gaussians p = N(μ₁, Σ₁) and model N(μ₂, P₂⁻¹): with A = P₁ − P₂ and b = P₂(μ₂ − μ₁),
     * S<sub>model</sub> − S<sub>p</sub> = A(x − μ₁) + b, so F = ½[tr(AΣ₁Aᵀ) + ‖b‖²].
     *
     * @param truth p
     * @param model the model
     * @return F(p ‖ model)
     */
    public static double gaussian(MultivariateNormalModel truth, MultivariateNormalModel model) {
        int d = truth.dimension();
        if (model.dimension() != d) {
            throw new IllegalArgumentException("model has dimension " + model.dimension() + " but the truth has " + d);
        }
        double[][] p1 = truth.precision();
        double[][] p2 = model.precision();
        double[][] s1 = truth.covariance();
        double[] m1 = truth.mean();
        double[] m2 = model.mean();
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = p1[i][j] - p2[i][j];
            }
        }
        double tr = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double as = 0;
                for (int k = 0; k < d; k++) {
                    as += a[i][k] * s1[k][j];
                }
                tr += as * a[i][j];
            }
        }
        double b2 = 0;
        for (int i = 0; i < d; i++) {
            double b = 0;
            for (int j = 0; j < d; j++) {
                b += p2[i][j] * (m2[j] - m1[j]);
            }
            b2 += b * b;
        }
        return 0.5 * (tr + b2);
    }
}
