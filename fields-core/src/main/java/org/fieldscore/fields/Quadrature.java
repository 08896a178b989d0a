package org.fieldscore.fields;

import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;

/**
 * Second-order quadrature on a grid: trapezoidal weights on vertex-centred and time axes (half weight at the
 * two end points), midpoint weights on cell-centred axes.
 */
final class Quadrature {

    private Quadrature() {
    }

    /** @return ∫ v dV over the grid */
    static double integrate(Grid grid, double[] v) {
        return sum(grid, v, false);
    }

    /** @return ∫ v² dV over the grid */
    static double integrateSquares(Grid grid, double[] v) {
        return sum(grid, v, true);
    }

    /** @return the measure of the domain (volume × duration) */
    static double measure(Grid grid) {
        double m = 1;
        for (int a = 0; a < grid.axisCount(); a++) {
            boolean cell = a < grid.spaceDimension() && grid.centering(a) == Centering.CELL;
            m *= grid.spacing(a) * (cell ? grid.size(a) : grid.size(a) - 1);
        }
        return m;
    }

    private static double sum(Grid grid, double[] v, boolean squares) {
        int axes = grid.axisCount();
        double[][] w = new double[axes][];
        for (int a = 0; a < axes; a++) {
            w[a] = weights(grid, a);
        }
        int nx = grid.size(0);
        int rows = v.length / nx;
        double total = 0;
        double[] wx = w[0];
        for (int r = 0; r < rows; r++) {
            double rowWeight = 1;
            int rest = r;
            for (int a = 1; a < axes; a++) {
                int n = grid.size(a);
                rowWeight *= w[a][rest % n];
                rest /= n;
            }
            double s = 0;
            int base = r * nx;
            if (squares) {
                for (int i = 0; i < nx; i++) {
                    double x = v[base + i];
                    s += wx[i] * x * x;
                }
            } else {
                for (int i = 0; i < nx; i++) {
                    s += wx[i] * v[base + i];
                }
            }
            total += rowWeight * s;
        }
        return total;
    }

    private static double[] weights(Grid grid, int axis) {
        int n = grid.size(axis);
        double h = grid.spacing(axis);
        double[] w = new double[n];
        java.util.Arrays.fill(w, h);
        boolean cell = axis < grid.spaceDimension() && grid.centering(axis) == Centering.CELL;
        if (!cell) {
            w[0] = h / 2;
            w[n - 1] = h / 2;
        }
        return w;
    }
}
