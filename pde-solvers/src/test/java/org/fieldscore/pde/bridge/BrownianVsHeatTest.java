package org.fieldscore.pde.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.fields.testing.Convergence;
import org.junit.jupiter.api.Test;

class BrownianVsHeatTest {

    private static final Grid GRID = Grid.cube(2, 61, -3, 3);
    private static final BrownianVsHeat BRIDGE = new BrownianVsHeat(0.5, new double[] {0, 0});

    @Test
    void particlesSolverAndHeatKernelAgree() {
        List<BrownianVsHeat.Snapshot> snapshots = BRIDGE.run(GRID, 40_000, 0.002, 50, 3, 7, ProgressListener.NONE);
        assertEquals(3, snapshots.size());
        for (BrownianVsHeat.Snapshot s : snapshots) {
            // the solver's field matches the heat kernel to discretisation accuracy (h = 0.1, σ ≥ 0.32)
            assertTrue(s.solverVsKernel() < 0.03, "solver vs kernel at t = " + s.time() + ": " + s.solverVsKernel());
            // the histogram is as far from the solver as N draws are expected to be (±30 %: the distance is a sum of
            // hundreds of nearly independent bin deviations, so its relative spread is a few per cent; the rest
            // covers the ±O(h²) bin-averaging bias)
            assertTrue(s.histogramVsSolver() < 1.3 * s.expectedSamplingDistance() + 0.01,
                    "t = " + s.time() + ": histogram vs solver " + s.histogramVsSolver() + ", expected "
                            + s.expectedSamplingDistance());
            assertTrue(s.histogramVsSolver() > 0.7 * s.expectedSamplingDistance(),
                    "suspiciously close: " + s.histogramVsSolver());
            assertEquals(0.0, s.outsideFraction(), 0);
        }
    }

    @Test
    void theHistogramErrorFallsLikeOneOverRootN() {
        int[] sizes = {2_000, 8_000, 32_000};
        double[] errors = new double[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            errors[k] = BRIDGE.run(GRID, sizes[k], 0.002, 100, 1, 3, ProgressListener.NONE).get(0).histogramVsSolver();
        }
        // sampling error ∝ N^(−1/2); the stated tolerance ±0.1 covers the seeded noise of three runs
        Convergence.assertLogLogSlope("histogram vs solver against N", -0.5, 0.1,
                new double[] {sizes[0], sizes[1], sizes[2]}, errors);
    }
}
