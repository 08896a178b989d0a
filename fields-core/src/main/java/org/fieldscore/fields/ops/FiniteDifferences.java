package org.fieldscore.fields.ops;

import java.util.Objects;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.kernel.LaplacianKernel;
import org.fieldscore.fields.parallel.ParallelLoops;

/**
 * Finite-difference differential operators on sampled fields: derivatives, gradient (with ∂/∂t on space-time
 * grids), Jacobian, divergence, Laplacian, curl.
 *
 * <p>Inside the grid the stencils are centred: for order 2, u' ≈ (u<sub>i+1</sub> − u<sub>i−1</sub>)/2h and
 * u'' ≈ (u<sub>i−1</sub> − 2u<sub>i</sub> + u<sub>i+1</sub>)/h²; for order 4, u' ≈ (u<sub>i−2</sub> − 8u<sub>i−1</sub> +
 * 8u<sub>i+1</sub> − u<sub>i+2</sub>)/12h and u'' ≈ (−u<sub>i−2</sub> + 16u<sub>i−1</sub> − 30u<sub>i</sub> +
 * 16u<sub>i+1</sub> − u<sub>i+2</sub>)/12h². Near a face the stencil is closed at the same order, using the face's
 * {@link org.fieldscore.fields.bc.BoundaryCondition} when one is given and one-sided differences otherwise (see
 * {@code docs/fields.md}). Time derivatives always close one-sidedly. The operators on a vector field apply the
 * same conditions to every component.
 *
 * <p>Instances are immutable and thread-safe; the kernels work on flat arrays and allocate only their outputs.
 */
public final class FiniteDifferences {

    private final int order;
    private final BoundaryConditions conditions;
    private final double time;

    private FiniteDifferences(int order, BoundaryConditions conditions, double time) {
        if (order != 2 && order != 4) {
            throw new IllegalArgumentException("accuracy order must be 2 or 4, got " + order);
        }
        this.order = order;
        this.conditions = Objects.requireNonNull(conditions, "boundary conditions");
        this.time = time;
    }

    /**
     * @param order 2 or 4
     * @return operators of that accuracy order with one-sided closures at every face
     */
    public static FiniteDifferences order(int order) {
        return new FiniteDifferences(order, BoundaryConditions.none(), 0.0);
    }

    /**
     * @param bcs conditions per face
     * @return the same operators closing their stencils with these conditions
     */
    public FiniteDifferences withBoundaries(BoundaryConditions bcs) {
        return new FiniteDifferences(order, bcs, time);
    }

    /**
     * @param t the time at which time-dependent boundary data are evaluated on grids without a time axis
     * @return the same operators at time t
     */
    public FiniteDifferences atTime(double t) {
        return new FiniteDifferences(order, conditions, t);
    }

    /** @return the accuracy order */
    public int order() {
        return order;
    }

    /** @return the boundary conditions */
    public BoundaryConditions boundaries() {
        return conditions;
    }

    private AxisOperator axisOperator(Grid grid, int axis, int derivative) {
        conditions.validate(grid);
        if (axis < 0 || axis >= grid.axisCount()) {
            throw new IllegalArgumentException("axis " + axis + " does not exist on " + grid + "; valid axes are 0 to "
                    + (grid.axisCount() - 1));
        }
        boolean space = axis < grid.spaceDimension();
        return new AxisOperator(grid, axis, derivative, order, space ? conditions.get(axis, -1) : null,
                space ? conditions.get(axis, +1) : null);
    }

    /**
     * @param f a field
     * @param axis axis number (the time axis of a space-time grid is {@code grid.spaceDimension()})
     * @return ∂f/∂x<sub>axis</sub>
     */
    public SampledScalarField derivative(SampledScalarField f, int axis) {
        return derivative(f, axis, 1);
    }

    /**
     * @param f a field
     * @param axis axis number
     * @return ∂²f/∂x<sub>axis</sub>²
     */
    public SampledScalarField secondDerivative(SampledScalarField f, int axis) {
        return derivative(f, axis, 2);
    }

    private SampledScalarField derivative(SampledScalarField f, int axis, int m) {
        Grid grid = f.grid();
        double[] out = new double[grid.pointCount()];
        axisOperator(grid, axis, m).apply(f.copyValues(), out, false, time);
        return SampledScalarField.wrap(grid, out);
    }

    /**
     * The spatial gradient ∇f = (∂f/∂x, ∂f/∂y, ∂f/∂z).
     *
     * @param f a field
     * @return a vector field with one component per space dimension
     */
    public SampledVectorField gradient(SampledScalarField f) {
        Grid grid = f.grid();
        double[] in = f.copyValues();
        double[][] out = new double[grid.spaceDimension()][grid.pointCount()];
        for (int a = 0; a < out.length; a++) {
            axisOperator(grid, a, 1).apply(in, out[a], false, time);
        }
        return SampledVectorField.wrap(grid, out);
    }

    /**
     * The essay's Jacobian of a space-time field, ∂φ/∂X<sup>μ</sup> = (∂φ/∂t, ∂φ/∂x, ∂φ/∂y, ∂φ/∂z).
     *
     * @param f a field on a space-time grid
     * @return d + 1 components, time first
     */
    public SampledVectorField spaceTimeGradient(SampledScalarField f) {
        Grid grid = f.grid();
        if (!grid.hasTime()) {
            throw new IllegalArgumentException("the space-time gradient needs a grid with a time axis, got " + grid);
        }
        int d = grid.spaceDimension();
        double[] in = f.copyValues();
        double[][] out = new double[d + 1][grid.pointCount()];
        axisOperator(grid, d, 1).apply(in, out[0], false, time);
        for (int a = 0; a < d; a++) {
            axisOperator(grid, a, 1).apply(in, out[a + 1], false, time);
        }
        return SampledVectorField.wrap(grid, out);
    }

    /**
     * @param v a vector field
     * @return J with J[i][a] = ∂v<sub>i</sub>/∂x<sub>a</sub> over the space axes
     */
    public SampledScalarField[][] jacobian(SampledVectorField v) {
        SampledScalarField[][] j = new SampledScalarField[v.components()][];
        for (int i = 0; i < j.length; i++) {
            SampledVectorField g = gradient(v.component(i));
            j[i] = new SampledScalarField[g.components()];
            for (int a = 0; a < j[i].length; a++) {
                j[i][a] = g.component(a);
            }
        }
        return j;
    }

    /**
     * @param v a vector field with one component per space dimension
     * @return ∇·v = Σ ∂v<sub>a</sub>/∂x<sub>a</sub>
     */
    public SampledScalarField divergence(SampledVectorField v) {
        Grid grid = v.grid();
        int d = grid.spaceDimension();
        if (v.components() != d) {
            throw new IllegalArgumentException("divergence needs one component per space dimension (" + d + "), got "
                    + v.components());
        }
        double[] out = new double[grid.pointCount()];
        for (int a = 0; a < d; a++) {
            axisOperator(grid, a, 1).apply(v.copyValues(a), out, a > 0, time);
        }
        return SampledScalarField.wrap(grid, out);
    }

    /**
     * @param v a 3-D vector field with three components
     * @return ∇×v = (∂v<sub>z</sub>/∂y − ∂v<sub>y</sub>/∂z, ∂v<sub>x</sub>/∂z − ∂v<sub>z</sub>/∂x,
     *     ∂v<sub>y</sub>/∂x − ∂v<sub>x</sub>/∂y)
     */
    public SampledVectorField curl(SampledVectorField v) {
        Grid grid = v.grid();
        if (grid.spaceDimension() != 3 || v.components() != 3) {
            throw new IllegalArgumentException("curl needs a 3-component field in 3 dimensions, got " + v.components()
                    + " components in " + grid.spaceDimension() + " dimensions (use curl2D in 2-D)");
        }
        int n = grid.pointCount();
        double[][] out = new double[3][n];
        for (int c = 0; c < 3; c++) {
            int a = (c + 1) % 3;
            int b = (c + 2) % 3;
            double[] dPlus = new double[n];
            double[] dMinus = new double[n];
            // curl_c = ∂v_b/∂x_a − ∂v_a/∂x_b with (c, a, b) cyclic
            axisOperator(grid, a, 1).apply(v.copyValues(b), dPlus, false, time);
            axisOperator(grid, b, 1).apply(v.copyValues(a), dMinus, false, time);
            for (int p = 0; p < n; p++) {
                out[c][p] = dPlus[p] - dMinus[p];
            }
        }
        return SampledVectorField.wrap(grid, out);
    }

    /**
     * @param v a 2-D vector field with two components
     * @return the scalar curl ∂v<sub>y</sub>/∂x − ∂v<sub>x</sub>/∂y
     */
    public SampledScalarField curl2D(SampledVectorField v) {
        Grid grid = v.grid();
        if (grid.spaceDimension() != 2 || v.components() != 2) {
            throw new IllegalArgumentException("the scalar curl needs a 2-component field in 2 dimensions, got "
                    + v.components() + " components in " + grid.spaceDimension() + " dimensions");
        }
        int n = grid.pointCount();
        double[] out = new double[n];
        double[] dxVy = new double[n];
        axisOperator(grid, 0, 1).apply(v.copyValues(1), dxVy, false, time);
        axisOperator(grid, 1, 1).apply(v.copyValues(0), out, false, time);
        for (int p = 0; p < n; p++) {
            out[p] = dxVy[p] - out[p];
        }
        return SampledScalarField.wrap(grid, out);
    }

    /**
     * @param v a vector field
     * @return the componentwise Laplacian
     */
    public SampledVectorField laplacian(SampledVectorField v) {
        SampledScalarField[] parts = new SampledScalarField[v.components()];
        for (int c = 0; c < parts.length; c++) {
            parts[c] = laplacian(v.component(c));
        }
        return SampledVectorField.of(parts);
    }

    /**
     * The spatial Laplacian ∇²f = Σ ∂²f/∂x<sub>a</sub>² (per time slice on space-time grids).
     *
     * @param f a field
     * @return ∇²f
     */
    public SampledScalarField laplacian(SampledScalarField f) {
        Grid grid = f.grid();
        double[] in = f.copyValues();
        double[] out = new double[grid.pointCount()];
        laplacian(grid, in, out);
        return SampledScalarField.wrap(grid, out);
    }

    /**
     * Allocation-light Laplacian on flat arrays: out = ∇²in with this object's closures.
     *
     * @param grid the grid the arrays live on
     * @param in values, not modified
     * @param out result, every point written
     */
    public void laplacian(Grid grid, double[] in, double[] out) {
        int d = grid.spaceDimension();
        AxisOperator[] ops = new AxisOperator[d];
        for (int a = 0; a < d; a++) {
            ops[a] = axisOperator(grid, a, 2);
        }
        if (grid.hasTime()) {
            for (int a = 0; a < d; a++) {
                ops[a].apply(in, out, a > 0, time);
            }
            return;
        }
        laplacianInOnePass(grid, ops, in, out);
    }

    /**
     * One sweep over the rows along x: rows that touch a face are closed point by point, the others get the
     * fused centred stencil in their interior and closures at their two ends, so every cache line is loaded once.
     */
    private void laplacianInOnePass(Grid grid, AxisOperator[] ops, double[] in, double[] out) {
        int d = ops.length;
        int r = order / 2;
        double[][][] data = new double[d][][];
        double[][] weights = new double[d][];
        int[] strides = new int[d];
        for (int a = 0; a < d; a++) {
            data[a] = ops[a].data(in, time);
            weights[a] = ops[a].scaledCentredWeights();
            strides[a] = grid.stride(a);
        }
        int nx = grid.size(0);
        int rows = grid.pointCount() / nx;
        boolean periodicX = ops[0].periodic();
        ParallelLoops.forRange(0, rows, 16, (from, to) -> {
            int[] index = new int[d];
            for (int row = from; row < to; row++) {
                boolean shellRow = periodicX;
                int rest = row;
                for (int a = 1; a < d; a++) {
                    int n = grid.size(a);
                    index[a] = rest % n;
                    rest /= n;
                    shellRow |= index[a] < r || index[a] >= n - r;
                }
                int base = row * nx;
                if (shellRow) {
                    for (int i = 0; i < nx; i++) {
                        out[base + i] = ops[0].at(in, base, i, data[0], row);
                    }
                    for (int a = 1; a < d; a++) {
                        ops[a].accumulateRun(in, out, base, base + nx, index[a], data[a], ops[a].lineOf(base));
                    }
                } else {
                    LaplacianKernel.centredRow(in, out, base + r, base + nx - r, strides, weights);
                    closeRowEnd(ops, data, weights, strides, in, out, base, 0, r, row);
                    closeRowEnd(ops, data, weights, strides, in, out, base, nx - r, nx, row);
                }
            }
        });
    }

    /** The x-closure at the ends of a row whose other axes are interior: centred across, closed along x. */
    private static void closeRowEnd(AxisOperator[] ops, double[][][] data, double[][] weights, int[] strides,
            double[] in, double[] out, int base, int from, int to, int row) {
        int r = (weights[0].length - 1) / 2;
        for (int i = from; i < to; i++) {
            int p = base + i;
            double s = ops[0].at(in, base, i, data[0], row);
            for (int a = 1; a < ops.length; a++) {
                double[] w = weights[a];
                for (int k = -r; k <= r; k++) {
                    s += w[k + r] * in[p + k * strides[a]];
                }
            }
            out[p] = s;
        }
    }
}
