package org.fieldscore.score.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.estimate.FisherDivergence;
import org.fieldscore.score.model.MultivariateNormalModel;
import org.junit.jupiter.api.Test;

/** Training is reproducible, converges on a Gaussian, and rejects mismatched settings. */
class ScoreNetworkTrainerTest {

    private static final MultivariateNormalModel ESSAY_NORMAL = MultivariateNormalModel.ofCovariance(new double[2],
            new double[][] {{1, 0.5}, {0.5, 1}});

    @Test
    void sameSeedGivesTheSameNetworkWhateverTheThreadCount() throws Exception {
        double[] data = ESSAY_NORMAL.draw(500, 1);
        TrainingSettings settings = TrainingSettings.sliced(false, 30, 16, 1e-3, 4);
        double[] one = new ForkJoinPool(1).submit(() -> ScoreNetworkTrainer.train(
                MlpScoreNetwork.create(2, new int[] {8, 8}, 2), data, settings, ProgressListener.NONE)).get()
                .network().parameters();
        double[] three = new ForkJoinPool(3).submit(() -> ScoreNetworkTrainer.train(
                MlpScoreNetwork.create(2, new int[] {8, 8}, 2), data, settings, ProgressListener.NONE)).get()
                .network().parameters();
        assertArrayEquals(one, three, 0);
    }

    /**
     * DSM at σ = 0.3 targets the score of N(0, Σ + 0.09 I); a 2-16-16-2 network after 1500 steps gets within a
     * Fisher divergence of 0.05 of it (development runs give ~0.01; the bound leaves room for optimiser noise),
     * far below the divergence of the untrained network (~1).
     */
    @Test
    void denoisingTrainingApproachesTheSmoothedGaussianScore() {
        double sigma = 0.3;
        double[] data = ESSAY_NORMAL.draw(5000, 2);
        MlpScoreNetwork untrained = MlpScoreNetwork.create(2, new int[] {16, 16}, 3);
        ScoreNetworkTrainer.Result result = ScoreNetworkTrainer.train(untrained, data,
                TrainingSettings.denoising(sigma, 1500, 64, 3e-3, 5), ProgressListener.NONE);
        MultivariateNormalModel smoothed = ESSAY_NORMAL.withNoise(sigma);
        double[] test = smoothed.draw(10_000, 6);
        double before = FisherDivergence.monteCarlo(untrained, smoothed, test).value();
        double after = FisherDivergence.monteCarlo(result.network(), smoothed, test).value();
        assertTrue(after < 0.05 && after < before / 10, "Fisher divergence " + before + " → " + after);
    }

    @Test
    void mismatchedNetworkAndObjectiveAreRejected() {
        double[] data = ESSAY_NORMAL.draw(10, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScoreNetworkTrainer.train(
                MlpScoreNetwork.create(2, new int[] {4}, 1), data,
                TrainingSettings.noiseConditional(5, 0.1, 4, 10, 8, 1e-3, 1), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("noise-conditional"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingSettings.sliced(true, 10, 0, 1e-3, 1));
        assertThrows(IllegalArgumentException.class, () -> TrainingSettings.denoising(-1, 10, 8, 1e-3, 1));
    }
}
