package org.fieldscore.fields.source;

import org.fieldscore.fields.grid.Grid;

/**
 * A Gaussian-regularised point charge ρ(x) = q·(2πσ²)<sup>−d/2</sup> exp(−|x − x₀|²/(2σ²)). Immutable.
 *
 * <p>On the grid the sampled values are rescaled so that the discrete total Σ ρ<sub>p</sub> ΔV equals q exactly
 * (the part of the Gaussian outside the domain is folded back in).
 */
public final class GaussianSource implements Source {

    private final double[] centre;
    private final double width;
    private final double charge;

    /**
     * @param centre x₀
     * @param width σ &gt; 0
     * @param charge q
     */
    public GaussianSource(double[] centre, double width, double charge) {
        if (centre.length < 1 || centre.length > 3) {
            throw new IllegalArgumentException("a Gaussian source needs 1 to 3 coordinates, got " + centre.length);
        }
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("Gaussian source width must be finite and > 0, got " + width);
        }
        if (!Double.isFinite(charge)) {
            throw new IllegalArgumentException("Gaussian source charge must be finite, got " + charge);
        }
        this.centre = centre.clone();
        this.width = width;
        this.charge = charge;
    }

    @Override
    public int spaceDimension() {
        return centre.length;
    }

    @Override
    public double totalCharge() {
        return charge;
    }

    /**
     * @param x a point
     * @return the continuous density ρ(x)
     */
    public double density(double[] x) {
        return charge * unitDensity(x);
    }

    private double unitDensity(double[] x) {
        double r2 = 0;
        for (int a = 0; a < centre.length; a++) {
            double dx = x[a] - centre[a];
            r2 += dx * dx;
        }
        return Math.pow(2 * Math.PI * width * width, -centre.length / 2.0) * Math.exp(-r2 / (2 * width * width));
    }

    @Override
    public void depositInto(Grid grid, Deposition scheme, double[] density) {
        if (grid.spaceDimension() != centre.length) {
            throw new IllegalArgumentException("Gaussian source has " + centre.length
                    + " coordinates but the grid has " + grid.spaceDimension() + " dimensions");
        }
        int n = grid.spacePointCount();
        double[] shape = new double[n];
        double[] x = new double[centre.length];
        double total = 0;
        for (int p = 0; p < n; p++) {
            grid.spaceCoordinates(p, x);
            shape[p] = unitDensity(x);
            total += shape[p];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("Gaussian source of width " + width + " at "
                    + java.util.Arrays.toString(centre) + " does not reach any grid point of " + grid);
        }
        double scale = charge / (total * grid.cellVolume());
        for (int p = 0; p < n; p++) {
            density[p] += shape[p] * scale;
        }
    }
}
