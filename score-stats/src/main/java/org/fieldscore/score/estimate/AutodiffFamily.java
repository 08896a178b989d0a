package org.fieldscore.score.estimate;

import java.util.Objects;

import org.fieldscore.score.model.AutodiffModel;
import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.model.LogDensityFunction;
import org.fieldscore.score.model.UnnormalizedModel;
import org.hipparchus.analysis.differentiation.FDSFactory;
import org.hipparchus.analysis.differentiation.FieldDerivativeStructure;
import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.analysis.differentiation.GradientField;
import org.hipparchus.util.MathArrays;

/**
 * The Hyvärinen term of any generic {@link LogDensityFunction} by nested automatic differentiation: log q is
 * evaluated on Hipparchus {@link FieldDerivativeStructure}s of order 2 in x whose coefficients are
 * {@link Gradient}s in θ. The x-partials give S<sub>i</sub> and ∂²log q/∂x<sub>i</sub>², each carrying its exact
 * θ-gradient, so ψ = Σ<sub>i</sub>[∂²log q/∂x<sub>i</sub>² + ½ S<sub>i</sub>²] and ∇<sub>θ</sub>ψ come out together.
 * Exact but allocation-heavy (a few µs per sample for small models). Immutable.
 */
public final class AutodiffFamily implements ParametricFamily {

    private final LogDensityFunction function;
    private final FDSFactory<Gradient> factory;
    private final int[][] first;
    private final int[][] second;

    /**
     * @param function log q(x; θ) written generically
     */
    public AutodiffFamily(LogDensityFunction function) {
        this.function = Objects.requireNonNull(function, "function");
        int d = function.dimension();
        factory = new FDSFactory<>(GradientField.getField(function.parameterCount()), d, 2);
        first = new int[d][d];
        second = new int[d][d];
        for (int i = 0; i < d; i++) {
            first[i][i] = 1;
            second[i][i] = 2;
        }
    }

    @Override
    public int dimension() {
        return function.dimension();
    }

    @Override
    public int parameterCount() {
        return function.parameterCount();
    }

    @Override
    public double hyvarinenTerm(double[] x, double[] theta, double[] gradient) {
        int d = dimension();
        int m = parameterCount();
        Checks.requireDimension(x, d);
        if (theta.length != m) {
            throw new IllegalArgumentException("θ must have " + m + " entries, got " + theta.length);
        }
        FieldDerivativeStructure<Gradient>[] xs = MathArrays.buildArray(factory.getDerivativeField(), d);
        for (int i = 0; i < d; i++) {
            xs[i] = factory.variable(i, Gradient.constant(m, x[i]));
        }
        FieldDerivativeStructure<Gradient>[] th = MathArrays.buildArray(factory.getDerivativeField(), m);
        for (int k = 0; k < m; k++) {
            th[k] = factory.constant(Gradient.variable(m, k, theta[k]));
        }
        FieldDerivativeStructure<Gradient> q = function.logDensity(xs, th);
        Gradient psi = Gradient.constant(m, 0);
        for (int i = 0; i < d; i++) {
            Gradient s = q.getPartialDerivative(first[i]);
            psi = psi.add(q.getPartialDerivative(second[i])).add(s.multiply(s).multiply(0.5));
        }
        if (gradient != null) {
            double[] g = psi.getGradient();
            for (int k = 0; k < m; k++) {
                gradient[k] += g[k];
            }
        }
        return psi.getValue();
    }

    @Override
    public UnnormalizedModel at(double[] theta) {
        return new AutodiffModel(function, theta);
    }
}
