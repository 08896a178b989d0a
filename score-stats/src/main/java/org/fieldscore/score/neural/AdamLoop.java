package org.fieldscore.score.neural;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.fields.progress.ProgressListener;

/**
 * The optimisation loop shared by the trainers: each step fills a batch from one seeded stream on the calling thread,
 * evaluates the per-sample losses and gradients in a fixed number of shards in parallel, adds the shard gradients in
 * order (so the result does not depend on the thread count), and takes an Adam step (Kingma &amp; Ba, ICLR 2015:
 * β₁ = 0.9, β₂ = 0.999, ε̂ = 1e-8, bias-corrected) while keeping an exponential moving average of the parameters,
 * θ̄ ← μθ̄ + (1 − μ)θ (NCSNv2's technique 5; μ = 0 keeps no average).
 */
final class AdamLoop {

    private static final int SHARDS = 4;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;

    private AdamLoop() {
    }

    /** Fills one batch: inputs (batch × inputs), auxiliary noise (batch × d), σ and weight per sample. */
    @FunctionalInterface
    interface BatchSource {
        void fill(SplittableRandom random, double[] input, double[] aux, double[] sigma, double[] weight);
    }

    /**
     * @param params the trained parameters (final values after the call)
     * @param average receives the moving average of the parameters
     * @param losses the mean batch loss of every step
     */
    record Outcome(double[] params, double[] average, double[] losses) {
    }

    static Outcome run(MlpKernel kernel, double[] initial, TrainingObjective objective, int steps, int batch,
            double learningRate, double emaDecay, long seed, BatchSource source, String task,
            ProgressListener listener) {
        int d = kernel.sizes[kernel.sizes.length - 1];
        int inputs = kernel.sizes[0];
        boolean tangent = objective == TrainingObjective.SLICED || objective == TrainingObjective.SLICED_VARIANCE_REDUCED;
        int m = kernel.parameterCount;
        double[] params = initial.clone();
        double[] average = initial.clone();
        double[][][] transposed = kernel.newTransposed();
        double[] moment1 = new double[m];
        double[] moment2 = new double[m];
        double[] grad = new double[m];
        double[] batchInput = new double[batch * inputs];
        double[] batchAux = new double[batch * d];
        double[] batchSigma = new double[batch];
        double[] batchWeight = new double[batch];
        int shards = Math.min(SHARDS, batch);
        MlpKernel.Workspace[] workspaces = new MlpKernel.Workspace[shards];
        double[][] shardGrad = new double[shards][m];
        double[] shardLoss = new double[shards];
        for (int s = 0; s < shards; s++) {
            workspaces[s] = kernel.new Workspace();
        }
        double[] losses = new double[steps];
        SplittableRandom random = new SplittableRandom(seed);
        long reportEvery = Math.max(1, steps / 100);
        listener.started(task, steps);
        try {
            for (int step = 0; step < steps; step++) {
                kernel.transpose(params, transposed);
                Arrays.fill(batchWeight, 1.0);
                source.fill(random, batchInput, batchAux, batchSigma, batchWeight);
                ParallelLoops.forRange(0, shards, 1, (from, to) -> {
                    for (int s = from; s < to; s++) {
                        Arrays.fill(shardGrad[s], 0);
                        shardLoss[s] = 0;
                        int lo = batch * s / shards;
                        int hi = batch * (s + 1) / shards;
                        for (int b = lo; b < hi; b++) {
                            shardLoss[s] += ScoreNetworkTrainer.sampleLoss(kernel, params, transposed,
                                    workspaces[s], shardGrad[s], objective, tangent, batchInput, batchAux,
                                    batchSigma[b], batchWeight[b], b, inputs, d);
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
                            + "); lower the learning rate " + learningRate);
                }
                adam(params, grad, moment1, moment2, 1.0 / batch, learningRate, step + 1);
                for (int k = 0; k < m; k++) {
                    average[k] = emaDecay * average[k] + (1 - emaDecay) * params[k];
                }
                if ((step + 1) % reportEvery == 0) {
                    listener.advanced(step + 1, "loss " + losses[step]);
                }
            }
        } finally {
            listener.finished();
        }
        return new Outcome(params, average, losses);
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
