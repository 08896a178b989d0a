package org.fieldscore.score.model;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

import org.fieldscore.score.internal.Checks;

/**
 * The fallback score of a model known only through log q: central differences with step h,
 * S<sub>i</sub> ≈ [f(x + he<sub>i</sub>) − f(x − he<sub>i</sub>)]/2h and ∂²f/∂x<sub>i</sub>² ≈ [f(x + he<sub>i</sub>) − 2f(x) +
 * f(x − he<sub>i</sub>)]/h² at order 2, and the five-point stencils (1, −8, 0, 8, −1)/12h and
 * (−1, 16, −30, 16, −1)/12h² at order 4. Truncation error O(h<sup>order</sup>); rounding error grows like
 * ε<sub>mach</sub>/h (score) and ε<sub>mach</sub>/h² (divergence), so h ≈ 1e-3 to 1e-4 suits order 2. Immutable.
 */
public final class FiniteDifferenceModel implements UnnormalizedModel {

    private final int d;
    private final ToDoubleFunction<double[]> logQ;
    private final double h;
    private final int order;

    /**
     * @param dimension d
     * @param logQ x ↦ log q(x); must not keep or modify x, and must be thread-safe
     * @param h the difference step, &gt; 0
     * @param order 2 or 4
     */
    public FiniteDifferenceModel(int dimension, ToDoubleFunction<double[]> logQ, double h, int order) {
        Checks.requirePositive(dimension, "dimension");
        Checks.requirePositive(h, "h");
        if (order != 2 && order != 4) {
            throw new IllegalArgumentException("finite-difference order must be 2 or 4, got " + order);
        }
        this.d = dimension;
        this.logQ = Objects.requireNonNull(logQ, "logQ");
        this.h = h;
        this.order = order;
    }

    /**
     * @param model a model whose log q is to be differenced (e.g. to check its analytic score)
     * @param h step
     * @param order 2 or 4
     * @return the finite-difference version of the model
     */
    public static FiniteDifferenceModel of(UnnormalizedModel model, double h, int order) {
        return new FiniteDifferenceModel(model.dimension(), model::logDensity, h, order);
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double logDensity(double[] x) {
        return logQ.applyAsDouble(x);
    }

    private double shifted(double[] y, int i, double xi, double offset) {
        y[i] = xi + offset;
        double v = logQ.applyAsDouble(y);
        y[i] = xi;
        return v;
    }

    @Override
    public void score(double[] x, double[] out) {
        double[] y = x.clone();
        for (int i = 0; i < d; i++) {
            double xi = x[i];
            double p1 = shifted(y, i, xi, h);
            double m1 = shifted(y, i, xi, -h);
            if (order == 2) {
                out[i] = (p1 - m1) / (2 * h);
            } else {
                double p2 = shifted(y, i, xi, 2 * h);
                double m2 = shifted(y, i, xi, -2 * h);
                out[i] = (m2 - 8 * m1 + 8 * p1 - p2) / (12 * h);
            }
        }
    }

    @Override
    public double scoreDivergence(double[] x) {
        double[] y = x.clone();
        double f0 = logQ.applyAsDouble(y);
        double sum = 0;
        for (int i = 0; i < d; i++) {
            double xi = x[i];
            double p1 = shifted(y, i, xi, h);
            double m1 = shifted(y, i, xi, -h);
            if (order == 2) {
                sum += (p1 - 2 * f0 + m1) / (h * h);
            } else {
                double p2 = shifted(y, i, xi, 2 * h);
                double m2 = shifted(y, i, xi, -2 * h);
                sum += (-m2 + 16 * m1 - 30 * f0 + 16 * p1 - p2) / (12 * h * h);
            }
        }
        return sum;
    }
}
