package org.fieldscore.fields.source;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;

/**
 * A source density ρ(x) to be put on a grid: the right-hand side of ∇²φ = gρ, of a diffusion equation or of a
 * wave equation.
 *
 * <p>The discrete total charge of a density on a grid is Σ<sub>p</sub> ρ<sub>p</sub>·ΔV with ΔV the cell volume
 * Π h<sub>a</sub>, the sum a finite-difference solver sees. Deposition conserves it exactly.
 */
public interface Source {

    /** @return the space dimension */
    int spaceDimension();

    /** @return the total charge ∫ ρ dV the source carries */
    double totalCharge();

    /**
     * Adds this source's density to an array of grid values.
     *
     * @param grid a space grid
     * @param scheme how point charges are spread
     * @param density values per grid point, updated in place
     */
    void depositInto(Grid grid, Deposition scheme, double[] density);

    /**
     * @param grid a space grid
     * @param scheme how point charges are spread
     * @return the density on the grid
     */
    default SampledScalarField deposit(Grid grid, Deposition scheme) {
        double[] rho = new double[grid.pointCount()];
        depositInto(grid, scheme, rho);
        return SampledScalarField.wrap(grid, rho);
    }
}
