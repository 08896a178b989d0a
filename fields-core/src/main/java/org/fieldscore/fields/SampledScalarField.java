package org.fieldscore.fields;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.parallel.ParallelLoops;

/**
 * A scalar field held as values at the points of a {@link Grid}: one flat {@code double[]}, x fastest.
 *
 * <p>Instances are immutable: {@link #of} copies its input, {@link #copyValues()} returns a copy. Kernels that
 * produce a fresh array hand it over without a copy through {@link #wrap}.
 *
 * <p>Between grid points the field is interpolated multilinearly (in time too, on space-time grids). Reductions
 * integrate with the trapezoidal rule on vertex-centred axes and the midpoint rule on cell-centred axes (both
 * second order; time axes use the trapezoidal rule).
 */
public final class SampledScalarField implements ScalarField {

    private final Grid grid;
    private final double[] values;

    private SampledScalarField(Grid grid, double[] values) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.values = Objects.requireNonNull(values, "values");
        if (values.length != grid.pointCount()) {
            throw new IllegalArgumentException("a field on " + grid + " needs " + grid.pointCount()
                    + " values, got " + values.length);
        }
    }

    /**
     * @param grid the grid
     * @param values one value per grid point, x fastest (copied)
     * @return the field
     */
    public static SampledScalarField of(Grid grid, double[] values) {
        return new SampledScalarField(grid, values.clone());
    }

    /**
     * Hands an array over to a new field without copying it. The caller must not change the array afterwards.
     *
     * @param grid the grid
     * @param values one value per grid point, x fastest (not copied)
     * @return the field
     */
    public static SampledScalarField wrap(Grid grid, double[] values) {
        return new SampledScalarField(grid, values);
    }

    /**
     * @param grid the grid
     * @param c the value
     * @return the constant field c on the grid
     */
    public static SampledScalarField constant(Grid grid, double c) {
        double[] v = new double[grid.pointCount()];
        Arrays.fill(v, c);
        return new SampledScalarField(grid, v);
    }

    /** @return the grid */
    public Grid grid() {
        return grid;
    }

    @Override
    public int spaceDimension() {
        return grid.spaceDimension();
    }

    /** @return a copy of the values, x fastest */
    public double[] copyValues() {
        return values.clone();
    }

    /**
     * @param flat flat point index
     * @return the value at that point
     */
    public double valueAt(int flat) {
        return values[flat];
    }

    /** @return the number of values */
    public int size() {
        return values.length;
    }

    @Override
    public double value(double t, double[] x) {
        return Interpolation.multilinear(grid, values, t, x);
    }

    @Override
    public SampledScalarField sample(Grid target) {
        if (target.equals(grid)) {
            return this;
        }
        double[] out = new double[target.pointCount()];
        ParallelLoops.forRange(0, out.length, 4096, (from, to) -> {
            double[] x = new double[target.spaceDimension()];
            for (int p = from; p < to; p++) {
                target.spaceCoordinates(p, x);
                out[p] = value(target.time(p), x);
            }
        });
        return wrap(target, out);
    }

    @Override
    public SampledScalarField map(DoubleUnaryOperator f) {
        double[] out = new double[values.length];
        ParallelLoops.forRange(0, out.length, 1 << 14, (from, to) -> {
            for (int p = from; p < to; p++) {
                out[p] = f.applyAsDouble(values[p]);
            }
        });
        return wrap(grid, out);
    }

    @Override
    public SampledScalarField plus(ScalarField other) {
        return (SampledScalarField) ScalarField.super.plus(other);
    }

    @Override
    public SampledScalarField minus(ScalarField other) {
        return (SampledScalarField) ScalarField.super.minus(other);
    }

    @Override
    public SampledScalarField times(ScalarField other) {
        return (SampledScalarField) ScalarField.super.times(other);
    }

    @Override
    public SampledScalarField times(double c) {
        return map(v -> c * v);
    }

    /** @return the smallest value */
    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** @return the largest value */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** @return the integral divided by the domain's measure: the mean value of the field */
    public double mean() {
        return integral() / Quadrature.measure(grid);
    }

    /** @return ∫ φ dV (space, and time on space-time grids) by the rule stated in the class comment */
    public double integral() {
        return Quadrature.integrate(grid, values);
    }

    /** @return ‖φ‖<sub>2</sub> = (∫ φ² dV)<sup>½</sup> */
    public double l2Norm() {
        return Math.sqrt(Quadrature.integrateSquares(grid, values));
    }

    /** @return max |φ| */
    public double maxNorm() {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /**
     * @param other a field on the same grid (analytic fields are sampled on it)
     * @return ‖φ − ψ‖<sub>2</sub>, the continuous L2 norm of the difference by the grid's quadrature
     */
    public double l2Distance(ScalarField other) {
        return minus(other).l2Norm();
    }

    /**
     * @param other a field on the same grid (analytic fields are sampled on it)
     * @return max |φ − ψ| over the grid points
     */
    public double maxDistance(ScalarField other) {
        return minus(other).maxNorm();
    }

    @Override
    public String toString() {
        return "SampledScalarField on " + grid;
    }
}
