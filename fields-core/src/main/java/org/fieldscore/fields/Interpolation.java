package org.fieldscore.fields;

import org.fieldscore.fields.grid.Grid;

/**
 * Multilinear interpolation on a grid. Between the outermost points and the interval ends of a cell-centred
 * axis the nearest value is held constant; points outside [lower, upper] are rejected.
 */
final class Interpolation {

    private Interpolation() {
    }

    static double multilinear(Grid grid, double[] values, double t, double[] x) {
        int d = grid.spaceDimension();
        if (x.length < d) {
            throw new IllegalArgumentException("position needs " + d + " coordinates, got " + x.length);
        }
        int axes = grid.axisCount();
        int base = 0;
        // fractional weights and strides per axis; at most 4 axes
        double f0 = 0;
        double f1 = 0;
        double f2 = 0;
        double f3 = 0;
        int s0 = 0;
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        for (int a = 0; a < axes; a++) {
            int n = grid.size(a);
            double r;
            if (a < d) {
                if (!(x[a] >= grid.lower(a) && x[a] <= grid.upper(a))) {
                    throw new IllegalArgumentException(Grid.axisName(a) + " = " + x[a] + " lies outside the grid's ["
                            + grid.lower(a) + ", " + grid.upper(a) + "]");
                }
                r = grid.fractionalIndex(a, x[a]);
            } else {
                r = (t - grid.timeAxis().start()) / grid.timeAxis().step();
                if (!(r >= -1e-9 && r <= n - 1 + 1e-9)) {
                    throw new IllegalArgumentException("t = " + t + " lies outside the grid's time range ["
                            + grid.timeAxis().start() + ", " + grid.timeAxis().end() + "]");
                }
            }
            r = Math.max(0, Math.min(n - 1, r));
            int i = Math.min((int) Math.floor(r), Math.max(n - 2, 0));
            double f = n == 1 ? 0 : r - i;
            int stride = n == 1 ? 0 : grid.stride(a);
            base += i * grid.stride(a);
            switch (a) {
                case 0 -> { f0 = f; s0 = stride; }
                case 1 -> { f1 = f; s1 = stride; }
                case 2 -> { f2 = f; s2 = stride; }
                default -> { f3 = f; s3 = stride; }
            }
        }
        double sum = 0;
        int corners = 1 << axes;
        for (int c = 0; c < corners; c++) {
            double w = 1;
            int offset = 0;
            w *= (c & 1) != 0 ? f0 : 1 - f0;
            offset += (c & 1) != 0 ? s0 : 0;
            if (axes > 1) {
                w *= (c & 2) != 0 ? f1 : 1 - f1;
                offset += (c & 2) != 0 ? s1 : 0;
            }
            if (axes > 2) {
                w *= (c & 4) != 0 ? f2 : 1 - f2;
                offset += (c & 4) != 0 ? s2 : 0;
            }
            if (axes > 3) {
                w *= (c & 8) != 0 ? f3 : 1 - f3;
                offset += (c & 8) != 0 ? s3 : 0;
            }
            if (w != 0) {
                sum += w * values[base + offset];
            }
        }
        return sum;
    }
}
