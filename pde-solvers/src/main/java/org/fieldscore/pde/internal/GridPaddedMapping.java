package org.fieldscore.pde.internal;

import org.fieldscore.fields.ScalarFunction;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.bc.BoundaryValue;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.internal.stencil.AxisSpec;
import org.fieldscore.pde.internal.stencil.PaddedLayout;
import org.fieldscore.pde.internal.stencil.ShiftedLaplacian;

/**
 * Conversion between full grid arrays (every grid point, the grid's own flat order) and padded arrays of unknowns:
 * unknown (i, j, k) is grid point (i + f0, j + f1, k + f2), f<sub>a</sub> = 1 on vertex-centred axes with a fixed
 * (Dirichlet) low end and 0 otherwise; fixed boundary points take their value from the boundary data. Immutable.
 */
public final class GridPaddedMapping {

    private final ShiftedLaplacian op;
    private final PaddedLayout layout;
    private final Grid grid;
    private final BoundaryConditions conditions;

    /**
     * @param op the operator on the grid's unknowns
     * @param grid the grid
     * @param conditions the boundary conditions
     */
    public GridPaddedMapping(ShiftedLaplacian op, Grid grid, BoundaryConditions conditions) {
        this.op = op;
        this.layout = op.layout();
        this.grid = grid;
        this.conditions = conditions;
    }

    /**
     * Copies the values of the unknowns from a full grid array into a padded array.
     *
     * @param gridValues values on every grid point
     * @param padded destination
     */
    public void scatter(double[] gridValues, double[] padded) {
        forEachUnknown((q, g) -> padded[q] = gridValues[g]);
    }

    /**
     * @param padded values at the unknowns
     * @return a full grid array with those values and zero at fixed (vertex Dirichlet) points
     */
    public double[] gatherUnknowns(double[] padded) {
        double[] out = new double[grid.pointCount()];
        forEachUnknown((q, g) -> out[g] = padded[q]);
        return out;
    }

    /**
     * Writes a full grid array from padded unknowns; vertex-centred Dirichlet boundary points get g(t, x).
     *
     * @param padded the unknowns
     * @param t time for the boundary values
     * @return values on every grid point
     */
    public double[] gather(double[] padded, double t) {
        double[] out = gatherUnknowns(padded);
        int dimension = op.dimension();
        double[] x = new double[dimension];
        for (int a = dimension - 1; a >= 0; a--) {
            for (int side = 0; side < 2; side++) {
                if (!op.axis(a).fixedEnd(side)) {
                    continue;
                }
                BoundaryValue value = BoundaryLifting.boundaryValue(conditions.get(a, side == 0 ? -1 : 1));
                int b = (a + 1) % dimension;
                int c = (a + 2) % dimension;
                int nb = dimension > 1 ? grid.size(b) : 1;
                int nc = dimension > 2 ? grid.size(c) : 1;
                int layer = side == 0 ? 0 : grid.size(a) - 1;
                x[a] = grid.coordinate(a, layer);
                for (int ic = 0; ic < nc; ic++) {
                    if (dimension > 2) {
                        x[c] = grid.coordinate(c, ic);
                    }
                    for (int ib = 0; ib < nb; ib++) {
                        if (dimension > 1) {
                            x[b] = grid.coordinate(b, ib);
                        }
                        int flat = layer * grid.stride(a) + (dimension > 1 ? ib * grid.stride(b) : 0)
                                + (dimension > 2 ? ic * grid.stride(c) : 0);
                        out[flat] = value.value(t, x);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Evaluates a function at the unknowns' positions.
     *
     * @param t time
     * @param f the function
     * @param padded destination (unknowns overwritten)
     */
    public void sample(double t, ScalarFunction f, double[] padded) {
        int dimension = op.dimension();
        double[] x = new double[3];
        double[] point = new double[dimension];
        for (int k = 0; k < layout.m2; k++) {
            x[2] = op.axis(2).position(k);
            for (int j = 0; j < layout.m1; j++) {
                x[1] = op.axis(1).position(j);
                int base = layout.index(0, j, k);
                for (int i = 0; i < layout.m0; i++) {
                    x[0] = op.axis(0).position(i);
                    System.arraycopy(x, 0, point, 0, dimension);
                    padded[base + i] = f.value(t, point);
                }
            }
        }
    }

    /**
     * Copies a fixed end layer of a padded array into the matching boundary points of a grid array.
     *
     * @param axis the face's axis
     * @param side 0 low, 1 high
     * @param padded the padded array
     * @param gridValues full grid array, updated on that face
     */
    public void copyFixedLayer(int axis, int side, double[] padded, double[] gridValues) {
        int[] m = layout.unknownShape();
        int[] stride = layout.strides();
        int[] gridStride = new int[3];
        for (int a = 0; a < op.dimension(); a++) {
            gridStride[a] = grid.stride(a);
        }
        int o1 = (axis + 1) % 3;
        int o2 = (axis + 2) % 3;
        int layer = side == 0 ? -1 : m[axis];
        int gridLayer = side == 0 ? 0 : grid.size(axis) - 1;
        for (int i2 = 0; i2 < m[o2]; i2++) {
            for (int i1 = 0; i1 < m[o1]; i1++) {
                int p = layout.index(0, 0, 0) + i1 * stride[o1] + i2 * stride[o2] + layer * stride[axis];
                int g = gridLayer * gridStride[axis] + (i1 + op.axis(o1).firstGridIndex) * gridStride[o1]
                        + (i2 + op.axis(o2).firstGridIndex) * gridStride[o2];
                gridValues[g] = padded[p];
            }
        }
    }

    /** Receives a padded index and the matching grid flat index. */
    @FunctionalInterface
    private interface IndexPair {
        void accept(int padded, int gridFlat);
    }

    private void forEachUnknown(IndexPair action) {
        AxisSpec[] axes = op.axes();
        int f0 = axes[0].firstGridIndex;
        int f1 = axes[1].firstGridIndex;
        int f2 = axes[2].firstGridIndex;
        int gy = op.dimension() > 1 ? grid.stride(1) : 0;
        int gz = op.dimension() > 2 ? grid.stride(2) : 0;
        for (int k = 0; k < layout.m2; k++) {
            for (int j = 0; j < layout.m1; j++) {
                int base = layout.index(0, j, k);
                int gbase = f0 + (j + f1) * gy + (k + f2) * gz;
                for (int i = 0; i < layout.m0; i++) {
                    action.accept(base + i, gbase + i);
                }
            }
        }
    }
}
