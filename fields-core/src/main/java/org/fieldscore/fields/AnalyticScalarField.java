package org.fieldscore.fields;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.parallel.ParallelLoops;

/**
 * A scalar field given by a function φ(t, x). Immutable when its function is.
 */
public final class AnalyticScalarField implements ScalarField {

    private final int dimension;
    private final ScalarFunction function;

    /**
     * @param dimension space dimension, 1 to 3
     * @param function φ(t, x); must be safe to call from several threads
     */
    public AnalyticScalarField(int dimension, ScalarFunction function) {
        if (dimension < 1 || dimension > 3) {
            throw new IllegalArgumentException("space dimension must be 1, 2 or 3, got " + dimension);
        }
        this.dimension = dimension;
        this.function = Objects.requireNonNull(function, "function");
    }

    /** @return the function behind this field */
    public ScalarFunction function() {
        return function;
    }

    @Override
    public int spaceDimension() {
        return dimension;
    }

    @Override
    public double value(double t, double[] x) {
        return function.value(t, x);
    }

    @Override
    public SampledScalarField sample(Grid grid) {
        FieldAlgebra.requireDimension(this.dimension, grid.spaceDimension(), "grid");
        double[] values = new double[grid.pointCount()];
        ParallelLoops.forRange(0, values.length, 4096, (from, to) -> {
            double[] x = new double[dimension];
            for (int p = from; p < to; p++) {
                grid.spaceCoordinates(p, x);
                values[p] = function.value(grid.time(p), x);
            }
        });
        return SampledScalarField.wrap(grid, values);
    }

    @Override
    public AnalyticScalarField map(DoubleUnaryOperator f) {
        return new AnalyticScalarField(dimension, (t, x) -> f.applyAsDouble(function.value(t, x)));
    }
}
