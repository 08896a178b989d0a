package org.fieldscore.score.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.fieldscore.fields.Parallelism;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.estimate.FisherDivergence;
import org.fieldscore.score.model.GaussianMixtureModel;
import org.fieldscore.score.sde.ScoreSde;
import org.fieldscore.score.sde.TimeConditionalScore;
import org.fieldscore.score.sde.VariancePreservingSde;
import org.junit.jupiter.api.Test;

/** Denoising score matching over t learns the exact marginal scores of a mixture, reproducibly on any thread count. */
class DiffusionTrainingTest {

    private static final GaussianMixtureModel TOY = new GaussianMixtureModel(new double[] {0.8, 0.2},
            new double[][] {{2, 2}, {-2, -2}}, new double[][][] {{{0.5, 0}, {0, 0.5}}, {{0.5, 0}, {0, 0.5}}});
    private static final ScoreSde VP = new VariancePreservingSde(0.1, 20, 1e-3);

    private static DiffusionTraining.Result train(DiffusionTraining.Weighting weighting, int steps) {
        TimeConditionalScoreNetwork net = TimeConditionalScoreNetwork.create(VP, 2, 4, new int[] {48, 48}, 7);
        return DiffusionTraining.train(net, TOY.draw(4000, 1), new DiffusionTraining.Settings(weighting, steps, 96,
                3e-3, 0.99, 21), ProgressListener.NONE);
    }

    /** Fisher divergence ½E‖s_θ − s‖² under p_t at t, by 2000 exact draws of p_t (standard error about 5 %). */
    private static double fisher(TimeConditionalScore model, double t) {
        TimeConditionalScore exact = VP.score(TOY);
        double m = VP.meanScale(t);
        double s = VP.marginalStd(t);
        double[] x = TOY.draw(2000, 99);
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = m * x[i] + s * r.nextGaussian();
        }
        return FisherDivergence.monteCarlo(model.at(t), exact.at(t), x).value();
    }

    /**
     * After 1500 steps the Fisher divergence to the exact score at t = 0.05, 0.3 and 0.7 is below a fifth of the
     * untrained network's, for the averaged and the last weights; σ²- and likelihood weighting both train.
     */
    @Test
    void learnsTheExactMarginalScores() {
        DiffusionTraining.Result sigma = train(DiffusionTraining.Weighting.SIGMA_SQUARED, 1500);
        TimeConditionalScoreNetwork untrained = TimeConditionalScoreNetwork.create(VP, 2, 4, new int[] {48, 48}, 7);
        for (double t : new double[] {0.05, 0.3, 0.7}) {
            double before = fisher(untrained, t);
            double after = fisher(sigma.average(), t);
            assertTrue(after < before / 5, "t = " + t + ": Fisher divergence " + after + " vs untrained " + before);
            assertTrue(fisher(sigma.network(), t) < before / 5, "last weights at t = " + t);
        }
        double[] losses = sigma.losses();
        double first = Arrays.stream(losses, 0, 50).average().orElseThrow();
        double last = Arrays.stream(losses, losses.length - 200, losses.length).average().orElseThrow();
        assertTrue(last < first, "loss decreases: " + first + " → " + last);
        assertFalse(Arrays.equals(sigma.network().network().parameters(), sigma.average().network().parameters()),
                "the average differs from the last weights");
        DiffusionTraining.Result likelihood = train(DiffusionTraining.Weighting.LIKELIHOOD, 300);
        assertTrue(Double.isFinite(likelihood.losses()[299]), "likelihood weighting trains");
    }

    @Test
    void trainingDoesNotDependOnTheThreadCount() throws Exception {
        double[] one = Parallelism.of(1).call(() -> train(DiffusionTraining.Weighting.LIKELIHOOD, 40)).average()
                .network().parameters();
        double[] three = Parallelism.of(3).call(() -> train(DiffusionTraining.Weighting.LIKELIHOOD, 40)).average()
                .network().parameters();
        assertArrayEquals(one, three, 0.0);
    }
}
