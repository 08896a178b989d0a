package org.fieldscore.fields;

import java.util.Objects;

import org.fieldscore.fields.grid.Grid;

/**
 * A vector field held on a {@link Grid}: one flat {@code double[]} per component, x fastest. Immutable.
 */
public final class SampledVectorField implements VectorField {

    private final Grid grid;
    private final double[][] values;

    private SampledVectorField(Grid grid, double[][] values) {
        this.grid = Objects.requireNonNull(grid, "grid");
        if (values.length < 1) {
            throw new IllegalArgumentException("a vector field needs at least one component");
        }
        for (int c = 0; c < values.length; c++) {
            if (values[c].length != grid.pointCount()) {
                throw new IllegalArgumentException("component " + c + " needs " + grid.pointCount()
                        + " values on " + grid + ", got " + values[c].length);
            }
        }
        this.values = values;
    }

    /**
     * Hands component arrays over without copying; the caller must not change them afterwards.
     *
     * @param grid the grid
     * @param values values[c][p]: component c at flat point p
     * @return the field
     */
    public static SampledVectorField wrap(Grid grid, double[][] values) {
        return new SampledVectorField(grid, values.clone());
    }

    /**
     * @param components sampled components on one grid
     * @return the vector field with those components
     */
    public static SampledVectorField of(SampledScalarField... components) {
        if (components.length == 0) {
            throw new IllegalArgumentException("a vector field needs at least one component");
        }
        Grid grid = components[0].grid();
        double[][] v = new double[components.length][];
        for (int c = 0; c < v.length; c++) {
            grid.requireSame(components[c].grid());
            v[c] = components[c].copyValues();
        }
        return new SampledVectorField(grid, v);
    }

    /** @return the grid */
    public Grid grid() {
        return grid;
    }

    @Override
    public int spaceDimension() {
        return grid.spaceDimension();
    }

    @Override
    public int components() {
        return values.length;
    }

    /**
     * @param c component
     * @param flat flat point index
     * @return the value of component c at that point
     */
    public double valueAt(int c, int flat) {
        return values[c][flat];
    }

    /**
     * @param c component
     * @return a copy of that component's values
     */
    public double[] copyValues(int c) {
        return values[c].clone();
    }

    @Override
    public void value(double t, double[] x, double[] out) {
        for (int c = 0; c < values.length; c++) {
            out[c] = Interpolation.multilinear(grid, values[c], t, x);
        }
    }

    @Override
    public SampledScalarField component(int c) {
        if (c < 0 || c >= values.length) {
            throw new IllegalArgumentException("component " + c + " does not exist; valid are 0 to "
                    + (values.length - 1));
        }
        return SampledScalarField.wrap(grid, values[c]);
    }

    @Override
    public SampledVectorField sample(Grid target) {
        if (target.equals(grid)) {
            return this;
        }
        SampledScalarField[] parts = new SampledScalarField[values.length];
        for (int c = 0; c < parts.length; c++) {
            parts[c] = component(c).sample(target);
        }
        return of(parts);
    }

    @Override
    public SampledScalarField norm() {
        return (SampledScalarField) VectorField.super.norm();
    }

    @Override
    public String toString() {
        return "SampledVectorField(" + values.length + " components) on " + grid;
    }
}
