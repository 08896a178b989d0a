package org.fieldscore.score.neural;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.sde.ScoreSde;

/**
 * Denoising score matching over continuous time for a {@link TimeConditionalScoreNetwork} (Song et al., ICLR 2021,
 * eq. 7; Vincent, Neural Computation 2011): with t ~ U[ε, 1], x(t) = m(t)x(0) + s(t)z,
 * <pre>
 *   L(θ) = E_t λ(t) E ‖s_θ(x(t), t) + z/s(t)‖² / 2 = E_t (λ(t)/s(t)²) E ‖f_θ(x(t), e(t)) + z‖² / 2,
 * </pre>
 * with λ(t) = s(t)² ({@link Weighting#SIGMA_SQUARED}, Song &amp; Ermon 2019's λ(σ) = σ²) or λ(t) = g(t)²
 * ({@link Weighting#LIKELIHOOD}, the weighting under which L bounds the KL divergence: Song, Durkan, Murray, Ermon,
 * NeurIPS 2021). Adam with an exponential moving average of the weights (NCSNv2 technique 5); reproducible whatever
 * the thread count.
 */
public final class DiffusionTraining {

    private DiffusionTraining() {
    }

    /** The weighting λ(t) of the loss over time. */
    public enum Weighting {
        /** λ(t) = s(t)²: every time contributes a loss of order 1. */
        SIGMA_SQUARED,
        /** λ(t) = g(t)²: the likelihood weighting. */
        LIKELIHOOD
    }

    /**
     * Settings.
     *
     * @param weighting λ(t)
     * @param steps Adam steps ≥ 1
     * @param batchSize samples per step ≥ 1 (data drawn with replacement, t and z fresh)
     * @param learningRate Adam's α &gt; 0
     * @param emaDecay μ ∈ [0, 1) of the moving average (0.999 in NCSNv2)
     * @param seed seed of batches, times and noise
     */
    public record Settings(Weighting weighting, int steps, int batchSize, double learningRate, double emaDecay,
            long seed) {

        /** Checks the settings. */
        public Settings {
            Objects.requireNonNull(weighting, "weighting");
            Checks.requirePositive(steps, "steps");
            Checks.requirePositive(batchSize, "batchSize");
            Checks.requirePositive(learningRate, "learningRate");
            if (!(emaDecay >= 0 && emaDecay < 1)) {
                throw InvalidArgumentException.of("ema-decay", emaDecay, "in [0, 1)");
            }
        }
    }

    /**
     * The trained network, its moving average and the losses.
     *
     * @param network the parameters after the last step
     * @param average the exponential moving average of the parameters (the network to sample with)
     * @param losses the mean weighted batch loss of every step
     */
    public record Result(TimeConditionalScoreNetwork network, TimeConditionalScoreNetwork average, double[] losses) {
    }

    /**
     * @param network the starting network
     * @param data training samples, row-major, finite
     * @param settings weighting, steps, batch, learning rate, EMA decay, seed
     * @param listener progress, one unit per step
     * @return the trained network
     */
    public static Result train(TimeConditionalScoreNetwork network, double[] data, Settings settings,
            ProgressListener listener) {
        int d = network.dimension();
        int count = Checks.requireSamples(data, d);
        Checks.requireFinite(data, "data");
        MlpKernel kernel = network.network().kernel();
        int inputs = kernel.sizes[0];
        ScoreSde sde = network.sde();
        double eps = sde.epsilon();
        boolean likelihood = settings.weighting() == Weighting.LIKELIHOOD;
        AdamLoop.BatchSource source = (SplittableRandom random, double[] input, double[] aux, double[] sigma,
                double[] weight) -> {
            for (int b = 0; b < weight.length; b++) {
                int row = random.nextInt(count);
                double t = eps + (1 - eps) * random.nextDouble();
                double m = sde.meanScale(t);
                double s = sde.marginalStd(t);
                for (int i = 0; i < d; i++) {
                    double z = random.nextGaussian();
                    aux[b * d + i] = z;
                    input[b * inputs + i] = m * data[row * d + i] + s * z;
                }
                network.embed(t, input, b * inputs + d);
                sigma[b] = s;
                if (likelihood) {
                    double g = sde.diffusion(t);
                    weight[b] = g * g / (s * s);
                }
            }
        };
        AdamLoop.Outcome outcome = AdamLoop.run(kernel, network.network().parameters(),
                TrainingObjective.NOISE_CONDITIONAL_DENOISING, settings.steps(), settings.batchSize(),
                settings.learningRate(), settings.emaDecay(), settings.seed(), source,
                "denoising score matching over t (" + sde.name() + ", " + settings.weighting() + ") "
                        + Arrays.toString(kernel.sizes) + ", " + settings.steps() + " Adam steps", listener);
        return new Result(network.withParameters(outcome.params()), network.withParameters(outcome.average()),
                outcome.losses());
    }
}
