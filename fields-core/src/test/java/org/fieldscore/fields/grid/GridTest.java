package org.fieldscore.fields.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GridTest {

    @Test
    void vertexAndCellCentringPlaceThePointsAsDocumented() {
        Grid v = Grid.of(new int[] {5}, new double[] {0}, new double[] {1}, Centering.VERTEX);
        assertEquals(0.25, v.spacing(0), 0);
        assertEquals(0.0, v.coordinate(0, 0), 0);
        assertEquals(1.0, v.coordinate(0, 4), 0);
        Grid c = Grid.of(new int[] {4}, new double[] {0}, new double[] {1}, Centering.CELL);
        assertEquals(0.25, c.spacing(0), 0);
        assertEquals(0.125, c.coordinate(0, 0), 0);
        assertEquals(0.875, c.coordinate(0, 3), 0);
        assertEquals(0.0, c.fractionalIndex(0, 0.125), 1e-15);
    }

    @Test
    void flatIndexIsXFastestThenTime() {
        Grid g = Grid.of(new int[] {3, 4, 5}, new double[] {0, 0, 0}, new double[] {1, 1, 1}, Centering.VERTEX)
                .withTime(TimeAxis.of(0, 0.1, 6));
        assertEquals(4, g.axisCount());
        assertEquals(1, g.stride(0));
        assertEquals(3, g.stride(1));
        assertEquals(12, g.stride(2));
        assertEquals(60, g.stride(3));
        assertEquals(360, g.pointCount());
        int flat = 2 + 3 * (1 + 4 * (3 + 5 * 4));
        assertEquals(2, g.index(flat, 0));
        assertEquals(1, g.index(flat, 1));
        assertEquals(3, g.index(flat, 2));
        assertEquals(4, g.index(flat, 3));
        assertEquals(0.4, g.time(flat), 1e-15);
        double[] x = new double[3];
        g.spaceCoordinates(flat, x);
        assertEquals(1.0, x[0], 0);
        assertEquals(1 / 3.0, x[1], 1e-15);
        assertEquals(0.75, x[2], 0);
        assertEquals(60, g.spacePointCount());
        assertFalse(g.space().hasTime());
    }

    @Test
    void invalidGridsNameTheArgumentAndTheValidRange() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Grid.cube(2, 0, 0, 1));
        assertTrue(zero.getMessage().contains("axis x") && zero.getMessage().contains(">= 2"), zero.getMessage());
        IllegalArgumentException spacing = assertThrows(IllegalArgumentException.class,
                () -> Grid.of(new int[] {4, 4}, new double[] {0, 1}, new double[] {1, 1}, Centering.VERTEX));
        assertTrue(spacing.getMessage().contains("axis y") && spacing.getMessage().contains("lower < upper"),
                spacing.getMessage());
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> Grid.cube(3, 2000, 0, 1));
        assertTrue(huge.getMessage().contains("2000x2000x2000") && huge.getMessage().contains("largest array"),
                huge.getMessage());
        IllegalArgumentException dims = assertThrows(IllegalArgumentException.class, () -> Grid.cube(4, 8, 0, 1));
        assertTrue(dims.getMessage().contains("1, 2 or 3"), dims.getMessage());
        IllegalArgumentException time = assertThrows(IllegalArgumentException.class, () -> TimeAxis.of(0, -1, 4));
        assertTrue(time.getMessage().contains("step"), time.getMessage());
    }
}
