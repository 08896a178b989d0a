package org.fieldscore.fields.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.junit.jupiter.api.Test;

class SourceTest {

    private static double discreteTotal(SampledScalarField rho) {
        double s = 0;
        for (int p = 0; p < rho.size(); p++) {
            s += rho.valueAt(p);
        }
        return s * rho.grid().cellVolume();
    }

    @Test
    void pointChargeIsConservedExactlyForOffGridPositions() {
        SplittableRandom random = new SplittableRandom(42);
        for (int d = 1; d <= 3; d++) {
            for (Centering c : Centering.values()) {
                Grid grid = Grid.cube(d, 11, -1, 2, c);
                for (Deposition scheme : Deposition.values()) {
                    for (int k = 0; k < 20; k++) {
                        double[] x0 = new double[d];
                        for (int a = 0; a < d; a++) {
                            x0[a] = random.nextDouble(-1, 2);
                        }
                        double q = random.nextDouble(-5, 5);
                        SampledScalarField rho = new PointSource(x0, q).deposit(grid, scheme);
                        assertEquals(q, discreteTotal(rho), 1e-12 * Math.abs(q), d + "-D " + c + " " + scheme);
                    }
                }
            }
        }
    }

    @Test
    void cloudInCellKeepsTheChargeCentre() {
        Grid grid = Grid.cube(2, 21, 0, 1);
        double[] x0 = {0.4321, 0.2468};
        SampledScalarField rho = new PointSource(x0, 2.0).deposit(grid, Deposition.CLOUD_IN_CELL);
        double[] moment = new double[2];
        double[] x = new double[2];
        for (int p = 0; p < rho.size(); p++) {
            grid.spaceCoordinates(p, x);
            moment[0] += rho.valueAt(p) * x[0] * grid.cellVolume() / 2.0;
            moment[1] += rho.valueAt(p) * x[1] * grid.cellVolume() / 2.0;
        }
        assertEquals(x0[0], moment[0], 1e-12);
        assertEquals(x0[1], moment[1], 1e-12);
    }

    @Test
    void gaussianAndSumsCarryTheirTotalCharge() {
        Grid grid = Grid.cube(3, 16, 0, 1, Centering.CELL);
        GaussianSource blob = new GaussianSource(new double[] {0.9, 0.5, 0.5}, 0.2, 3.0);
        assertEquals(3.0, discreteTotal(blob.deposit(grid, Deposition.CLOUD_IN_CELL)), 1e-12);
        SourceSum sum = new SourceSum(List.of(blob, new PointSource(new double[] {0.1, 0.2, 0.3}, 1.0)),
                new double[] {2, -1});
        assertEquals(5.0, sum.totalCharge(), 0);
        assertEquals(5.0, discreteTotal(sum.deposit(grid, Deposition.NEAREST_GRID_POINT)), 1e-12);
    }

    @Test
    void badSourcesAreRejected() {
        Grid grid = Grid.cube(2, 5, 0, 1);
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> new PointSource(new double[] {2, 0.5}, 1).deposit(grid, Deposition.CLOUD_IN_CELL));
        assertTrue(outside.getMessage().contains("outside"), outside.getMessage());
        IllegalArgumentException dims = assertThrows(IllegalArgumentException.class,
                () -> new PointSource(new double[] {0.5}, 1).deposit(grid, Deposition.CLOUD_IN_CELL));
        assertTrue(dims.getMessage().contains("1 coordinates but the grid has 2"), dims.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> new GaussianSource(new double[] {0, 0}, 0, 1));
        assertTrue(width.getMessage().contains("width"), width.getMessage());
    }
}
