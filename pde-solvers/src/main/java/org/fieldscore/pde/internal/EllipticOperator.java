package org.fieldscore.pde.internal;

import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.internal.stencil.AxisSpec;
import org.fieldscore.pde.internal.stencil.PaddedLayout;
import org.fieldscore.pde.internal.stencil.PaddedVectors;
import org.fieldscore.pde.internal.stencil.ShiftedLaplacian;
import org.fieldscore.pde.internal.stencil.TimeStepKernels;

/**
 * The discrete shifted Laplacian ∇²<sub>h</sub> − σ of a grid with boundary conditions, as the solvers and time
 * steppers use it: the {@link ShiftedLaplacian} on the grid's unknowns (padded layout, homogeneous ghost rules of
 * {@link AxisSpec} for every boundary kind), with the {@link BoundaryLifting} of the boundary data into the
 * right-hand side, the {@link GridPaddedMapping} between grid and padded arrays, {@link PaddedVectors} and the
 * {@link TimeStepKernels}. σ ≥ 0 is 0 for Poisson and 1/(k·Δt)-like for implicit diffusion steps. One- and
 * two-dimensional problems use the 3-D layout with inactive axes of one unknown. Immutable.
 */
public final class EllipticOperator {

    private final Grid grid;
    private final BoundaryConditions conditions;
    private final ShiftedLaplacian stencil;
    private final PaddedVectors vectors;
    private final BoundaryLifting lifting;
    private final GridPaddedMapping mapping;
    private final TimeStepKernels steps;

    private EllipticOperator(Grid grid, BoundaryConditions conditions, ShiftedLaplacian stencil) {
        this.grid = grid;
        this.conditions = conditions;
        this.stencil = stencil;
        this.vectors = new PaddedVectors(stencil);
        this.lifting = new BoundaryLifting(stencil, conditions);
        this.mapping = new GridPaddedMapping(stencil, grid, conditions);
        this.steps = new TimeStepKernels(stencil);
    }

    /**
     * @param grid a space grid (1 to 3 dimensions, at least 3 points per axis)
     * @param conditions a condition on every face; periodic axes must be cell-centred
     * @param shift σ ≥ 0
     * @return the operator ∇²<sub>h</sub> − σ
     * @throws IllegalArgumentException when a face has no condition, σ &lt; 0, or the conditions do not fit the grid
     */
    public static EllipticOperator of(Grid grid, BoundaryConditions conditions, double shift) {
        if (grid.hasTime()) {
            throw new IllegalArgumentException("elliptic problems need a space grid, got the space-time grid " + grid);
        }
        if (!(shift >= 0) || !Double.isFinite(shift)) {
            throw new IllegalArgumentException("shift sigma of (laplacian - sigma) must be finite and >= 0, got " + shift);
        }
        conditions.validate(grid);
        AxisSpec[] axes = new AxisSpec[3];
        int d = grid.spaceDimension();
        for (int a = 0; a < 3; a++) {
            axes[a] = a < d
                    ? AxisSpec.of(grid.centering(a), grid.size(a), grid.lower(a), grid.upper(a),
                            conditions.get(a, -1), conditions.get(a, +1), Grid.axisName(a))
                    : AxisSpec.inactive();
        }
        return new EllipticOperator(grid, conditions, new ShiftedLaplacian(axes, d, shift));
    }

    /**
     * @param newShift σ ≥ 0
     * @return the same discretisation with another shift
     */
    public EllipticOperator withShift(double newShift) {
        return of(grid, conditions, newShift);
    }

    /** @return the grid */
    public Grid grid() {
        return grid;
    }

    /** @return the boundary conditions */
    public BoundaryConditions conditions() {
        return conditions;
    }

    /** @return σ */
    public double shift() {
        return stencil.shift;
    }

    /** @return the operator A − σ on the padded unknowns */
    public ShiftedLaplacian stencil() {
        return stencil;
    }

    /** @return the padded layout of the unknowns */
    public PaddedLayout layout() {
        return stencil.layout();
    }

    /** @return the vector operations on padded arrays of this grid */
    public PaddedVectors vectors() {
        return vectors;
    }

    /** @return the boundary data as right-hand-side terms */
    public BoundaryLifting lifting() {
        return lifting;
    }

    /** @return the conversion between grid and padded arrays */
    public GridPaddedMapping mapping() {
        return mapping;
    }

    /** @return the explicit time-step kernels */
    public TimeStepKernels steps() {
        return steps;
    }

    /** @return a new zero padded array */
    public double[] newArray() {
        return stencil.layout().newArray();
    }

    /** @return the number of unknowns */
    public int unknownCount() {
        return stencil.layout().unknownCount();
    }

    /** @return whether the operator has the constants as null space */
    public boolean isSingular() {
        return stencil.isSingular();
    }

    @Override
    public String toString() {
        PaddedLayout l = stencil.layout();
        return "EllipticOperator[" + l.m0 + "x" + l.m1 + "x" + l.m2 + " unknowns, shift " + stencil.shift + "]";
    }
}
