package org.fieldscore.score.estimate;

import static org.fieldscore.fields.testing.Closeness.assertClose;
import static org.fieldscore.fields.testing.Closeness.assertRelativelyClose;
import static org.fieldscore.fields.testing.Convergence.assertLogLogSlope;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;

import org.fieldscore.score.model.MultivariateNormalModel;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.stat.correlation.Covariance;
import org.junit.jupiter.api.Test;

/** The essay's example μ = 0, Σ = [[1, .5], [.5, 1]]: closed form, generic optimiser, MLE, consistency. */
class MultivariateNormalEstimationTest {

    private static final double[][] SIGMA = {{1, 0.5}, {0.5, 1}};
    private static final MultivariateNormalModel ESSAY_NORMAL = MultivariateNormalModel.ofCovariance(new double[2], SIGMA);

    @Test
    void closedFormFromOneHundredThousandSamplesIsWithinThreeStandardErrors() {
        int t = 100_000;
        MultivariateNormalFit fit = MultivariateNormalFit.fit(ESSAY_NORMAL.draw(t, 2024), 2);
        double[][] m = ESSAY_NORMAL.precision();
        double[] mu = fit.mean();
        double[][] mHat = fit.precision();
        double[][] cHat = fit.covariance();
        for (int i = 0; i < 2; i++) {
            // SE of a sample mean: √(Σ_ii/T)
            assertEquals(0, mu[i], 3 * Math.sqrt(SIGMA[i][i] / t), "mean " + i);
            for (int j = 0; j < 2; j++) {
                // asymptotic Wishart covariances: Var(Ĉ_ij) = (Σ_ii Σ_jj + Σ_ij²)/T, Var(M̂_ij) = (M_ii M_jj + M_ij²)/T
                assertEquals(SIGMA[i][j], cHat[i][j],
                        3 * Math.sqrt((SIGMA[i][i] * SIGMA[j][j] + SIGMA[i][j] * SIGMA[i][j]) / t), "cov " + i + j);
                assertEquals(m[i][j], mHat[i][j], 3 * Math.sqrt((m[i][i] * m[j][j] + m[i][j] * m[i][j]) / t),
                        "precision " + i + j);
            }
        }
    }

    @Test
    void closedFormEqualsTheMaximumLikelihoodEstimateOnTheSameSample() {
        int t = 100_000;
        double[] x = ESSAY_NORMAL.draw(t, 7);
        MultivariateNormalFit fit = MultivariateNormalFit.fit(x, 2);
        double[][] rows = new double[t][2];
        for (int s = 0; s < t; s++) {
            rows[s][0] = x[2 * s];
            rows[s][1] = x[2 * s + 1];
        }
        // the Gaussian MLE: mean and the biased (1/T) covariance, computed independently by Hipparchus
        double[][] mleCov = new Covariance(rows, false).getCovarianceMatrix().getData();
        double[][] mlePrecision = new LUDecomposition(MatrixUtils.createRealMatrix(mleCov)).getSolver().getInverse()
                .getData();
        double[] mleMean = new double[2];
        for (double[] r : rows) {
            mleMean[0] += r[0] / t;
            mleMean[1] += r[1] / t;
        }
        double[][] mHat = fit.precision();
        for (int i = 0; i < 2; i++) {
            assertClose("mean " + i, mleMean[i], fit.mean()[i], 1e-10, 1e-10);
            assertRelativelyClose("precision row " + i, mlePrecision[i], mHat[i], 1e-10);
        }
        // and the log-likelihood gradient vanishes there: ∂ℓ/∂M = ½(M⁻¹ − Ĉ) = 0, ∂ℓ/∂μ = M Σ(x − μ) = 0
        double[][] inv = MatrixUtils.inverse(MatrixUtils.createRealMatrix(mHat)).getData();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(0, 0.5 * (inv[i][j] - mleCov[i][j]), 1e-12);
            }
        }
    }

    /**
     * The one-read block merge on data far from the origin (offset 10⁸, unit spread, so raw moments would lose all
     * 16 digits to cancellation, an error of order 1) over several blocks and a partial last one: the O(1) covariance
     * entries agree with Hipparchus's two-pass centred covariance to 1e-9 (the data's own rounding, ulp(10⁸) ≈ 1.5e-8,
     * enters the centred sums only through the block means' differences), and the fit is bit-identical on one and on
     * three threads.
     */
    @Test
    void blockMergeIsStableFarFromTheOriginAndIndependentOfTheThreadCount() throws Exception {
        int t = 3 * 4096 + 77;
        int d = 3;
        double[] x = MultivariateNormalModel.ofCovariance(new double[] {1e8, -1e8, 5e7},
                new double[][] {{1, 0.2, 0}, {0.2, 2, 0.3}, {0, 0.3, 0.5}}).draw(t, 11);
        double[][] rows = new double[t][d];
        for (int s = 0; s < t; s++) {
            System.arraycopy(x, s * d, rows[s], 0, d);
        }
        double[][] reference = new Covariance(rows, false).getCovarianceMatrix().getData();
        MultivariateNormalFit one = new ForkJoinPool(1).submit(() -> MultivariateNormalFit.fit(x, d))
                .get();
        MultivariateNormalFit three = new ForkJoinPool(3)
                .submit(() -> MultivariateNormalFit.fit(x, d)).get();
        for (int i = 0; i < d; i++) {
            assertClose("covariance row " + i, reference[i], one.covariance()[i], 1e-9, 1e-9);
            assertArrayEquals(one.covariance()[i], three.covariance()[i], 0);
            assertArrayEquals(one.precision()[i], three.precision()[i], 0);
        }
        assertArrayEquals(one.mean(), three.mean(), 0);
    }

    @Test
    void genericOptimizerOnTheAutodiffObjectiveReachesTheClosedForm() {
        // the autodiff objective costs ~25 µs per sample and evaluation; 2000 samples keep the test short, and
        // the comparison is on the same sample, so T does not enter the tolerance
        double[] x = ESSAY_NORMAL.draw(2_000, 99);
        double[] closed = MultivariateNormalFit.fit(x, 2).model().parameters();
        AutodiffFamily family = new AutodiffFamily(MultivariateNormalModel.family(2));
        ScoreMatching matching = new ScoreMatching(new Lbfgs(10, 1e-9, 500), 0, 0, 5);
        Lbfgs.Result result = matching.fit(family, x, new double[] {0.5, -0.5, 1, 0, 1});
        // J̃'s Hessian has eigenvalues of order 1 here, so ‖∇J̃‖ ≤ 1e-9 puts θ within ~1e-9 of the minimiser
        assertTrue(result.converged(), "L-BFGS converged: " + result);
        for (int k = 0; k < closed.length; k++) {
            assertEquals(closed[k], result.point()[k], 1e-6, "θ_" + k);
        }
        // the closed form is the minimiser: its objective gradient is zero to rounding
        double[] g = new double[5];
        new HyvarinenObjective(family, x).valueAndGradient(closed, g);
        for (double gk : g) {
            assertEquals(0, gk, 1e-10);
        }
    }

    @Test
    void lbfgsOnTheAnalyticObjectiveReachesTheClosedFormFromOneHundredThousandSamples() {
        double[] x = ESSAY_NORMAL.draw(100_000, 2024);
        double[] closed = MultivariateNormalFit.fit(x, 2).model().parameters();
        Lbfgs.Result result = new ScoreMatching(new Lbfgs(10, 1e-9, 500), 2, 0.3, 6).fit(
                new MultivariateNormalFamily(2), x, new double[] {0.5, -0.5, 1, 0, 1});
        // ‖∇J̃‖ ≤ 1e-9 with O(1) Hessian eigenvalues puts θ within ~1e-9 of the minimiser
        assertTrue(result.converged(), "L-BFGS converged: " + result);
        for (int k = 0; k < closed.length; k++) {
            assertEquals(closed[k], result.point()[k], 1e-6, "θ_" + k);
        }
    }

    @Test
    void analyticMultivariateNormalTermMatchesAutomaticDifferentiation() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        for (int d = 1; d <= 3; d++) {
            MultivariateNormalFamily analytic = new MultivariateNormalFamily(d);
            AutodiffFamily auto = new AutodiffFamily(MultivariateNormalModel.family(d));
            int m = analytic.parameterCount();
            for (int trial = 0; trial < 20; trial++) {
                double[] theta = r.doubles(m, -1.5, 1.5).toArray();
                double[] x = r.doubles(d, -3, 3).toArray();
                double[] g1 = new double[m];
                double[] g2 = new double[m];
                double v1 = analytic.hyvarinenTerm(x, theta, g1);
                double v2 = auto.hyvarinenTerm(x, theta, g2);
                assertClose("d " + d + " Hyvärinen term", v2, v1, 1e-10, 1e-10);
                assertClose("d " + d + " gradient", g2, g1, 1e-10, 1e-10);
            }
        }
    }

    /**
     * The mean error ‖M̂ − M‖_F over 20 seeded repetitions at T = 10³ … 10⁵ falls like T^(−1/2). Averaging 20
     * repetitions makes the per-T mean error accurate to about 5%, i.e. ±0.02 in log-log slope over two decades.
     */
    @Test
    void estimationErrorFallsLikeOneOverRootT() {
        int[] sizes = {1_000, 3_000, 10_000, 30_000, 100_000};
        double[][] m = ESSAY_NORMAL.precision();
        double[] errors = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            double err = 0;
            for (int rep = 0; rep < 20; rep++) {
                double[][] mHat = MultivariateNormalFit.fit(ESSAY_NORMAL.draw(sizes[s], 1000L * s + rep), 2).precision();
                double f = 0;
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 2; j++) {
                        f += (mHat[i][j] - m[i][j]) * (mHat[i][j] - m[i][j]);
                    }
                }
                err += Math.sqrt(f) / 20;
            }
            errors[s] = err;
        }
        assertLogLogSlope("mean ‖M̂ − M‖_F against T", -0.5, 0.1,
                java.util.Arrays.stream(sizes).asDoubleStream().toArray(), errors);
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        double[] x = ESSAY_NORMAL.draw(100, 1);
        x[37] = Double.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> MultivariateNormalFit.fit(x, 2));
        assertTrue(nan.getMessage().contains("sample 18") && nan.getMessage().contains("NaN"), nan.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> MultivariateNormalFit.fit(new double[7], 2));
        assertTrue(shape.getMessage().contains("multiple of 2"), shape.getMessage());
        IllConditionedException few = assertThrows(IllConditionedException.class,
                () -> MultivariateNormalFit.fit(new double[] {1, 2, 3, 4, 5, 7}, 3));
        assertTrue(few.getMessage().contains("singular") && few.getMessage().contains("at least 4"),
                few.getMessage());
        double[] collinear = new double[200];
        for (int t = 0; t < 100; t++) {
            collinear[2 * t] = t;
            collinear[2 * t + 1] = 2 * t;
        }
        IllConditionedException singular = assertThrows(IllConditionedException.class,
                () -> MultivariateNormalFit.fit(collinear, 2));
        assertTrue(singular.getMessage().contains("condition number"), singular.getMessage());
        assertTrue(singular.conditionNumber() > 1e12);
    }
}
