package org.fieldscore.score.model;

import java.util.Objects;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

import org.fieldscore.score.internal.Checks;

/**
 * The score and its divergence of a generic {@link LogDensityFunction} at fixed θ, by forward-mode automatic
 * differentiation: log q is evaluated on Hipparchus {@link DerivativeStructure}s of order 2 in the d coordinates,
 * whose first partials are S<sub>i</sub> = ∂log q/∂x<sub>i</sub> and whose pure second partials ∂²log q/∂x<sub>i</sub>²
 * sum to tr(∂S/∂x). Exact to rounding; slower than a hand-written score (it allocates per call). Immutable.
 */
public final class AutodiffModel implements UnnormalizedModel {

    private final LogDensityFunction function;
    private final double[] theta;
    private final DSFactory factory;

    /**
     * @param function log q(x; θ)
     * @param theta the parameters θ, length {@code function.parameterCount()}
     */
    public AutodiffModel(LogDensityFunction function, double[] theta) {
        this.function = Objects.requireNonNull(function, "function");
        if (theta.length != function.parameterCount()) {
            throw new IllegalArgumentException("the function has " + function.parameterCount()
                    + " parameters, got θ of length " + theta.length);
        }
        Checks.requireFinite(theta, "theta");
        this.theta = theta.clone();
        this.factory = new DSFactory(function.dimension(), 2);
    }

    @Override
    public int dimension() {
        return function.dimension();
    }

    private DerivativeStructure evaluate(double[] x) {
        int d = dimension();
        Checks.requireDimension(x, d);
        DerivativeStructure[] xs = new DerivativeStructure[d];
        for (int i = 0; i < d; i++) {
            xs[i] = factory.variable(i, x[i]);
        }
        DerivativeStructure[] th = new DerivativeStructure[theta.length];
        for (int k = 0; k < th.length; k++) {
            th[k] = factory.constant(theta[k]);
        }
        return function.logDensity(xs, th);
    }

    @Override
    public double logDensity(double[] x) {
        return evaluate(x).getValue();
    }

    @Override
    public void score(double[] x, double[] out) {
        DerivativeStructure q = evaluate(x);
        int[] orders = new int[dimension()];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = 1;
            out[i] = q.getPartialDerivative(orders);
            orders[i] = 0;
        }
    }

    @Override
    public double scoreDivergence(double[] x) {
        DerivativeStructure q = evaluate(x);
        int[] orders = new int[dimension()];
        double div = 0;
        for (int i = 0; i < orders.length; i++) {
            orders[i] = 2;
            div += q.getPartialDerivative(orders);
            orders[i] = 0;
        }
        return div;
    }
}
