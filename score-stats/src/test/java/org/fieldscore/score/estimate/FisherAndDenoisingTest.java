package org.fieldscore.score.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fieldscore.score.model.MultivariateNormalModel;
import org.junit.jupiter.api.Test;

/** Fisher divergence (closed form vs Monte Carlo) and denoising score matching with a linear score. */
class FisherAndDenoisingTest {

    private static final double[][] SIGMA = {{1, 0.5}, {0.5, 1}};

    @Test
    void monteCarloFisherDivergenceMatchesTheGaussianClosedForm() {
        MultivariateNormalModel p = MultivariateNormalModel.ofCovariance(new double[] {0, 0}, SIGMA);
        MultivariateNormalModel q = MultivariateNormalModel.ofCovariance(new double[] {0.3, -0.2},
                new double[][] {{1.5, 0.1}, {0.1, 0.8}});
        double exact = FisherDivergence.gaussian(p, q);
        FisherDivergence.Estimate mc = FisherDivergence.monteCarlo(q, p, p.draw(200_000, 4));
        // the estimate is a mean of 2·10⁵ independent terms: its error is within 4 of its own standard errors
        assertEquals(exact, mc.value(), 4 * mc.standardError());
        assertEquals(0, FisherDivergence.gaussian(p, p), 1e-15);
    }

    @Test
    void dimensionMismatchesAreRejectedWithTheDimensions() {
        MultivariateNormalModel two = MultivariateNormalModel.ofCovariance(new double[2], SIGMA);
        MultivariateNormalModel one = MultivariateNormalModel.ofCovariance(new double[1], new double[][] {{1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FisherDivergence.monteCarlo(two, one, new double[] {0, 0}));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("dimension 2")
                && e.getMessage().contains("has 1"), e.getMessage());
        IllegalArgumentException cov = assertThrows(IllegalArgumentException.class,
                () -> MultivariateNormalModel.ofCovariance(new double[2], new double[][] {{1, 0, 0}, {0, 1, 0},
                    {0, 0, 1}}));
        org.junit.jupiter.api.Assertions.assertTrue(cov.getMessage().contains("2×2"), cov.getMessage());
        IllegalArgumentException asymmetric = assertThrows(IllegalArgumentException.class,
                () -> MultivariateNormalModel.ofCovariance(new double[2], new double[][] {{1, 0.5}, {0.4, 1}}));
        org.junit.jupiter.api.Assertions.assertTrue(asymmetric.getMessage().contains("symmetric"),
                asymmetric.getMessage());
        IllegalArgumentException theta = assertThrows(IllegalArgumentException.class,
                () -> new HyvarinenObjective(new AutodiffFamily(MultivariateNormalModel.family(2)), new double[] {0, 0})
                        .value(new double[3]));
        org.junit.jupiter.api.Assertions.assertTrue(theta.getMessage().contains("5 entries"), theta.getMessage());
    }

    /**
     * DSM's minimiser over linear scores is the score of p ∗ N(0, σ²I): A = −(Σ + σ²I)⁻¹, b = (Σ + σ²I)⁻¹μ. The
     * regression target −z/σ has variance 1/σ² = 4 per coordinate; with 2·10⁵ corrupted points and regressors of
     * variance ~1.25 the coefficient standard errors are ≈ √(4/(2·10⁵·1.25)) ≈ 0.004, so 0.02 is 5 SE.
     */
    @Test
    void denoisingScoreMatchingWithALinearModelReachesTheSmoothedScore() {
        double sigma = 0.5;
        double[] mu = {1, -1};
        MultivariateNormalModel p = MultivariateNormalModel.ofCovariance(mu, SIGMA);
        LinearScoreModel fit = DenoisingScoreMatching.fitLinear(p.draw(40_000, 8), 2, sigma, 5, 9);
        MultivariateNormalModel smoothed = p.withNoise(sigma);
        double[][] target = smoothed.precision();
        double[][] a = fit.matrix();
        double[] b = fit.offset();
        for (int i = 0; i < 2; i++) {
            double bi = 0;
            for (int j = 0; j < 2; j++) {
                assertEquals(-target[i][j], a[i][j], 0.02, "A" + i + j);
                bi += target[i][j] * mu[j];
            }
            assertEquals(bi, b[i], 0.02, "b" + i);
        }
        assertThrows(IllegalArgumentException.class, () -> DenoisingScoreMatching.fitLinear(p.draw(10, 1), 2, 0, 1,
                1));
    }
}
