package org.fieldscore.fields.ops;

import org.fieldscore.fields.AnalyticScalarField;
import org.fieldscore.fields.ScalarField;

/**
 * A smooth manufactured field u = sin(2π k·x + c) + ½ exp(m·x) with closed-form derivatives; with m = 0 and
 * integer k it is periodic on the unit cube.
 */
record Manufactured(double[] k, double phase, double[] m) {

    static Manufactured smooth(int d, int variant) {
        double[] k = {0.31 + 0.1 * variant, -0.23, 0.17};
        double[] m = {0.6, -0.4 + 0.1 * variant, 0.3};
        return new Manufactured(java.util.Arrays.copyOf(k, d), 0.4 + variant, java.util.Arrays.copyOf(m, d));
    }

    static Manufactured periodic(int d, int variant) {
        double[] k = {1, 1 - variant, -1 + variant};
        return new Manufactured(java.util.Arrays.copyOf(k, d), 0.3 + variant, new double[d]);
    }

    private double arg(double[] x) {
        double s = phase;
        for (int a = 0; a < k.length; a++) {
            s += 2 * Math.PI * k[a] * x[a];
        }
        return s;
    }

    private double exp(double[] x) {
        double s = 0;
        for (int a = 0; a < m.length; a++) {
            s += m[a] * x[a];
        }
        return 0.5 * Math.exp(s);
    }

    double value(double[] x) {
        return Math.sin(arg(x)) + exp(x);
    }

    double derivative(int axis, double[] x) {
        return 2 * Math.PI * k[axis] * Math.cos(arg(x)) + m[axis] * exp(x);
    }

    double laplacian(double[] x) {
        double kk = 0;
        double mm = 0;
        for (int a = 0; a < k.length; a++) {
            kk += 4 * Math.PI * Math.PI * k[a] * k[a];
            mm += m[a] * m[a];
        }
        return -kk * Math.sin(arg(x)) + mm * exp(x);
    }

    AnalyticScalarField field() {
        return ScalarField.of(k.length, (t, x) -> value(x));
    }

    AnalyticScalarField derivativeField(int axis) {
        return ScalarField.of(k.length, (t, x) -> derivative(axis, x));
    }

    AnalyticScalarField laplacianField() {
        return ScalarField.of(k.length, (t, x) -> laplacian(x));
    }
}
