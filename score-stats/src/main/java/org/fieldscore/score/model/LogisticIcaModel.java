package org.fieldscore.score.model;

import org.hipparchus.CalculusFieldElement;

import org.fieldscore.score.internal.Checks;

/**
 * The independent component analysis model of Hyvärinen (2005, §3.2), log q(x; W) = Σ<sub>k</sub>
 * G(w<sub>k</sub>ᵀx), with the log-density of a unit-variance logistic source G(s) = −2 log cosh(a s),
 * a = π/(2√3). With g = G′ = −2a tanh(a s) and g′ = −2a²(1 − tanh²(a s)):
 * <pre>
 *   S(x) = Σ_k w_k g(w_kᵀx),     tr(∂S/∂x) = Σ_k ‖w_k‖² g′(w_kᵀx).
 * </pre>
 * W is square (n sources, n observed coordinates); θ = W row by row. Immutable.
 *
 * <p>Reference: A. Hyvärinen, Estimation of non-normalized statistical models by score matching, JMLR 6 (2005).
 */
public final class LogisticIcaModel implements UnnormalizedModel {

    /** a = π/(2√3): the logistic scale giving unit variance. */
    public static final double SCALE = Math.PI / (2 * Math.sqrt(3));

    private final int n;
    private final double[] w;

    /**
     * @param unmixing W, n×n, row k is the filter w<sub>k</sub>
     */
    public LogisticIcaModel(double[][] unmixing) {
        n = unmixing.length;
        Checks.requirePositive(n, "number of rows of W");
        Checks.requireSquare(unmixing, n, "W");
        w = new double[n * n];
        for (int k = 0; k < n; k++) {
            System.arraycopy(unmixing[k], 0, w, k * n, n);
        }
    }

    /** @return θ = W row by row */
    public double[] parameters() {
        return w.clone();
    }

    /** @return log cosh(y), stable for large |y| */
    static double logCosh(double y) {
        double a = Math.abs(y);
        return a + Math.log1p(Math.exp(-2 * a)) - Math.log(2);
    }

    @Override
    public int dimension() {
        return n;
    }

    private double projection(int k, double[] x) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += w[k * n + i] * x[i];
        }
        return s;
    }

    @Override
    public double logDensity(double[] x) {
        double v = 0;
        for (int k = 0; k < n; k++) {
            v += -2 * logCosh(SCALE * projection(k, x));
        }
        return v;
    }

    @Override
    public void score(double[] x, double[] out) {
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int k = 0; k < n; k++) {
            double g = -2 * SCALE * Math.tanh(SCALE * projection(k, x));
            for (int i = 0; i < n; i++) {
                out[i] += w[k * n + i] * g;
            }
        }
    }

    @Override
    public double scoreDivergence(double[] x) {
        double div = 0;
        for (int k = 0; k < n; k++) {
            double th = Math.tanh(SCALE * projection(k, x));
            double norm2 = 0;
            for (int i = 0; i < n; i++) {
                norm2 += w[k * n + i] * w[k * n + i];
            }
            div += norm2 * (-2 * SCALE * SCALE * (1 - th * th));
        }
        return div;
    }

    /**
     * The model written once for automatic differentiation, θ = W row by row.
     *
     * @param dimension n
     * @return log q(x; W) as a generic function
     */
    public static LogDensityFunction family(int dimension) {
        Checks.requirePositive(dimension, "dimension");
        return new LogDensityFunction() {
            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public int parameterCount() {
                return dimension * dimension;
            }

            @Override
            public <T extends CalculusFieldElement<T>> T logDensity(T[] x, T[] theta) {
                T sum = x[0].getField().getZero();
                for (int k = 0; k < dimension; k++) {
                    T s = x[0].getField().getZero();
                    for (int i = 0; i < dimension; i++) {
                        s = s.add(theta[k * dimension + i].multiply(x[i]));
                    }
                    T y = s.multiply(SCALE);
                    // log cosh y = |y| + log(1 + e^{−2|y|}) − log 2
                    T a = y.abs();
                    T logCosh = a.add(a.multiply(-2).exp().log1p()).subtract(Math.log(2));
                    sum = sum.add(logCosh.multiply(-2));
                }
                return sum;
            }
        };
    }
}
