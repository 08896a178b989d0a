package org.fieldscore.fields;

import java.util.function.DoubleBinaryOperator;
import java.util.function.ToDoubleFunction;

import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.parallel.ParallelLoops;

/** Pointwise combinations of fields, keeping analytic operands analytic. */
final class FieldAlgebra {

    private FieldAlgebra() {
    }

    static void requireDimension(int expected, int actual, String what) {
        if (expected != actual) {
            throw new IllegalArgumentException("space dimensions differ: the field has " + expected + ", the " + what
                    + " has " + actual);
        }
    }

    static ScalarField combine(ScalarField a, ScalarField b, DoubleBinaryOperator op) {
        requireDimension(a.spaceDimension(), b.spaceDimension(), "other field");
        Grid grid = commonGrid(a, b);
        if (grid == null) {
            return new AnalyticScalarField(a.spaceDimension(), (t, x) -> op.applyAsDouble(a.value(t, x), b.value(t, x)));
        }
        SampledScalarField sa = a.sample(grid);
        SampledScalarField sb = b.sample(grid);
        double[] out = new double[grid.pointCount()];
        ParallelLoops.forRange(0, out.length, 1 << 14, (from, to) -> {
            for (int p = from; p < to; p++) {
                out[p] = op.applyAsDouble(sa.valueAt(p), sb.valueAt(p));
            }
        });
        return SampledScalarField.wrap(grid, out);
    }

    static ScalarField compose(ToDoubleFunction<double[]> f, ScalarField... fields) {
        if (fields.length == 0) {
            throw new IllegalArgumentException("compose needs at least one field");
        }
        int d = fields[0].spaceDimension();
        for (ScalarField g : fields) {
            requireDimension(d, g.spaceDimension(), "other field");
        }
        Grid grid = commonGrid(fields);
        if (grid == null) {
            return new AnalyticScalarField(d, (t, x) -> {
                double[] v = new double[fields.length];
                for (int k = 0; k < v.length; k++) {
                    v[k] = fields[k].value(t, x);
                }
                return f.applyAsDouble(v);
            });
        }
        SampledScalarField[] s = new SampledScalarField[fields.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = fields[k].sample(grid);
        }
        double[] out = new double[grid.pointCount()];
        ParallelLoops.forRange(0, out.length, 1 << 12, (from, to) -> {
            double[] v = new double[s.length];
            for (int p = from; p < to; p++) {
                for (int k = 0; k < v.length; k++) {
                    v[k] = s[k].valueAt(p);
                }
                out[p] = f.applyAsDouble(v);
            }
        });
        return SampledScalarField.wrap(grid, out);
    }

    /** @return the one grid shared by the sampled operands, or null when all are analytic */
    static Grid commonGrid(Object... fields) {
        Grid grid = null;
        for (Object f : fields) {
            Grid g = f instanceof SampledScalarField s ? s.grid() : f instanceof SampledVectorField v ? v.grid() : null;
            if (g != null) {
                if (grid == null) {
                    grid = g;
                } else {
                    grid.requireSame(g);
                }
            }
        }
        return grid;
    }
}
