package org.fieldscore.score.estimate;

import java.util.SplittableRandom;

import org.fieldscore.score.internal.Checks;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;

/**
 * Denoising score matching (P. Vincent, A connection between score matching and denoising autoencoders, Neural
 * Computation 23, 2011). Convention: corrupt x by x̃ = x + σz, z ~ N(0, I); the score of the corruption kernel is
 * ∇<sub>x̃</sub> log N(x̃; x, σ²I) = −(x̃ − x)/σ² = −z/σ, and the loss is
 * <pre>
 *   ℓ(θ) = ½ E_{x,z} ‖ s_θ(x + σz) + z/σ ‖²,
 * </pre>
 * whose minimiser is the score of the smoothed density p<sub>σ</sub> = p ∗ N(0, σ²I) (not of p itself). For a
 * Gaussian p = N(μ, Σ) that is −(Σ + σ²I)⁻¹(x − μ). This class fits the linear model s(x) = Ax + b, for which ℓ is a
 * least-squares problem solved exactly; the neural network trains with the same loss in
 * {@code org.fieldscore.score.neural.ScoreNetworkTrainer}.
 */
public final class DenoisingScoreMatching {

    private DenoisingScoreMatching() {
    }

    /**
     * @param samples T samples, row-major
     * @param d dimension
     * @param sigma the noise standard deviation σ &gt; 0
     * @param noiseDrawsPerSample corruptions per sample, ≥ 1 (more reduce the noise-sampling variance)
     * @param seed seed of the corruptions
     * @return the least-squares minimiser of the empirical ℓ over linear scores
     */
    public static LinearScoreModel fitLinear(double[] samples, int d, double sigma, int noiseDrawsPerSample,
            long seed) {
        int count = Checks.requireSamples(samples, d);
        Checks.requirePositive(sigma, "sigma");
        Checks.requirePositive(noiseDrawsPerSample, "noiseDrawsPerSample");
        int p = d + 1;
        double[][] gram = new double[p][p];
        double[][] rhs = new double[p][d];
        double[] u = new double[p];
        double[] target = new double[d];
        SplittableRandom random = new SplittableRandom(seed);
        for (int t = 0; t < count; t++) {
            for (int r = 0; r < noiseDrawsPerSample; r++) {
                for (int i = 0; i < d; i++) {
                    double z = random.nextGaussian();
                    u[i] = samples[t * d + i] + sigma * z;
                    target[i] = -z / sigma;
                }
                u[d] = 1;
                for (int a = 0; a < p; a++) {
                    for (int b = a; b < p; b++) {
                        gram[a][b] += u[a] * u[b];
                    }
                    for (int i = 0; i < d; i++) {
                        rhs[a][i] += u[a] * target[i];
                    }
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                gram[a][b] = gram[b][a];
            }
        }
        double condition = MultivariateNormalFit.conditionNumber(gram);
        if (!(condition <= MultivariateNormalFit.DEFAULT_MAX_CONDITION)) {
            throw new IllConditionedException("the denoising least-squares system is singular or ill-conditioned: "
                    + "condition number " + condition, condition);
        }
        double[][] coef = new CholeskyDecomposition(MatrixUtils.createRealMatrix(gram), 0, 0).getSolver()
                .solve(MatrixUtils.createRealMatrix(rhs)).getData();
        double[][] a = new double[d][d];
        double[] b = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = coef[j][i];
            }
            b[i] = coef[d][i];
        }
        return new LinearScoreModel(a, b);
    }
}
