package org.fieldscore.score.neural;

import static org.fieldscore.fields.testing.Closeness.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Hand-written backpropagation (with the Jacobian–vector product) against central differences. */
class MlpGradientTest {

    private static double loss(MlpScoreNetwork net, double[] params, TrainingObjective objective, double[] input,
            double[] aux, double sigma, double[] grad) {
        MlpKernel kernel = net.kernel();
        double[][][] transposed = kernel.newTransposed();
        kernel.transpose(params, transposed);
        boolean tangent = objective == TrainingObjective.SLICED || objective == TrainingObjective.SLICED_VARIANCE_REDUCED;
        return ScoreNetworkTrainer.sampleLoss(kernel, params, transposed, kernel.new Workspace(), grad, objective,
                tangent, input, aux, sigma, 1, 0, input.length, aux.length);
    }

    @Test
    void backpropagationMatchesCentralDifferencesForEveryObjective() {
        SplittableRandom r = new SplittableRandom(5);
        for (TrainingObjective objective : TrainingObjective.values()) {
            boolean conditional = objective == TrainingObjective.NOISE_CONDITIONAL_DENOISING;
            MlpScoreNetwork net = conditional ? MlpScoreNetwork.createNoiseConditional(2, new int[] {5, 4}, 3)
                    : MlpScoreNetwork.create(2, new int[] {5, 4}, 3);
            double[] params = net.parameters();
            for (int k = 0; k < params.length; k++) {
                params[k] += 0.3 * r.nextGaussian(); // non-zero biases, generic point
            }
            double sigma = 0.7;
            double[] input = conditional ? new double[] {0.4, -1.1, Math.log(sigma)} : new double[] {0.4, -1.1};
            double[] aux = {0.8, -0.6};
            double[] grad = new double[params.length];
            loss(net, params, objective, input, aux, sigma, grad);
            double h = 1e-6;
            for (int k = 0; k < params.length; k++) {
                double[] p = params.clone();
                p[k] += h;
                double up = loss(net, p, objective, input, aux, sigma, new double[params.length]);
                p[k] -= 2 * h;
                double down = loss(net, p, objective, input, aux, sigma, new double[params.length]);
                double numeric = (up - down) / (2 * h);
                // central differences: truncation ~h²·f‴ ≈ 1e-12, rounding ~1e-16·|f|/h ≈ 1e-10
                assertClose(objective + " θ_" + k, numeric, grad[k], 1e-7, 1e-7);
            }
        }
    }

    @Test
    void exactDivergenceMatchesFiniteDifferencesOfTheNetworkScore() {
        MlpScoreNetwork net = MlpScoreNetwork.create(2, new int[] {16, 16}, 8);
        double[] x = {0.3, -0.2};
        double h = 1e-4;
        double[] plus = new double[2];
        double[] minus = new double[2];
        double fd = 0;
        for (int i = 0; i < 2; i++) {
            double[] y = x.clone();
            y[i] += h;
            net.score(y, plus);
            y[i] -= 2 * h;
            net.score(y, minus);
            fd += (plus[i] - minus[i]) / (2 * h);
        }
        // O(h²) truncation with smooth softplus units: ~1e-8
        assertEquals(fd, net.scoreDivergence(x), 1e-6);
        MlpScoreNetwork conditional = MlpScoreNetwork.createNoiseConditional(2, new int[] {8}, 1);
        assertThrows(IllegalStateException.class, () -> conditional.score(x, plus));
        assertThrows(IllegalArgumentException.class, () -> conditional.atNoise(0));
    }

    @Test
    void softplusLogarithmSeriesMatchesTheLibraryToRounding() {
        for (int i = 0; i <= 10_000; i++) {
            double e = i / 10_000.0;
            double exact = Math.log1p(e);
            // a few ulps: the series and the library round differently
            assertEquals(exact, MlpKernel.log1pUnit(e), 1e-15 * exact + 1e-300);
        }
        assertEquals(1e-20, MlpKernel.log1pUnit(1e-20), 1e-36);
    }
}
