package org.fieldscore.score.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;

import org.fieldscore.fields.Parallelism;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.fields.random.SeededStreams;
import org.fieldscore.score.model.ScoreModel;
import org.fieldscore.score.neural.TimeConditionalScoreNetwork;
import org.fieldscore.score.sde.ScoreSde;
import org.fieldscore.score.sde.TimeConditionalScore;
import org.fieldscore.score.sde.VariancePreservingSde;
import org.junit.jupiter.api.Test;

/**
 * The reverse-SDE and predictor–corrector samplers score blocks of chains with one batched network pass; each chain
 * must still follow exactly the path it has with one point scored at a time, on one and two threads.
 */
class BatchedReverseSdeTest {

    private static final ScoreSde VP = new VariancePreservingSde(0.1, 20, 1e-3);
    private static final int STEPS = 40;
    private static final int CHAINS = 150;
    private static final long SEED = 21;

    /** Euler–Maruyama for chain c alone, as the sampler's Javadoc states it. */
    private static double[] oneChain(TimeConditionalScoreNetwork network, int c) {
        SplittableRandom random = SeededStreams.stream(SEED, c);
        double[] x = new double[2];
        VP.samplePrior(random, x);
        double dt = (1 - VP.epsilon()) / STEPS;
        double[] s = new double[2];
        for (int i = 0; i < STEPS; i++) {
            double t = 1 - i * dt;
            ScoreModel model = network.at(t);
            double a = VP.driftRate(t);
            double g = VP.diffusion(t);
            model.score(x, s);
            for (int k = 0; k < 2; k++) {
                x[k] -= (a * x[k] - g * g * s[k]) * dt;
            }
            if (i < STEPS - 1) {
                for (int k = 0; k < 2; k++) {
                    x[k] += g * Math.sqrt(dt) * random.nextGaussian();
                }
            }
        }
        return x;
    }

    @Test
    void blocksOnAnyThreadCountReproduceSingleChains() throws Exception {
        TimeConditionalScoreNetwork network = TimeConditionalScoreNetwork.create(VP, 2, 4, new int[] {32, 32}, 5);
        double[] expected = new double[CHAINS * 2];
        for (int c = 0; c < CHAINS; c++) {
            System.arraycopy(oneChain(network, c), 0, expected, 2 * c, 2);
        }
        for (int threads : new int[] {1, 2}) {
            ChainSamples samples = Parallelism.of(threads).call(() -> new ReverseSdeSampler(VP, network, STEPS)
                    .run(CHAINS, SEED, 3, ProgressListener.NONE));
            assertArrayEquals(expected, samples.copyValues(), 0.0, threads + " threads");
            double[] path = samples.trajectory(2);
            assertArrayEquals(new double[] {expected[4], expected[5]},
                    new double[] {path[path.length - 2], path[path.length - 1]}, 0.0, "recorded path ends at the draw");
        }
    }

    /** The network scored one point at a time (the default {@code scores}). */
    private static TimeConditionalScore pointByPoint(TimeConditionalScoreNetwork network) {
        return new TimeConditionalScore() {
            @Override
            public int dimension() {
                return network.dimension();
            }

            @Override
            public ScoreModel at(double t) {
                ScoreModel m = network.at(t);
                return new ScoreModel() {
                    @Override
                    public int dimension() {
                        return m.dimension();
                    }

                    @Override
                    public void score(double[] x, double[] out) {
                        m.score(x, out);
                    }

                    @Override
                    public double scoreDivergence(double[] x) {
                        return m.scoreDivergence(x);
                    }
                };
            }
        };
    }

    @Test
    void predictorCorrectorBlocksEqualPointByPointScores() throws Exception {
        TimeConditionalScoreNetwork network = TimeConditionalScoreNetwork.create(VP, 2, 4, new int[] {32, 32}, 6);
        double[] expected = new PredictorCorrectorSampler(VP, pointByPoint(network), 20, 1, 0.16)
                .run(CHAINS, SEED, 0, ProgressListener.NONE).copyValues();
        for (int threads : new int[] {1, 2}) {
            double[] blocks = Parallelism.of(threads).call(() -> new PredictorCorrectorSampler(VP, network, 20, 1,
                    0.16).run(CHAINS, SEED, 0, ProgressListener.NONE).copyValues());
            assertArrayEquals(expected, blocks, 0.0, threads + " threads");
        }
    }
}
