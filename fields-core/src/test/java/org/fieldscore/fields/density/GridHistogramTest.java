package org.fieldscore.fields.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;
import org.junit.jupiter.api.Test;

class GridHistogramTest {

    @Test
    void binsAreCellsCentredOnTheGridPointsEdgesIncluded() {
        Grid grid = Grid.cube(1, 5, 0, 4); // points 0 … 4, h = 1: bins [−0.5, 0.5) … [3.5, 4.5)
        double[] points = {-0.6, -0.5, 0.49, 0.5, 2.0, 4.49, 4.5, 7};
        GridHistogram.Estimate e = GridHistogram.of(grid, points);
        // 8 points, ΔV = 1: bin 0 holds −0.5 and 0.49, bin 1 holds 0.5, bin 2 holds 2, bin 4 holds 4.49
        assertArrayEquals(new double[] {2 / 8.0, 1 / 8.0, 1 / 8.0, 0, 1 / 8.0}, e.density().copyValues(), 0);
        assertEquals(3 / 8.0, e.outsideFraction(), 0);
    }

    @Test
    void uniformDrawsAreAsFarFromTheirDensityAsExpected() {
        // 10⁵ uniform draws on the cells of a 21² grid over [−0.025, 1.025]²: the TV distance is a sum of 441 nearly
        // independent bin deviations, so it lies within ±15 % of its expectation (its relative spread is ~3 %)
        Grid grid = Grid.cube(2, 21, 0, 1);
        double lo = -0.025;
        double width = 1.05;
        SplittableRandom random = new SplittableRandom(5);
        int n = 100_000;
        double[] points = new double[2 * n];
        for (int i = 0; i < points.length; i++) {
            points[i] = lo + width * random.nextDouble();
        }
        GridHistogram.Estimate e = GridHistogram.of(grid, points);
        SampledScalarField uniform = GridDensities.normalise(SampledScalarField.wrap(grid, filled(441, 1.0)));
        double tv = GridDensities.totalVariation(e.density(), uniform);
        double expected = GridDensities.expectedSamplingDistance(uniform, n);
        assertEquals(0.0, e.outsideFraction(), 0);
        assertTrue(Math.abs(tv / expected - 1) < 0.15, "TV " + tv + ", expected " + expected);
    }

    @Test
    void distancesUseTheCellWeights() {
        Grid grid = Grid.cube(1, 3, 0, 1); // h = 0.5
        SampledScalarField p = SampledScalarField.wrap(grid, new double[] {1, 1, 0});
        SampledScalarField q = SampledScalarField.wrap(grid, new double[] {0, 1, 1});
        assertEquals(0.5, GridDensities.totalVariation(p, q), 1e-15);
        assertEquals(1.0, GridDensities.maxDifference(p, q), 0);
        assertEquals(1.0, GridDensities.l2Distance(p, q), 1e-15);
        assertArrayEquals(new double[] {1, 1, 0}, GridDensities.normalise(p).copyValues(), 1e-15);
    }

    @Test
    void badInputNamesTheArgument() {
        Grid grid = Grid.cube(2, 5, 0, 1);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> GridHistogram.of(grid, new double[3]));
        assertEquals("points", e.argument());
        assertThrows(InvalidArgumentException.class,
                () -> GridDensities.normalise(SampledScalarField.wrap(grid, new double[25])));
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
