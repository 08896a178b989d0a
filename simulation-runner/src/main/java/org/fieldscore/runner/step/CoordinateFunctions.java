package org.fieldscore.runner.step;

import org.fieldscore.fields.ScalarFunction;
import org.fieldscore.fields.VectorFunction;
import org.fieldscore.fields.bc.BoundaryValue;
import org.fieldscore.runner.expr.Formula;

/**
 * Turns formulas over (t, x, y, z) into field functions. Each thread reuses one argument array, so sampling a
 * formula on a grid allocates nothing per point on our side.
 */
final class CoordinateFunctions {

    private CoordinateFunctions() {
    }

    /**
     * @param formula a formula whose variables are t followed by the space coordinates (coordinates the field's
     *     dimension lacks are 0)
     * @return φ(t, x) = formula(t, x…)
     */
    static ScalarFunction scalar(Formula formula) {
        int n = formula.variables().size();
        ThreadLocal<double[]> args = ThreadLocal.withInitial(() -> new double[n]);
        return (t, x) -> {
            double[] a = args.get();
            a[0] = t;
            System.arraycopy(x, 0, a, 1, Math.min(x.length, n - 1));
            return formula.evaluate(a);
        };
    }

    /**
     * @param formulas one formula per component, variables t then the space coordinates
     * @return the vector function
     */
    static VectorFunction vector(Formula[] formulas) {
        ScalarFunction[] parts = new ScalarFunction[formulas.length];
        for (int c = 0; c < parts.length; c++) {
            parts[c] = scalar(formulas[c]);
        }
        return (t, x, out) -> {
            for (int c = 0; c < parts.length; c++) {
                out[c] = parts[c].value(t, x);
            }
        };
    }

    /**
     * @param formula a formula over t and the space coordinates
     * @return boundary data g(t, x) from it
     */
    static BoundaryValue boundary(Formula formula) {
        ScalarFunction f = scalar(formula);
        return f::value;
    }
}
