package org.fieldscore.score.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.diagnostics.EffectiveSampleSize;
import org.fieldscore.score.diagnostics.MarginalKsTest;
import org.fieldscore.score.diagnostics.SplitRhat;
import org.fieldscore.score.model.MultivariateNormalModel;
import org.fieldscore.score.model.ScoreModel;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Unadjusted Langevin's O(ε) bias, MALA's exactness, reproducibility and divergence detection. */
class LangevinTest {

    private static final MultivariateNormalModel UNIT = MultivariateNormalModel.ofCovariance(new double[1],
            new double[][] {{1}});

    private static double variance(double[] v) {
        double m = 0;
        for (double e : v) {
            m += e / v.length;
        }
        double s = 0;
        for (double e : v) {
            s += (e - m) * (e - m);
        }
        return s / (v.length - 1);
    }

    /**
     * On N(0, 1) the chain x ← (1 − ε/2)x + √ε z has stationary variance 1/(1 − ε/4). Each of 10⁵ chains
     * contributes its final state after a burn-in long enough to forget the start ((1 − ε/2)^burn-in &lt; 1e-4), so
     * the states are independent and the sample variance has standard error v·√(2/N) ≈ 0.45% of v; 4 SE bound it.
     */
    @Test
    void unadjustedLangevinHasTheTheoreticalStationaryVariance() {
        int chains = 100_000;
        for (double eps : new double[] {0.1, 0.5, 1.0, 2.0}) {
            int burnIn = (int) Math.ceil(Math.log(1e-4) / Math.log(Math.abs(1 - eps / 2)));
            ChainSamples s = new UnadjustedLangevin(UNIT, eps).run(ChainSettings.of(chains, burnIn, 1, 42),
                    ChainStart.at(0.0), ProgressListener.NONE);
            double expected = 1 / (1 - eps / 4);
            double v = variance(s.marginal(0));
            double se = expected * Math.sqrt(2.0 / chains);
            assertEquals(expected, v, 4 * se, "ε = " + eps);
            // and the bias is real: the variance differs from the target's 1 by more than 4 SE
            assertTrue(v - 1 > 4 * se, "ε = " + eps + " shows its bias");
        }
    }

    /** MALA's stationary law is the target itself: same independent-final-state design, 4·SE tolerance. */
    @Test
    void metropolisAdjustmentRemovesTheBias() {
        int chains = 40_000;
        for (double eps : new double[] {1.0, 2.0}) {
            ChainSamples s = new MetropolisAdjustedLangevin(UNIT, eps).run(ChainSettings.of(chains, 200, 1, 43),
                    ChainStart.at(0.0), ProgressListener.NONE);
            double v = variance(s.marginal(0));
            assertEquals(1, v, 4 * Math.sqrt(2.0 / chains), "ε = " + eps);
            assertTrue(s.acceptanceRate() > 0.3 && s.acceptanceRate() < 1, "acceptance " + s.acceptanceRate());
        }
    }

    /** MALA on the essay's 2-D MVN: the marginals are N(0, 1), the chains mix (R̂), and ESS is sensible. */
    @Test
    void malaOnTheSeedsGaussianPassesKolmogorovSmirnovAndConvergenceDiagnostics() {
        MultivariateNormalModel seed = MultivariateNormalModel.ofCovariance(new double[2],
                new double[][] {{1, 0.5}, {0.5, 1}});
        ChainSamples s = new MetropolisAdjustedLangevin(seed, 0.8).run(ChainSettings.of(8, 500, 2000, 5),
                ChainStart.gaussian(3), ProgressListener.NONE);
        for (int i = 0; i < 2; i++) {
            double[][] perChain = s.perChain(i);
            assertTrue(SplitRhat.of(perChain) < 1.01, "R̂ " + SplitRhat.of(perChain));
            double ess = EffectiveSampleSize.of(perChain);
            // MALA at ε = 0.8 on this target has an autocorrelation time of a few steps: the ESS of 16 000 draws
            // lies well inside (1000, 16 000); outside, either the chains stick or the estimator is broken
            assertTrue(ess > 1000 && ess < 16000, "ESS " + ess);
            // KS assumes independent draws: thin to ~one draw per autocorrelation time, (8·2000)/ESS
            int thin = (int) Math.ceil(16000 / ess) * 2;
            double[] pooled = s.marginal(i);
            double[] thinned = new double[pooled.length / thin];
            for (int k = 0; k < thinned.length; k++) {
                thinned[k] = pooled[k * thin];
            }
            // a 0.1% significance level: a fixed seed either passes or not; the threshold guards against real bias
            assertTrue(MarginalKsTest.pValue(thinned, new NormalDistribution(0, 1)) > 1e-3);
        }
    }

    @Test
    void sameSeedGivesTheSameSamplesWhateverTheThreadCount() throws Exception {
        MultivariateNormalModel seed = MultivariateNormalModel.ofCovariance(new double[2],
                new double[][] {{1, 0.5}, {0.5, 1}});
        ChainSettings settings = ChainSettings.of(1000, 10, 5, 77).withThin(2);
        UnadjustedLangevin ula = new UnadjustedLangevin(seed, 0.1);
        double[] one = new ForkJoinPool(1).submit(() -> ula.run(settings, ChainStart.gaussian(1),
                ProgressListener.NONE)).get().copyValues();
        double[] three = new ForkJoinPool(3).submit(() -> ula.run(settings, ChainStart.gaussian(1),
                ProgressListener.NONE)).get().copyValues();
        double[] common = ula.run(settings, ChainStart.gaussian(1), ProgressListener.NONE).copyValues();
        assertArrayEquals(one, three, 0);
        assertArrayEquals(one, common, 0);
        // chain c depends on (seed, c) only: the first 10 chains of a larger run are the same
        double[] small = ula.run(ChainSettings.of(10, 10, 5, 77).withThin(2), ChainStart.gaussian(1),
                ProgressListener.NONE).copyValues();
        for (int k = 0; k < small.length; k++) {
            assertEquals(small[k], one[k], 0);
        }
    }

    /**
     * The Gaussian kernel (flat arrays, noise drawn ahead per chain) must reproduce the score-call path bit for bit:
     * the same model behind a plain {@link ScoreModel} takes the generic path. 600 steps cross the noise blocks'
     * boundaries (256 steps) and end mid-block; burn-in, thinning, recorded paths (step by step) and unrecorded chains
     * (several steps per call) are all exercised, and so is a divergence.
     */
    @Test
    void gaussianKernelIsBitIdenticalToTheScoreCallPath() {
        // the plane has its own kernel; mean norms 2.3 and 2.2, inside the divergence radius 3 used below
        gaussianKernelMatchesTheScoreCallPath(MultivariateNormalModel.ofCovariance(new double[] {0.5, -1, 2},
                new double[][] {{1, 0.3, 0.1}, {0.3, 2, -0.4}, {0.1, -0.4, 0.7}}));
        gaussianKernelMatchesTheScoreCallPath(MultivariateNormalModel.ofCovariance(new double[] {1.5, -1.6},
                new double[][] {{1, 0.5}, {0.5, 0.8}}));
    }

    private static void gaussianKernelMatchesTheScoreCallPath(MultivariateNormalModel gaussian) {
        ScoreModel plain = new ScoreModel() {
            @Override
            public int dimension() {
                return gaussian.dimension();
            }

            @Override
            public void score(double[] x, double[] out) {
                gaussian.score(x, out);
            }

            @Override
            public double scoreDivergence(double[] x) {
                return gaussian.scoreDivergence(x);
            }

            @Override
            public double langevinStepBound() {
                return gaussian.langevinStepBound();
            }
        };
        ChainSettings settings = ChainSettings.of(37, 100, 50, 5).withThin(10).withRecordedChains(3);
        ChainSamples fast = new UnadjustedLangevin(gaussian, 0.05).run(settings, ChainStart.gaussian(1),
                ProgressListener.NONE);
        ChainSamples generic = new UnadjustedLangevin(plain, 0.05).run(settings, ChainStart.gaussian(1),
                ProgressListener.NONE);
        assertArrayEquals(generic.copyValues(), fast.copyValues(), 0);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(generic.trajectory(c), fast.trajectory(c), 0);
        }
        // a divergence (radius 3 around the origin) is caught at the same chain, step and state
        ChainSettings tight = ChainSettings.of(37, 100, 50, 5).withThin(10).withDivergenceRadius(3);
        String fastStop = assertThrows(SamplerDivergenceException.class, () -> new UnadjustedLangevin(gaussian, 0.05)
                .run(tight, ChainStart.gaussian(1), ProgressListener.NONE)).getMessage();
        String genericStop = assertThrows(SamplerDivergenceException.class, () -> new UnadjustedLangevin(plain, 0.05)
                .run(tight, ChainStart.gaussian(1), ProgressListener.NONE)).getMessage();
        assertEquals(genericStop, fastStop);
    }

    @Test
    void recordedTrajectoriesHoldEveryStepAndKeptDrawsFollowBurnInAndThinning() {
        ChainSettings settings = ChainSettings.of(4, 3, 2, 9).withThin(2).withRecordedChains(2);
        ChainSamples s = new UnadjustedLangevin(UNIT, 0.1).run(settings, ChainStart.at(1.0), ProgressListener.NONE);
        double[] path = s.trajectory(1);
        assertEquals(1 + 3 + 2 * 2, path.length);
        assertEquals(1.0, path[0]);
        // kept draws are the states after steps 5 and 7 (burn-in 3, then every 2nd)
        assertEquals(path[5], s.value(1, 0, 0));
        assertEquals(path[7], s.value(1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> s.trajectory(2));
    }

    @Test
    void tooLargeAStepStopsWithTheStabilityBound() {
        MultivariateNormalModel seed = MultivariateNormalModel.ofCovariance(new double[2],
                new double[][] {{1, 0.5}, {0.5, 1}});
        // σ²_min = 0.5 (eigenvalues 0.5, 1.5 of Σ), so ε must stay below 2: refused before any chain runs, with the
        // bound as data
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> new UnadjustedLangevin(seed, 2.5));
        assertEquals("step size", e.argument());
        assertEquals(2.5, e.value());
        assertTrue(e.validRange().startsWith("< 2.0"), e.validRange());
        assertTrue(e.getMessage().contains("epsilon < 4 sigma_min^2 = 2.0"), e.getMessage());
        // a score without a known bound (the same Gaussian as a bare vector field) diverges, and says so, also from
        // worker threads (many chains run in parallel)
        ScoreModel bare = ScoreModel.of(seed.asVectorField(), 0, 1e-4);
        for (int chains : new int[] {4, 5000}) {
            SamplerDivergenceException diverged = assertThrows(SamplerDivergenceException.class,
                    () -> new UnadjustedLangevin(bare, 2.5).run(ChainSettings.of(chains, 1000, 1, 1),
                            ChainStart.at(1, 1), ProgressListener.NONE));
            assertTrue(Double.isNaN(diverged.stepBound()));
            assertTrue(diverged.getMessage().contains("ε < 4σ²_min"), diverged.getMessage());
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new UnadjustedLangevin(seed, -0.1));
        assertTrue(bad.getMessage().contains("epsilon") && bad.getMessage().contains("-0.1"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MetropolisAdjustedLangevin(seed, 0));
        assertThrows(IllegalArgumentException.class, () -> ChainStart.at(1.0).initialize(0, null, new double[2]));
    }

    @Test
    void progressIsReportedPerChain() {
        List<String> events = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void started(String task, long totalWork) {
                events.add("start " + totalWork);
            }

            @Override
            public void advanced(long workDone, String detail) {
                events.add("advance");
            }

            @Override
            public void finished() {
                events.add("finish");
            }
        };
        new UnadjustedLangevin(UNIT, 0.1).run(ChainSettings.of(500, 1, 1, 1), ChainStart.at(0.0), listener);
        assertEquals("start 500", events.get(0));
        assertEquals("finish", events.get(events.size() - 1));
        assertEquals(100, events.size() - 2);
    }
}
