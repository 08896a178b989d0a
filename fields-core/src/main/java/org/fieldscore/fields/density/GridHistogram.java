package org.fieldscore.fields.density;

import java.util.Objects;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;

/**
 * A histogram of points on the cells of a grid, read as a density. Bin b is the cell of grid point b: the box of
 * side h<sub>a</sub> centred on the point, [x<sub>a</sub> − h<sub>a</sub>/2, x<sub>a</sub> + h<sub>a</sub>/2) on
 * every axis a, so every bin, the edge bins too, has the volume ΔV = Π h<sub>a</sub> that a finite-difference field
 * carries, and density = count / (N·ΔV). Points outside every bin are counted as outside: they carry probability the
 * grid cannot show. This is the one histogram estimator of FieldScore: comparisons of samples with a density and
 * the bridges between the halves (Brownian particles and the heat equation, Boltzmann sampling) all use it.
 */
public final class GridHistogram {

    private GridHistogram() {
    }

    /**
     * @param bins a space grid whose points are the bin centres
     * @param points row-major points, {@code bins.spaceDimension()} coordinates each
     * @return the density estimate on the grid and the fraction of points outside it
     * @throws InvalidArgumentException when the grid has a time axis, or there are no points, or their coordinates
     *     do not divide into the grid's dimension
     */
    public static Estimate of(Grid bins, double[] points) {
        Objects.requireNonNull(bins, "bins");
        if (bins.hasTime()) {
            throw InvalidArgumentException.of("bins", bins, "a space grid (no time axis)");
        }
        int d = bins.spaceDimension();
        if (points.length == 0 || points.length % d != 0) {
            throw new InvalidArgumentException("points", points.length + " values", "a positive multiple of " + d,
                    "a histogram on a " + d + "-D grid needs N·" + d + " coordinates, N ≥ 1; got "
                            + points.length + " values");
        }
        int n = points.length / d;
        double[] counts = new double[bins.pointCount()];
        int outside = 0;
        for (int s = 0; s < n; s++) {
            int b = binOf(bins, points, s * d);
            if (b >= 0) {
                counts[b]++;
            } else {
                outside++;
            }
        }
        double scale = 1.0 / (n * bins.cellVolume());
        for (int b = 0; b < counts.length; b++) {
            counts[b] *= scale;
        }
        return new Estimate(SampledScalarField.wrap(bins, counts), (double) outside / n);
    }

    /**
     * The bin of one point: the grid point whose cell [x<sub>a</sub> − h<sub>a</sub>/2, x<sub>a</sub> + h<sub>a</sub>/2)
     * holds it on every axis.
     *
     * @param bins a space grid whose points are the bin centres
     * @param points row-major points
     * @param offset where the point's first coordinate is
     * @return the bin's flat index, or −1 when the point lies outside every bin (or has a NaN coordinate)
     */
    public static int binOf(Grid bins, double[] points, int offset) {
        int flat = 0;
        for (int a = 0; a < bins.spaceDimension(); a++) {
            double h = bins.spacing(a);
            double k = Math.floor((points[offset + a] - (bins.coordinate(a, 0) - 0.5 * h)) / h);
            if (!(k >= 0 && k < bins.size(a))) {
                return -1;
            }
            flat += (int) k * bins.stride(a);
        }
        return flat;
    }

    /**
     * A histogram density and the probability it lost outside the grid.
     *
     * @param density count / (N·ΔV) per bin
     * @param outsideFraction the fraction of points outside every bin
     */
    public record Estimate(SampledScalarField density, double outsideFraction) {
    }
}
