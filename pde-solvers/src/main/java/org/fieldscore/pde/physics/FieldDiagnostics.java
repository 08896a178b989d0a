package org.fieldscore.pde.physics;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.ops.FiniteDifferences;
import org.fieldscore.pde.internal.EllipticOperator;
import org.fieldscore.pde.poisson.PoissonProblem;

/**
 * Derived quantities of a potential φ: the field strength E = −∇φ, the flux of E through a box, the Gauss-law residual
 * and the curl of E.
 *
 * <p>The flux uses the same face differences as the 7-point Laplacian, so by the discrete divergence theorem the flux
 * out of a box equals −Σ ∇²<sub>h</sub>φ ΔV over the enclosed points, that is −g·(enclosed discrete charge), to the
 * solver's tolerance.
 */
public final class FieldDiagnostics {

    private FieldDiagnostics() {
    }

    /**
     * @param phi the potential
     * @param conditions its boundary conditions (used by the one-sided closures at the faces)
     * @return E = −∇φ, second-order central differences
     */
    public static SampledVectorField negativeGradient(SampledScalarField phi, BoundaryConditions conditions) {
        SampledVectorField grad = FiniteDifferences.order(2).withBoundaries(conditions).gradient(phi);
        double[][] e = new double[grad.components()][];
        for (int c = 0; c < e.length; c++) {
            e[c] = grad.copyValues(c);
            for (int i = 0; i < e[c].length; i++) {
                e[c][i] = -e[c][i];
            }
        }
        return SampledVectorField.wrap(phi.grid(), e);
    }

    /**
     * The outward flux of E = −∇φ through the surface that encloses the grid points inside [lower, upper] (the
     * surface runs half-way between those points and their outside neighbours).
     *
     * @param phi the potential
     * @param lower lower corner of the box
     * @param upper upper corner
     * @return ∮ E·n dA
     * @throws IllegalArgumentException when the box holds no grid point or touches the grid's outermost points
     */
    public static double boxFlux(SampledScalarField phi, double[] lower, double[] upper) {
        Grid g = phi.grid();
        int d = g.spaceDimension();
        if (lower.length != d || upper.length != d) {
            throw new IllegalArgumentException("box corners need " + d + " coordinates");
        }
        int[] lo = new int[3];
        int[] hi = new int[3];
        int[] n = {1, 1, 1};
        int[] stride = {1, 0, 0};
        for (int a = 0; a < d; a++) {
            n[a] = g.size(a);
            stride[a] = g.stride(a);
            lo[a] = (int) Math.ceil(g.fractionalIndex(a, lower[a]) - 1e-9);
            hi[a] = (int) Math.floor(g.fractionalIndex(a, upper[a]) + 1e-9);
            if (lo[a] < 1 || hi[a] > n[a] - 2 || lo[a] > hi[a]) {
                throw new IllegalArgumentException("box [" + lower[a] + ", " + upper[a] + "] on axis " + Grid.axisName(a)
                        + " must contain grid points and leave at least one point outside on each side");
            }
        }
        double cellVolume = g.cellVolume();
        double flux = 0;
        for (int a = 0; a < d; a++) {
            double h = g.spacing(a);
            double weight = cellVolume / (h * h);
            int b = (a + 1) % 3;
            int c = (a + 2) % 3;
            for (int side = 0; side < 2; side++) {
                int inside = side == 0 ? lo[a] : hi[a];
                int outside = side == 0 ? lo[a] - 1 : hi[a] + 1;
                for (int ic = lo[c]; ic <= hi[c]; ic++) {
                    for (int ib = lo[b]; ib <= hi[b]; ib++) {
                        int base = ib * stride[b] + ic * stride[c];
                        flux -= weight * (phi.valueAt(base + outside * stride[a]) - phi.valueAt(base + inside * stride[a]));
                    }
                }
            }
        }
        return flux;
    }

    /**
     * Gauss's law ∇·E = −gρ checked with the solver's own compact Laplacian: the residual ∇·E − (−f) =
     * f − ∇²<sub>h</sub>φ at every unknown (zero at fixed Dirichlet points).
     *
     * @param phi the potential
     * @param problem the problem it solves (grid, boundary conditions and f = gρ)
     * @return the residual field
     */
    public static SampledScalarField gaussResidual(SampledScalarField phi, PoissonProblem problem) {
        EllipticOperator op = EllipticOperator.of(problem.grid(), problem.boundaries(), 0);
        double[] u = op.newArray();
        op.mapping().scatter(phi.copyValues(), u);
        double[] lap = op.newArray();
        op.stencil().apply(u, lap);
        op.lifting().addBoundaryTerms(0, lap);
        double[] f = op.newArray();
        op.mapping().scatter(problem.rightHandSide().copyValues(), f);
        for (int i = 0; i < f.length; i++) {
            f[i] -= lap[i];
        }
        return SampledScalarField.wrap(phi.grid(), op.mapping().gatherUnknowns(f));
    }

    /**
     * @param e a 2-D or 3-D vector field
     * @return max |∇×E| over the grid (the scalar curl in 2-D)
     */
    public static double maxCurl(SampledVectorField e) {
        FiniteDifferences fd = FiniteDifferences.order(2);
        if (e.grid().spaceDimension() == 2) {
            return fd.curl2D(e).maxNorm();
        }
        return fd.curl(e).norm().maxNorm();
    }
}
