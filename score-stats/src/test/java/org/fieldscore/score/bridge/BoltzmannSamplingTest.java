package org.fieldscore.score.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.sample.ChainSettings;
import org.fieldscore.score.sample.ChainStart;
import org.junit.jupiter.api.Test;

class BoltzmannSamplingTest {

    @Test
    void chainsInAHarmonicWellFollowTheBoltzmannDensity() {
        // φ = |x|²/2 at T = 0.5: p ∝ exp(−|x|²), a Gaussian of variance 1/2 per axis, confined far inside [−4, 4]²
        Grid grid = Grid.cube(2, 81, -4, 4);
        SampledScalarField phi = ScalarField.of(2, (t, x) -> 0.5 * (x[0] * x[0] + x[1] * x[1])).sample(grid);
        BoltzmannSampling bridge = new BoltzmannSampling(0.5, 0.01);
        BoltzmannSampling.Result r = bridge.sample(phi, ChainSettings.of(2000, 400, 100, 11).withThin(4),
                ChainStart.uniform(-1, 1), ProgressListener.NONE);
        double[] xs = r.samples().marginal(0);
        double var = 0;
        for (double x : xs) {
            var += x * x;
        }
        var /= xs.length;
        // ULA bias: stationary variance σ²/(1 − ε/(4σ²)) = 0.5/(1 − 0.005) = 0.50251; 2e5 correlated draws
        // (ESS ≥ 5e4) give a standard error of about 0.5·√(2/5e4) = 0.0032: tolerance 5 standard errors
        assertEquals(0.50251, var, 0.016);
        // histogram vs exp(−φ/T)/Z on 0.1-wide cells: sampling noise √(bins/N) and O(ε) bias keep TV below 0.06
        assertTrue(r.totalVariation() < 0.06, "total variation " + r.totalVariation());
        assertEquals(0.0, r.outsideFraction(), 0);
    }

    @Test
    void aPotentialThatDoesNotConfineIsReportedClearly() {
        Grid grid = Grid.cube(2, 21, -1, 1);
        SampledScalarField slope = ScalarField.of(2, (t, x) -> -5 * x[0]).sample(grid);
        BoltzmannSampling bridge = new BoltzmannSampling(0.1, 0.01);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bridge.sample(slope,
                ChainSettings.of(10, 0, 2000, 1), ChainStart.at(0, 0), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("left the potential's grid"), e.getMessage());
    }
}
