package org.fieldscore.fields;

import java.util.Objects;

import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.parallel.ParallelLoops;

/**
 * A vector field given by a function of (t, x). Immutable when its function is.
 */
public final class AnalyticVectorField implements VectorField {

    private final int dimension;
    private final int components;
    private final VectorFunction function;

    /**
     * @param dimension space dimension, 1 to 3
     * @param components number of components, ≥ 1
     * @param function the components as a function of (t, x); must be safe to call from several threads
     */
    public AnalyticVectorField(int dimension, int components, VectorFunction function) {
        if (dimension < 1 || dimension > 3) {
            throw new IllegalArgumentException("space dimension must be 1, 2 or 3, got " + dimension);
        }
        if (components < 1) {
            throw new IllegalArgumentException("a vector field needs at least one component, got " + components);
        }
        this.dimension = dimension;
        this.components = components;
        this.function = Objects.requireNonNull(function, "function");
    }

    @Override
    public int spaceDimension() {
        return dimension;
    }

    @Override
    public int components() {
        return components;
    }

    @Override
    public void value(double t, double[] x, double[] out) {
        function.value(t, x, out);
    }

    @Override
    public ScalarField component(int c) {
        if (c < 0 || c >= components) {
            throw new IllegalArgumentException("component " + c + " does not exist; valid are 0 to " + (components - 1));
        }
        return new AnalyticScalarField(dimension, (t, x) -> {
            double[] out = new double[components];
            function.value(t, x, out);
            return out[c];
        });
    }

    @Override
    public SampledVectorField sample(Grid grid) {
        FieldAlgebra.requireDimension(dimension, grid.spaceDimension(), "grid");
        double[][] values = new double[components][grid.pointCount()];
        ParallelLoops.forRange(0, grid.pointCount(), 4096, (from, to) -> {
            double[] x = new double[dimension];
            double[] out = new double[components];
            for (int p = from; p < to; p++) {
                grid.spaceCoordinates(p, x);
                function.value(grid.time(p), x, out);
                for (int c = 0; c < components; c++) {
                    values[c][p] = out[c];
                }
            }
        });
        return SampledVectorField.wrap(grid, values);
    }
}
