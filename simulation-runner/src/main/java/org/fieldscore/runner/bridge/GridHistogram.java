package org.fieldscore.runner.bridge;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;

/**
 * A histogram of points on the cells of a grid, read as a density: each point counts for the grid point nearest to
 * it, and density = count / (N·ΔV) with ΔV = Π h<sub>a</sub>, the cell volume a finite-difference field carries.
 * Points outside the grid are counted as lost (they carry probability the grid cannot show).
 */
final class GridHistogram {

    private GridHistogram() {
    }

    /**
     * @param grid a space grid
     * @param points row-major points, d coordinates each
     * @return the density estimate on the grid and the fraction of points outside it
     */
    static Estimate of(Grid grid, double[] points) {
        int d = grid.spaceDimension();
        int n = points.length / d;
        double[] counts = new double[grid.pointCount()];
        int lost = 0;
        for (int s = 0; s < n; s++) {
            int flat = 0;
            boolean inside = true;
            for (int a = 0; a < d && inside; a++) {
                double x = points[s * d + a];
                inside = x >= grid.lower(a) && x <= grid.upper(a);
                int i = (int) Math.round(grid.fractionalIndex(a, x));
                i = Math.max(0, Math.min(grid.size(a) - 1, i));
                flat += i * grid.stride(a);
            }
            if (inside) {
                counts[flat] += 1;
            } else {
                lost++;
            }
        }
        double scale = 1.0 / (n * grid.cellVolume());
        for (int p = 0; p < counts.length; p++) {
            counts[p] *= scale;
        }
        return new Estimate(SampledScalarField.wrap(grid, counts), (double) lost / n);
    }

    /**
     * Total variation distance ½ Σ |p − q| ΔV between two densities on one grid, with the uniform cell weights the
     * histogram uses.
     *
     * @param p a density
     * @param q another density on the same grid
     * @return the distance, in [0, 1] for normalised densities
     */
    static double totalVariation(SampledScalarField p, SampledScalarField q) {
        p.grid().requireSame(q.grid());
        double s = 0;
        for (int i = 0; i < p.size(); i++) {
            s += Math.abs(p.valueAt(i) - q.valueAt(i));
        }
        return 0.5 * s * p.grid().cellVolume();
    }

    /**
     * @param density non-negative values on a grid
     * @return the values divided by Σ ρ ΔV, so that they sum to one with the histogram's weights
     */
    static SampledScalarField normalise(SampledScalarField density) {
        double total = 0;
        for (int i = 0; i < density.size(); i++) {
            total += density.valueAt(i);
        }
        double z = total * density.grid().cellVolume();
        if (!(z > 0) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("the density cannot be normalised on " + density.grid()
                    + ": its total is " + z);
        }
        return density.times(1 / z);
    }

    /**
     * A histogram density and the probability it lost outside the grid.
     *
     * @param density counts / (N ΔV) per grid point
     * @param lostFraction fraction of points outside the grid
     */
    record Estimate(SampledScalarField density, double lostFraction) {
    }
}
