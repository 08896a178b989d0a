package org.fieldscore.runner.output.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.grid.Grid;
import org.junit.jupiter.api.Test;

class MarchingSquaresTest {

    @Test
    void contoursOfALinearFieldAreExact() {
        Grid grid = Grid.cube(2, 11, 0, 1);
        SampledScalarField f = ScalarField.of(2, (t, x) -> 2 * x[0] + x[1]).sample(grid);
        double[] seg = MarchingSquares.segments(f, 1.3);
        assertTrue(seg.length > 0);
        double length = 0;
        for (int s = 0; s < seg.length; s += 4) {
            // Linear interpolation is exact for a linear field: every end lies on 2x + y = 1.3 (rounding only).
            assertEquals(1.3, 2 * seg[s] + seg[s + 1], 1e-12);
            assertEquals(1.3, 2 * seg[s + 2] + seg[s + 3], 1e-12);
            length += Math.hypot(seg[s + 2] - seg[s], seg[s + 3] - seg[s + 1]);
        }
        // The line 2x + y = 1.3 crosses the unit square from (0.15, 1) to (0.65, 0): length √(0.5² + 1).
        assertEquals(Math.hypot(0.5, 1.0), length, 1e-12);
    }

    @Test
    void circleContourHasTheRightLength() {
        Grid grid = Grid.cube(2, 201, -1, 1);
        SampledScalarField r2 = ScalarField.of(2, (t, x) -> x[0] * x[0] + x[1] * x[1]).sample(grid);
        double[] seg = MarchingSquares.segments(r2, 0.25);
        double length = 0;
        for (int s = 0; s < seg.length; s += 4) {
            length += Math.hypot(seg[s + 2] - seg[s], seg[s + 3] - seg[s + 1]);
        }
        // Circle of radius ½: circumference π. Chords and the interpolation of r² make an O(h²) error, h = 0.01.
        assertEquals(Math.PI, length, 1e-3);
    }

    @Test
    void histogramIsADensity() {
        double[] samples = {0.1, 0.2, 0.3, 0.9, 1.0, 5.0};
        double[] density = Histogram.density(samples, 2, 0, 1);
        // 3 samples in [0, 0.5), 2 in [0.5, 1] (right end included), 1 outside; N = 6, width ½.
        assertEquals(3 / 3.0, density[0], 1e-15);
        assertEquals(2 / 3.0, density[1], 1e-15);
    }
}
