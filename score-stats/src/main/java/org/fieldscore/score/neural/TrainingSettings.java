package org.fieldscore.score.neural;

import java.util.Objects;

import org.fieldscore.score.internal.Checks;

/**
 * Settings of {@link ScoreNetworkTrainer}: the objective, Adam steps, batch size, learning rate, noise levels and
 * seed. Adam uses β₁ = 0.9, β₂ = 0.999, ε̂ = 1e-8 with bias correction (Kingma &amp; Ba, ICLR 2015).
 *
 * @param objective the loss
 * @param steps number of Adam steps ≥ 1
 * @param batchSize samples per step ≥ 1 (drawn with replacement)
 * @param learningRate the Adam step α &gt; 0
 * @param sigmaMax the noise σ of {@link TrainingObjective#DENOISING}, or the largest level of the schedule
 * @param sigmaMin the smallest level of the schedule (equal to sigmaMax otherwise)
 * @param levels the number of geometric levels (1 otherwise)
 * @param seed the seed of batches, noise and projections
 */
public record TrainingSettings(TrainingObjective objective, int steps, int batchSize, double learningRate,
        double sigmaMax, double sigmaMin, int levels, long seed) {

    /** Checks the settings. */
    public TrainingSettings {
        Objects.requireNonNull(objective, "objective");
        Checks.requirePositive(steps, "steps");
        Checks.requirePositive(batchSize, "batchSize");
        Checks.requirePositive(learningRate, "learningRate");
        Checks.requirePositive(sigmaMax, "sigmaMax");
        Checks.requirePositive(sigmaMin, "sigmaMin");
        Checks.requirePositive(levels, "levels");
        if (sigmaMin > sigmaMax) {
            throw new IllegalArgumentException("sigmaMin = " + sigmaMin + " exceeds sigmaMax = " + sigmaMax);
        }
    }

    /**
     * @param varianceReduced whether to use the ½‖s‖² form
     * @param steps Adam steps
     * @param batchSize batch size
     * @param learningRate Adam α
     * @param seed seed
     * @return sliced score matching settings
     */
    public static TrainingSettings sliced(boolean varianceReduced, int steps, int batchSize, double learningRate,
            long seed) {
        return new TrainingSettings(varianceReduced ? TrainingObjective.SLICED_VARIANCE_REDUCED
                : TrainingObjective.SLICED, steps, batchSize, learningRate, 1, 1, 1, seed);
    }

    /**
     * @param sigma the noise σ
     * @param steps Adam steps
     * @param batchSize batch size
     * @param learningRate Adam α
     * @param seed seed
     * @return denoising score matching settings at one noise level
     */
    public static TrainingSettings denoising(double sigma, int steps, int batchSize, double learningRate, long seed) {
        return new TrainingSettings(TrainingObjective.DENOISING, steps, batchSize, learningRate, sigma, sigma, 1,
                seed);
    }

    /**
     * @param sigmaMax σ₁
     * @param sigmaMin σ<sub>L</sub>
     * @param levels L
     * @param steps Adam steps
     * @param batchSize batch size
     * @param learningRate Adam α
     * @param seed seed
     * @return noise-conditional denoising settings (for annealed Langevin)
     */
    public static TrainingSettings noiseConditional(double sigmaMax, double sigmaMin, int levels, int steps,
            int batchSize, double learningRate, long seed) {
        return new TrainingSettings(TrainingObjective.NOISE_CONDITIONAL_DENOISING, steps, batchSize, learningRate,
                sigmaMax, sigmaMin, levels, seed);
    }
}
