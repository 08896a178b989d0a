package org.fieldscore.score.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.ops.FiniteDifferences;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.ChainSettings;
import org.fieldscore.score.sample.ChainStart;
import org.fieldscore.score.sample.MetropolisAdjustedLangevin;
import org.junit.jupiter.api.Test;

/** Sampling exp(−φ/T) from a potential known only on a grid. */
class BoltzmannModelTest {

    /**
     * φ = ½k‖x‖² makes exp(−φ/T) the Gaussian N(0, (T/k)I). MALA targets the interpolated log q exactly, and the
     * interpolation error of a quadratic on a 161² grid over [−6, 6]² is ~h²k/8 ≈ 3e-4 in φ, negligible here; 20 000
     * independent final states give the variance with standard error ~1%, so 5% is a safe bound.
     */
    @Test
    void malaOnAGridPotentialReproducesTheBoltzmannVariance() {
        double k = 2;
        double temperature = 0.5;
        Grid grid = Grid.cube(2, 161, -6, 6);
        BoltzmannModel model = new BoltzmannModel(
                ScalarField.of(2, (t, x) -> 0.5 * k * (x[0] * x[0] + x[1] * x[1])).sample(grid), temperature,
                FiniteDifferences.order(2));
        double[] s = new double[2];
        model.score(new double[] {0.3, -0.45}, s);
        // the order-2 central gradient of a quadratic is exact at grid points and its interpolation is linear
        assertEquals(-k * 0.3 / temperature, s[0], 1e-9);
        assertEquals(-2 * k / temperature, model.scoreDivergence(new double[] {0.3, -0.45}), 1e-6);
        ChainSamples samples = new MetropolisAdjustedLangevin(model, 0.1).run(ChainSettings.of(20_000, 200, 1, 3),
                ChainStart.at(0, 0), ProgressListener.NONE);
        double[] drawn = samples.marginal(0);
        double var = 0;
        for (double v : drawn) {
            var += v * v / drawn.length;
        }
        assertEquals(temperature / k, var, 0.05 * temperature / k);
        assertThrows(IllegalArgumentException.class, () -> model.logDensity(new double[] {7, 0}));
        assertThrows(IllegalArgumentException.class, () -> new BoltzmannModel(
                ScalarField.of(2, (t, p) -> 0).sample(grid), 0, FiniteDifferences.order(2)));
    }
}
