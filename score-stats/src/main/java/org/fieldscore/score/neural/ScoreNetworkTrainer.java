package org.fieldscore.score.neural;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.sample.AnnealedLangevin;

/**
 * Trains an {@link MlpScoreNetwork} with Adam on one of the {@link TrainingObjective}s. Each step draws a batch
 * (with replacement), its noise and projections from one seeded stream on the calling thread, evaluates the
 * per-sample gradients in a fixed number of shards in parallel, and adds the shard gradients in order, so training
 * is reproducible whatever the thread count. Everything runs on preallocated flat arrays.
 */
public final class ScoreNetworkTrainer {

    private static final int SHARDS = 4;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;

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
        boolean tangent = objective == TrainingObjective.SLICED || objective == TrainingObjective.SLICED_VARIANCE_REDUCED;
        MlpKernel kernel = network.kernel();
        int inputs = kernel.sizes[0];
        int batch = settings.batchSize();
        int m = kernel.parameterCount;
        double[] params = network.parameters();
        double[] transposed = new double[m];
        double[] moment1 = new double[m];
        double[] moment2 = new double[m];
        double[] grad = new double[m];
        double[] batchInput = new double[batch * inputs];
        double[] batchAux = new double[batch * d];
        double[] batchSigma = new double[batch];
        double[] sigmas = conditional ? AnnealedLangevin.geometricSchedule(settings.sigmaMax(), settings.sigmaMin(),
                settings.levels()) : new double[] {settings.sigmaMax()};
        int shards = Math.min(SHARDS, batch);
        MlpKernel.Workspace[] workspaces = new MlpKernel.Workspace[shards];
        double[][] shardGrad = new double[shards][m];
        double[] shardLoss = new double[shards];
        for (int s = 0; s < shards; s++) {
            workspaces[s] = kernel.new Workspace();
        }
        double[] losses = new double[settings.steps()];
        SplittableRandom random = new SplittableRandom(settings.seed());
        long reportEvery = Math.max(1, settings.steps() / 100);
        listener.started("training " + objective + " " + Arrays.toString(kernel.sizes) + ", " + settings.steps()
                + " Adam steps", settings.steps());
        try {
            for (int step = 0; step < settings.steps(); step++) {
                kernel.transpose(params, transposed);
                fillBatch(random, data, d, count, objective, sigmas, batchInput, batchAux, batchSigma, inputs);
                ParallelLoops.forRange(0, shards, 1, (from, to) -> {
                    for (int s = from; s < to; s++) {
                        Arrays.fill(shardGrad[s], 0);
                        shardLoss[s] = 0;
                        int lo = batch * s / shards;
                        int hi = batch * (s + 1) / shards;
                        for (int b = lo; b < hi; b++) {
                            shardLoss[s] += sampleLoss(kernel, params, transposed, workspaces[s], shardGrad[s],
                                    objective, tangent, batchInput, batchAux, batchSigma[b], b, inputs, d);
                        }
                    }
                });
                Arrays.fill(grad, 0);
                double loss = 0;
                for (int s = 0; s < shards; s++) {
                    loss += shardLoss[s];
                    double[] g = shardGrad[s];
                    for (int k = 0; k < m; k++) {
                        grad[k] += g[k];
                    }
                }
                losses[step] = loss / batch;
                if (!Double.isFinite(losses[step])) {
                    throw new ArithmeticException("training diverged at step " + step + " (loss " + losses[step]
                            + "); lower the learning rate " + settings.learningRate());
                }
                adam(params, grad, moment1, moment2, 1.0 / batch, settings.learningRate(), step + 1);
                if ((step + 1) % reportEvery == 0) {
                    listener.advanced(step + 1, "loss " + losses[step]);
                }
            }
        } finally {
            listener.finished();
        }
        return new Result(network.withParameters(params), losses);
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
    static double sampleLoss(MlpKernel kernel, double[] params, double[] transposed, MlpKernel.Workspace ws,
            double[] grad, TrainingObjective objective, boolean tangent, double[] input, double[] aux, double sigma,
            int b, int inputs, int d) {
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
                // ½‖f + z‖², f = σ·s
                for (int i = 0; i < d; i++) {
                    double r = out[i] + aux[b * d + i];
                    gOut[i] = r;
                    loss += 0.5 * r * r;
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

    private static void adam(double[] params, double[] grad, double[] m1, double[] m2, double gradScale, double lr,
            int t) {
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        double stepSize = lr * Math.sqrt(c2) / c1;
        for (int k = 0; k < params.length; k++) {
            double g = grad[k] * gradScale;
            m1[k] = BETA1 * m1[k] + (1 - BETA1) * g;
            m2[k] = BETA2 * m2[k] + (1 - BETA2) * g * g;
            params[k] -= stepSize * m1[k] / (Math.sqrt(m2[k]) + ADAM_EPSILON * Math.sqrt(c2));
        }
    }
}
