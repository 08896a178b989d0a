package org.fieldscore.score.neural;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.sample.AnnealedLangevin;

/**
 * Trains an {@link MlpScoreNetwork} with Adam on one of the {@link TrainingObjective}s. Each step draws a batch
 * (with replacement), its noise and projections from one seeded stream on the calling thread, evaluates the
 * per-sample gradients in a fixed number of shards in parallel, and adds the shard gradients in order, so training
 * is reproducible whatever the thread count (the loop of {@code AdamLoop}). Everything runs on preallocated flat
 * arrays.
 */
public final class ScoreNetworkTrainer {

    private ScoreNetworkTrainer() {
    }

    /**
     * The trained network and its loss history.
     *
     * @param network the network after the last step
     * @param losses the mean batch loss of every step
     */
    public record Result(MlpScoreNetwork network, double[] losses) {

        /**
         * @param window number of final steps
         * @return the mean loss over the last {@code window} steps
         */
        public double finalLoss(int window) {
            int from = Math.max(0, losses.length - window);
            double s = 0;
            for (int i = from; i < losses.length; i++) {
                s += losses[i];
            }
            return s / (losses.length - from);
        }
    }

    /**
     * @param network the starting network (noise-conditional exactly when the objective is
     *     {@link TrainingObjective#NOISE_CONDITIONAL_DENOISING})
     * @param data T training samples, row-major, finite
     * @param settings objective, steps, batch, learning rate, noise, seed
     * @param listener progress, one unit per step
     * @return the trained network and its losses
     */
    public static Result train(MlpScoreNetwork network, double[] data, TrainingSettings settings,
            ProgressListener listener) {
        int d = network.dimension();
        int count = Checks.requireSamples(data, d);
        TrainingObjective objective = settings.objective();
        boolean conditional = objective == TrainingObjective.NOISE_CONDITIONAL_DENOISING;
        if (conditional != network.isNoiseConditional()) {
            throw new IllegalArgumentException("objective " + objective + " needs a "
                    + (conditional ? "noise-conditional" : "plain") + " network, got a "
                    + (network.isNoiseConditional() ? "noise-conditional" : "plain") + " one");
        }
        MlpKernel kernel = network.kernel();
        int inputs = kernel.sizes[0];
        double[] sigmas = conditional ? AnnealedLangevin.geometricSchedule(settings.sigmaMax(), settings.sigmaMin(),
                settings.levels()) : new double[] {settings.sigmaMax()};
        AdamLoop.Outcome outcome = AdamLoop.run(kernel, network.parameters(), objective, settings.steps(),
                settings.batchSize(), settings.learningRate(), 0, settings.seed(),
                (random, input, aux, sigma, weight) -> fillBatch(random, data, d, count, objective, sigmas, input, aux,
                        sigma, inputs),
                "training " + objective + " " + Arrays.toString(kernel.sizes) + ", " + settings.steps()
                        + " Adam steps", listener);
        return new Result(network.withParameters(outcome.params()), outcome.losses());
    }

    private static void fillBatch(SplittableRandom random, double[] data, int d, int count,
            TrainingObjective objective, double[] sigmas, double[] input, double[] aux, double[] sigma, int inputs) {
        int batch = sigma.length;
        for (int b = 0; b < batch; b++) {
            int t = random.nextInt(count);
            double s = sigmas[sigmas.length == 1 ? 0 : random.nextInt(sigmas.length)];
            sigma[b] = s;
            boolean noisy = objective == TrainingObjective.DENOISING
                    || objective == TrainingObjective.NOISE_CONDITIONAL_DENOISING;
            for (int i = 0; i < d; i++) {
                double e = random.nextGaussian();
                aux[b * d + i] = e;
                input[b * inputs + i] = data[t * d + i] + (noisy ? s * e : 0);
            }
            if (inputs > d) {
                input[b * inputs + d] = Math.log(s);
            }
        }
    }

    /** Forward, loss and backward of one sample; adds the parameter gradient, returns the loss. */
    static double sampleLoss(MlpKernel kernel, double[] params, double[][][] transposed, MlpKernel.Workspace ws,
            double[] grad, TrainingObjective objective, boolean tangent, double[] input, double[] aux, double sigma,
            double weight, int b, int inputs, int d) {
        System.arraycopy(input, b * inputs, ws.input(), 0, inputs);
        if (tangent) {
            System.arraycopy(aux, b * d, ws.inputTangent(), 0, d);
        }
        kernel.forward(params, transposed, ws, tangent);
        double[] out = ws.output();
        double[] gOut = ws.ga[kernel.layers];
        double loss = 0;
        switch (objective) {
            case DENOISING -> {
                // ½‖s + z/σ‖²
                for (int i = 0; i < d; i++) {
                    double r = out[i] + aux[b * d + i] / sigma;
                    gOut[i] = r;
                    loss += 0.5 * r * r;
                }
            }
            case NOISE_CONDITIONAL_DENOISING -> {
                // w·½‖f + z‖², f = σ·s (w = 1 for λ(σ) = σ²; λ/σ² otherwise)
                for (int i = 0; i < d; i++) {
                    double r = out[i] + aux[b * d + i];
                    gOut[i] = weight * r;
                    loss += 0.5 * weight * r * r;
                }
            }
            case SLICED, SLICED_VARIANCE_REDUCED -> {
                double[] jv = ws.outputTangent();
                double[] gJv = ws.gda[kernel.layers];
                double vs = 0;
                double vjv = 0;
                double ss = 0;
                for (int i = 0; i < d; i++) {
                    double v = aux[b * d + i];
                    vs += v * out[i];
                    vjv += v * jv[i];
                    ss += out[i] * out[i];
                    gJv[i] = v;
                }
                if (objective == TrainingObjective.SLICED) {
                    loss = vjv + 0.5 * vs * vs;
                    for (int i = 0; i < d; i++) {
                        gOut[i] = vs * aux[b * d + i];
                    }
                } else {
                    loss = vjv + 0.5 * ss;
                    System.arraycopy(out, 0, gOut, 0, d);
                }
            }
            default -> throw new IllegalStateException("unknown objective " + objective);
        }
        kernel.backward(params, ws, grad, tangent);
        return loss;
    }
}
