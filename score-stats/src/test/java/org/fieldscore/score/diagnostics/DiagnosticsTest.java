package org.fieldscore.score.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.fieldscore.score.model.GaussianMixtureModel;
import org.junit.jupiter.api.Test;

/** ESS, split-R̂ and MMD against closed forms. */
class DiagnosticsTest {

    /** m AR(1) chains x_k = φx_{k−1} + √(1 − φ²) z_k (stationary N(0, 1)), started at stationarity plus an offset. */
    private static double[][] ar1(int chains, int n, double phi, double[] offsets, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[chains][n];
        double s = Math.sqrt(1 - phi * phi);
        for (int c = 0; c < chains; c++) {
            double v = r.nextGaussian();
            for (int k = 0; k < n; k++) {
                v = phi * v + s * r.nextGaussian();
                x[c][k] = v + offsets[c];
            }
        }
        return x;
    }

    /**
     * For AR(1) the integrated autocorrelation time is τ = (1 + φ)/(1 − φ) = 19 at φ = 0.9, so ESS = mn/19. With
     * 4 × 20 000 draws the ESS estimate itself has a relative error of a few percent; 15% is a safe bound.
     */
    @Test
    void effectiveSampleSizeOfAnAutoregressiveChainMatchesTheIntegratedAutocorrelationTime() {
        double[][] x = ar1(4, 20_000, 0.9, new double[4], 1);
        double expected = 4 * 20_000 / 19.0;
        assertEquals(expected, EffectiveSampleSize.of(x), 0.15 * expected);
        double[][] iid = ar1(4, 5_000, 0, new double[4], 2);
        assertEquals(20_000, EffectiveSampleSize.of(iid), 0.15 * 20_000);
    }

    @Test
    void splitRhatSeparatesMixedFromStuckChains() {
        assertTrue(SplitRhat.of(ar1(4, 5_000, 0.5, new double[4], 3)) < 1.01);
        // one chain sits two standard deviations away: the between-chain variance dominates
        assertTrue(SplitRhat.of(ar1(4, 5_000, 0.5, new double[] {0, 0, 0, 2}, 4)) > 1.1);
        assertThrows(IllegalArgumentException.class, () -> SplitRhat.of(new double[][] {{1, 2, 3, 4}, {1, 2}}));
    }

    /**
     * Between N(0, I₂) and N(δ, I₂) with a Gaussian kernel of bandwidth h the population MMD² is
     * 2(h²/(h² + 2))^{d/2}(1 − exp(−‖δ‖²/(2(h² + 2)))) = 0.1023 for ‖δ‖ = 1, h = 1; under the null it is 0. With
     * 600 draws per sample the unbiased estimate's standard deviation is about 0.005, so ±0.025 is 5 SD.
     */
    @Test
    void maximumMeanDiscrepancyMatchesTheGaussianClosedForm() {
        double[][] id = {{1, 0}, {0, 1}};
        GaussianMixtureModel p = new GaussianMixtureModel(new double[] {1}, new double[][] {{0, 0}}, new double[][][] {id});
        double s = Math.sqrt(0.5);
        GaussianMixtureModel q = new GaussianMixtureModel(new double[] {1}, new double[][] {{s, s}},
                new double[][][] {id});
        double[] x = p.draw(600, 1);
        double exact = 2 * (1.0 / 3) * (1 - Math.exp(-1.0 / 6));
        assertEquals(exact, MaximumMeanDiscrepancy.squared(x, q.draw(600, 2), 2, 1), 0.025);
        assertEquals(0, MaximumMeanDiscrepancy.squared(x, p.draw(600, 3), 2, 1), 0.025);
        double h = MaximumMeanDiscrepancy.medianBandwidth(x, q.draw(600, 2), 2);
        // the median distance between two N(·, I₂) draws is √(2·2 ln 2) ≈ 1.67 (Rayleigh median with σ² = 2)
        assertEquals(Math.sqrt(4 * Math.log(2)), h, 0.15);
    }
}
