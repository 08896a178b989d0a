package org.fieldscore.score.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;

import org.fieldscore.fields.Parallelism;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.diagnostics.ModeOccupation;
import org.fieldscore.score.model.GaussianMixtureModel;
import org.fieldscore.score.sde.OdeTolerance;
import org.fieldscore.score.sde.ScoreSde;
import org.fieldscore.score.sde.TimeConditionalScore;
import org.fieldscore.score.sde.VarianceExplodingSde;
import org.fieldscore.score.sde.VariancePreservingSde;
import org.junit.jupiter.api.Test;

/**
 * The reverse-SDE, predictor–corrector and probability-flow samplers with the exact marginal scores of a Gaussian
 * mixture recover its weights and moments within seeded Monte-Carlo bounds, on any thread count.
 */
class ScoreSdeSamplersTest {

    /** 0.8·N((5,5), I) + 0.2·N((−5,−5), I): mean 3 per axis, variance 1 + 0.16·100 = 17. */
    private static final GaussianMixtureModel TOY = new GaussianMixtureModel(new double[] {0.8, 0.2},
            new double[][] {{5, 5}, {-5, -5}}, new double[][][] {{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}});
    private static final int CHAINS = 2000;
    private static final ScoreSde VE = new VarianceExplodingSde(0.01, 50, 1e-3);
    private static final ScoreSde VP = new VariancePreservingSde(0.1, 20, 1e-3);

    /**
     * Weight of the first mode within 4 binomial standard errors (√(0.16/n) = 0.009) plus 0.02 for the sampler's
     * discretisation; mean within 4 standard errors (√(17/n) = 0.092) plus 0.1; variance within 15 %.
     */
    private static void assertRecovers(String what, ChainSamples samples) {
        double[] values = samples.copyValues();
        double[] w = ModeOccupation.fractions(values, TOY);
        int n = samples.size();
        assertTrue(Math.abs(w[0] - 0.8) < 4 * Math.sqrt(0.16 / n) + 0.02, what + ": weight " + w[0]);
        for (int axis = 0; axis < 2; axis++) {
            double[] m = samples.marginal(axis);
            double mean = 0;
            for (double v : m) {
                mean += v / n;
            }
            double var = 0;
            for (double v : m) {
                var += (v - mean) * (v - mean) / (n - 1);
            }
            assertTrue(Math.abs(mean - 3) < 4 * Math.sqrt(17.0 / n) + 0.1, what + ": mean " + mean);
            assertTrue(Math.abs(var / 17 - 1) < 0.15, what + ": variance " + var);
        }
    }

    @Test
    void reverseSdeRecoversTheMixtureForVeAndVp() {
        for (ScoreSde sde : new ScoreSde[] {VE, VP}) {
            TimeConditionalScore exact = sde.score(TOY);
            assertRecovers("reverse SDE " + sde.name(), new ReverseSdeSampler(sde, exact, 500)
                    .run(CHAINS, 11, 0, ProgressListener.NONE));
        }
    }

    @Test
    void predictorCorrectorRecoversTheMixtureForVeAndVp() {
        for (ScoreSde sde : new ScoreSde[] {VE, VP}) {
            assertRecovers("PC " + sde.name(), new PredictorCorrectorSampler(sde, sde.score(TOY), 200, 1, 0.16)
                    .run(CHAINS, 12, 0, ProgressListener.NONE));
        }
    }

    @Test
    void probabilityFlowRecoversTheMixtureForVeAndVp() {
        for (ScoreSde sde : new ScoreSde[] {VE, VP}) {
            ProbabilityFlowSampler ode = new ProbabilityFlowSampler(sde, sde.score(TOY), OdeTolerance.of(1e-5));
            assertRecovers("ODE " + sde.name(), ode.run(CHAINS, 13, ProgressListener.NONE));
            assertTrue(ode.evaluations() > 6L * CHAINS, "Dormand–Prince took several steps per chain");
        }
    }

    /** Chain c draws from the stream (seed, c) only: one and two threads give identical samples. */
    @Test
    void samplesDoNotDependOnTheThreadCount() throws Exception {
        TimeConditionalScore exact = VP.score(TOY);
        Function<Integer, double[][]> run = threads -> {
            try {
                return Parallelism.of(threads).call(() -> new double[][] {
                    new ReverseSdeSampler(VP, exact, 50).run(300, 5, 2, ProgressListener.NONE).copyValues(),
                    new PredictorCorrectorSampler(VP, exact, 30, 2, 0.16).run(300, 5, 0, ProgressListener.NONE)
                            .copyValues(),
                    new ProbabilityFlowSampler(VP, exact, OdeTolerance.of(1e-4)).run(300, 5, ProgressListener.NONE)
                            .copyValues()});
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        double[][] one = run.apply(1);
        double[][] two = run.apply(2);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(one[k], two[k], 0.0, "sampler " + k);
        }
    }
}
