package org.fieldscore.score.sde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.testing.Closeness;
import org.fieldscore.fields.testing.Convergence;
import org.fieldscore.score.model.GaussianMixtureModel;
import org.fieldscore.score.model.ScoreModel;
import org.junit.jupiter.api.Test;

/** The three SDEs' kernels against their moment ODEs, the discrete NCSN/DDPM schedules and the marginal scores. */
class ScoreSdeTest {

    private static final ScoreSde[] SDES = {new VarianceExplodingSde(0.01, 50, 1e-5),
        new VariancePreservingSde(0.1, 20, 1e-5), new SubVariancePreservingSde(0.1, 20, 1e-5)};

    /**
     * For dx = a(t)x dt + g dW the kernel's mean ratio and variance solve m' = a m and v' = 2a v + g² (Särkkä &amp;
     * Solin 2019, eq. 6.2); checked by central differences (step 1e-5, truncation error ~1e-10 relative).
     */
    @Test
    void kernelMomentsSolveTheLinearSdeMomentEquations() {
        for (ScoreSde sde : SDES) {
            for (double t : new double[] {0.05, 0.3, 0.7, 0.95}) {
                double h = 1e-5;
                double dm = (sde.meanScale(t + h) - sde.meanScale(t - h)) / (2 * h);
                double v = sde.marginalStd(t) * sde.marginalStd(t);
                double vp = Math.pow(sde.marginalStd(t + h), 2);
                double vm = Math.pow(sde.marginalStd(t - h), 2);
                double g = sde.diffusion(t);
                Closeness.assertRelativelyClose(sde.name() + " m'(" + t + ")", sde.driftRate(t) * sde.meanScale(t), dm,
                        1e-7);
                Closeness.assertRelativelyClose(sde.name() + " v'(" + t + ")", 2 * sde.driftRate(t) * v + g * g,
                        (vp - vm) / (2 * h), 1e-6);
            }
            assertEquals(0, sde.marginalStd(0), 1e-12, sde.name() + " kernel at t = 0 is a point mass");
        }
    }

    /** DDPM's Π(1 − βᵢ) tends to VP's m(1)² with error O(1/N) (the Riemann sum of B and the log's expansion). */
    @Test
    void ddpmProductsConvergeToTheVpKernelAtFirstOrder() {
        VariancePreservingSde vp = (VariancePreservingSde) SDES[1];
        double exact = Math.log(vp.meanScale(1) * vp.meanScale(1));
        double[] errors = new double[3];
        for (int k = 0; k < 3; k++) {
            double sum = 0;
            for (double b : vp.ddpmBetas(250 << k)) {
                sum += Math.log1p(-b);
            }
            errors[k] = Math.abs(sum - exact);
        }
        Convergence.assertObservedOrder("DDPM log ᾱ_N → log m(1)²", 1, errors);
        double[] ho = vp.ddpmBetas(1000);
        Closeness.assertRelativelyClose("β₁ of Ho et al.", 1e-4, ho[0], 1e-12);
        Closeness.assertRelativelyClose("β_N of Ho et al.", 0.02, ho[999], 1e-12);
    }

    @Test
    void ncsnLevelsAreTheVeNoiseAtEquallySpacedTimes() {
        VarianceExplodingSde ve = new VarianceExplodingSde(1, 20, 1e-3);
        double[] levels = ve.ncsnLevels(10);
        Closeness.assertRelativelyClose("σ₁", 20, levels[0], 1e-14);
        Closeness.assertRelativelyClose("σ_L", 1, levels[9], 1e-14);
        for (int i = 1; i < 10; i++) {
            Closeness.assertRelativelyClose("ratio " + i, Math.pow(20, 1 / 9.0), levels[i - 1] / levels[i], 1e-13);
        }
    }

    /** p_t of a mixture is the mixture with means mμ and covariances m²Σ + s²I: its score against the adapter's. */
    @Test
    void marginalScoreOfAMixtureIsTheScaledBlurredMixture() {
        double[][][] cov = {{{1, 0.3}, {0.3, 2}}, {{0.5, 0}, {0, 0.5}}};
        GaussianMixtureModel p0 = new GaussianMixtureModel(new double[] {0.7, 0.3}, new double[][] {{1, 2}, {-3, 0}},
                cov);
        for (ScoreSde sde : SDES) {
            for (double t : new double[] {0.1, 0.5, 0.9}) {
                double m = sde.meanScale(t);
                double s = sde.marginalStd(t);
                double[][][] ct = new double[2][2][2];
                for (int c = 0; c < 2; c++) {
                    for (int i = 0; i < 2; i++) {
                        for (int j = 0; j < 2; j++) {
                            ct[c][i][j] = m * m * cov[c][i][j] + (i == j ? s * s : 0);
                        }
                    }
                }
                GaussianMixtureModel pt = new GaussianMixtureModel(new double[] {0.7, 0.3},
                        new double[][] {{m, 2 * m}, {-3 * m, 0}}, ct);
                ScoreModel adapted = sde.score(p0).at(t);
                double[] x = {0.4 * s + 0.2, -0.3 * s};
                double[] a = new double[2];
                double[] b = new double[2];
                adapted.score(x, a);
                pt.score(x, b);
                Closeness.assertClose(sde.name() + " score at t = " + t, b, a, 1e-10, 1e-12);
                Closeness.assertClose(sde.name() + " divergence at t = " + t, pt.scoreDivergence(x),
                        adapted.scoreDivergence(x), 1e-10, 1e-12);
            }
        }
    }

    /** blurred(score(p)) is p's blurred score again, at every level the SDE covers; outside it is refused. */
    @Test
    void blurredScoresOfATimeConditionalScoreRoundTrip() {
        GaussianMixtureModel p0 = new GaussianMixtureModel(new double[] {0.7, 0.3}, new double[][] {{1, 2}, {-3, 0}},
                new double[][][] {{{1, 0.3}, {0.3, 2}}, {{0.5, 0}, {0, 0.5}}});
        for (ScoreSde sde : SDES) {
            TimeConditionalModel model = new TimeConditionalModel(sde, sde.score(p0));
            for (double t : new double[] {sde.epsilon(), 0.2, 0.6, 1}) {
                double sigma = sde.noiseLevel(t);
                double[] x = {0.5 + sigma, -0.2};
                double[] a = new double[2];
                double[] b = new double[2];
                model.atNoise(sigma).score(x, a);
                p0.withNoise(sigma).score(x, b);
                Closeness.assertClose(sde.name() + " blurred score at σ = " + sigma, b, a, 1e-8, 1e-10);
                Closeness.assertClose(sde.name() + " blurred divergence at σ = " + sigma,
                        p0.withNoise(sigma).scoreDivergence(x), model.atNoise(sigma).scoreDivergence(x), 1e-8, 1e-10);
            }
            assertEquals("sigma", assertThrows(InvalidArgumentException.class,
                    () -> model.atNoise(2 * sde.noiseLevel(1))).argument());
        }
    }

    /** The exact score has zero Fisher divergence at every t; the score frozen at t = 0.5 has a positive one. */
    @Test
    void fisherDivergenceOverTimeSeparatesExactAndWrongScores() {
        GaussianMixtureModel p0 = new GaussianMixtureModel(new double[] {0.8, 0.2}, new double[][] {{2, 2}, {-2, -2}},
                new double[][][] {{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}});
        ScoreSde vp = SDES[1];
        TimeConditionalScore exact = vp.score(p0);
        TimeConditionalScore frozen = new TimeConditionalScore() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public ScoreModel at(double t) {
                return exact.at(0.5);
            }
        };
        double[] times = {0.1, 0.5, 0.9};
        var same = FisherDivergenceOverTime.estimate(vp, exact, exact, p0.draw(2000, 1), times, 2);
        var wrong = FisherDivergenceOverTime.estimate(vp, frozen, exact, p0.draw(2000, 1), times, 2);
        for (int k = 0; k < 3; k++) {
            assertEquals(0, same[k].value(), 1e-20, "exact at t = " + times[k]);
        }
        org.junit.jupiter.api.Assertions.assertTrue(wrong[0].value() > 10 * wrong[0].standardError()
                && wrong[2].value() > 10 * wrong[2].standardError(), "frozen score away from t = 0.5");
        assertEquals(0, wrong[1].value(), 1e-20, "frozen score at its own time");
    }

    @Test
    void badParametersAreRefusedWithTheirNames() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> ScoreSde.of("vpp", 0.1, 20, 1e-3));
        assertEquals("sde", e.argument());
        assertEquals("sigma-max", assertThrows(InvalidArgumentException.class,
                () -> new VarianceExplodingSde(5, 5, 1e-3)).argument());
        assertEquals("epsilon", assertThrows(InvalidArgumentException.class,
                () -> new VariancePreservingSde(0.1, 20, 0)).argument());
        assertEquals("beta-max", assertThrows(InvalidArgumentException.class,
                () -> new SubVariancePreservingSde(1, 0.5, 1e-3)).argument());
        assertEquals("t", assertThrows(InvalidArgumentException.class,
                () -> SDES[0].requireTime(1.5, "t")).argument());
        assertEquals("sigmas[2]", assertThrows(InvalidArgumentException.class,
                () -> NoiseSchedules.requireDecreasing(new double[] {3, 2, 2.5})).argument());
        assertEquals("ode-tolerance", assertThrows(InvalidArgumentException.class,
                () -> OdeTolerance.of(0)).argument());
    }
}
