package org.fieldscore.runner.output.plot;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;

/**
 * Contour lines of a 2-D sampled field by marching squares (Lorensen &amp; Cline's marching cubes, SIGGRAPH 1987,
 * restricted to squares): every square of four neighbouring grid points crossed by the level gets one or two line
 * segments whose ends are found by linear interpolation along the square's edges. Saddle squares (opposite corners
 * on the same side) are resolved with the mean of the four corners.
 */
public final class MarchingSquares {

    private MarchingSquares() {
    }

    /**
     * @param field a field on a 2-D space grid
     * @param level the contour level
     * @return the segments as flat coordinates x<sub>1</sub>, y<sub>1</sub>, x<sub>2</sub>, y<sub>2</sub>, … (four
     *     numbers per segment, in data coordinates)
     * @throws IllegalArgumentException when the field is not on a 2-D space grid
     */
    public static double[] segments(SampledScalarField field, double level) {
        Grid grid = field.grid();
        if (grid.spaceDimension() != 2 || grid.hasTime()) {
            throw new IllegalArgumentException("contours need a field on a 2-D space grid, got " + grid);
        }
        int nx = grid.size(0);
        int ny = grid.size(1);
        SegmentBuffer out = new SegmentBuffer();
        double[] ex = new double[4];
        double[] ey = new double[4];
        for (int j = 0; j + 1 < ny; j++) {
            double y0 = grid.coordinate(1, j);
            double y1 = grid.coordinate(1, j + 1);
            for (int i = 0; i + 1 < nx; i++) {
                double x0 = grid.coordinate(0, i);
                double x1 = grid.coordinate(0, i + 1);
                int p = i + nx * j;
                double a = field.valueAt(p) - level;
                double b = field.valueAt(p + 1) - level;
                double c = field.valueAt(p + 1 + nx) - level;
                double d = field.valueAt(p + nx) - level;
                if (Double.isNaN(a + b + c + d)) {
                    continue;
                }
                // Edges: 0 bottom (a-b), 1 right (b-c), 2 top (d-c), 3 left (a-d).
                int crossings = 0;
                if (crosses(a, b)) {
                    ex[0] = lerp(x0, x1, a, b);
                    ey[0] = y0;
                    crossings |= 1;
                }
                if (crosses(b, c)) {
                    ex[1] = x1;
                    ey[1] = lerp(y0, y1, b, c);
                    crossings |= 2;
                }
                if (crosses(d, c)) {
                    ex[2] = lerp(x0, x1, d, c);
                    ey[2] = y1;
                    crossings |= 4;
                }
                if (crosses(a, d)) {
                    ex[3] = x0;
                    ey[3] = lerp(y0, y1, a, d);
                    crossings |= 8;
                }
                if (crossings == 15) {
                    boolean centreLikeA = ((a + b + c + d) >= 0) == (a >= 0);
                    if (centreLikeA) {
                        out.add(ex[0], ey[0], ex[1], ey[1]);
                        out.add(ex[2], ey[2], ex[3], ey[3]);
                    } else {
                        out.add(ex[0], ey[0], ex[3], ey[3]);
                        out.add(ex[1], ey[1], ex[2], ey[2]);
                    }
                } else if (crossings != 0) {
                    int first = Integer.numberOfTrailingZeros(crossings);
                    int second = 31 - Integer.numberOfLeadingZeros(crossings);
                    out.add(ex[first], ey[first], ex[second], ey[second]);
                }
            }
        }
        return out.toArray();
    }

    /** A sign change between two corner values (a corner exactly on the level counts as above it). */
    private static boolean crosses(double u, double v) {
        return (u >= 0) != (v >= 0);
    }

    private static double lerp(double x0, double x1, double u, double v) {
        return x0 + (x1 - x0) * (u / (u - v));
    }

    /** A growable flat double array. */
    private static final class SegmentBuffer {
        private double[] data = new double[256];
        private int size;

        void add(double xa, double ya, double xb, double yb) {
            if (size + 4 > data.length) {
                data = java.util.Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = xa;
            data[size++] = ya;
            data[size++] = xb;
            data[size++] = yb;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
