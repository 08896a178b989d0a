package org.fieldscore.fields.source;

import org.fieldscore.fields.grid.Grid;

/**
 * A point charge ρ = q·δ(x − x₀), the essay's particle at rest (δ³ in three dimensions). Immutable.
 *
 * <p>On the grid the charge becomes point densities ρ<sub>p</sub> = q·w<sub>p</sub>/ΔV with weights
 * w<sub>p</sub> that sum to one, so the discrete total Σ ρ<sub>p</sub> ΔV equals q up to rounding. Weights that
 * would fall outside the grid (a charge between the outermost cell centre and the wall of a cell-centred axis) are
 * moved to the nearest point inside.
 */
public final class PointSource implements Source {

    private final double[] position;
    private final double charge;

    /**
     * @param position x₀, 1 to 3 coordinates
     * @param charge q, finite
     */
    public PointSource(double[] position, double charge) {
        if (position.length < 1 || position.length > 3) {
            throw new IllegalArgumentException("a point source needs 1 to 3 coordinates, got " + position.length);
        }
        for (double c : position) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("point source position must be finite, got "
                        + java.util.Arrays.toString(position));
            }
        }
        if (!Double.isFinite(charge)) {
            throw new IllegalArgumentException("point source charge must be finite, got " + charge);
        }
        this.position = position.clone();
        this.charge = charge;
    }

    /** @return x₀ (a copy) */
    public double[] position() {
        return position.clone();
    }

    /** @return q */
    public double charge() {
        return charge;
    }

    @Override
    public int spaceDimension() {
        return position.length;
    }

    @Override
    public double totalCharge() {
        return charge;
    }

    @Override
    public void depositInto(Grid grid, Deposition scheme, double[] density) {
        int d = grid.spaceDimension();
        if (d != position.length) {
            throw new IllegalArgumentException("point source has " + position.length + " coordinates but the grid has "
                    + d + " dimensions");
        }
        if (!grid.contains(position)) {
            throw new IllegalArgumentException("point source at " + java.util.Arrays.toString(position)
                    + " lies outside " + grid);
        }
        double q = charge / grid.cellVolume();
        int[] base = new int[d];
        double[] frac = new double[d];
        for (int a = 0; a < d; a++) {
            int n = grid.size(a);
            double r = Math.max(0, Math.min(n - 1, grid.fractionalIndex(a, position[a])));
            if (scheme == Deposition.NEAREST_GRID_POINT || n == 1) {
                base[a] = (int) Math.min(n - 1, Math.round(r));
                frac[a] = 0;
            } else {
                base[a] = Math.min((int) Math.floor(r), n - 2);
                frac[a] = r - base[a];
            }
        }
        int corners = 1 << d;
        for (int c = 0; c < corners; c++) {
            double w = 1;
            int flat = 0;
            for (int a = 0; a < d; a++) {
                boolean up = (c >> a & 1) != 0;
                if (up && frac[a] == 0) {
                    w = 0;
                    break;
                }
                w *= up ? frac[a] : 1 - frac[a];
                flat += (base[a] + (up ? 1 : 0)) * grid.stride(a);
            }
            if (w != 0) {
                density[flat] += q * w;
            }
        }
    }
}
