package org.fieldscore.fields;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.fieldscore.fields.grid.Grid;

/**
 * A scalar field φ: (t, x) → ℝ over 1 to 3 space dimensions.
 *
 * <p>A field is either {@linkplain AnalyticScalarField analytic} (a function) or {@linkplain SampledScalarField
 * sampled} (values on a {@link Grid}). Algebra keeps the most exact form it can: two analytic operands give an
 * analytic field; when one operand is sampled, the other is sampled on the same grid and the result is sampled
 * there. Two sampled operands must share their grid. Fields are immutable.
 *
 * <p>The essay's composite φ = φ₁·φ₂ + φ₃ + φ₄² + log φ₅ reads
 * {@code phi1.times(phi2).plus(phi3).plus(phi4.pow(2)).plus(phi5.log())}.
 */
public interface ScalarField {

    /** @return the number of space dimensions the field is defined on */
    int spaceDimension();

    /**
     * @param t time
     * @param x position
     * @return φ(t, x); sampled fields interpolate multilinearly
     */
    double value(double t, double[] x);

    /**
     * @param grid the grid to sample on (its time axis, if any, is sampled too)
     * @return the values of this field at the grid points
     */
    SampledScalarField sample(Grid grid);

    /**
     * @param f a function applied to every value
     * @return x ↦ f(φ(x))
     */
    ScalarField map(DoubleUnaryOperator f);

    /**
     * @param other the second operand
     * @param op the pointwise operation
     * @return x ↦ op(φ(x), ψ(x))
     */
    default ScalarField combine(ScalarField other, DoubleBinaryOperator op) {
        return FieldAlgebra.combine(this, other, op);
    }

    /** @return φ + ψ */
    default ScalarField plus(ScalarField other) {
        return combine(other, Double::sum);
    }

    /** @return φ − ψ */
    default ScalarField minus(ScalarField other) {
        return combine(other, (a, b) -> a - b);
    }

    /** @return φ·ψ */
    default ScalarField times(ScalarField other) {
        return combine(other, (a, b) -> a * b);
    }

    /** @return φ/ψ */
    default ScalarField dividedBy(ScalarField other) {
        return combine(other, (a, b) -> a / b);
    }

    /** @return φ + c */
    default ScalarField plus(double c) {
        return map(v -> v + c);
    }

    /** @return c·φ */
    default ScalarField times(double c) {
        return map(v -> c * v);
    }

    /** @return φ<sup>p</sup> */
    default ScalarField pow(double p) {
        return p == 2 ? map(v -> v * v) : map(v -> Math.pow(v, p));
    }

    /** @return log φ (natural logarithm; NaN where φ &lt; 0) */
    default ScalarField log() {
        return map(Math::log);
    }

    /** @return exp φ */
    default ScalarField exp() {
        return map(Math::exp);
    }

    /** @return √φ */
    default ScalarField sqrt() {
        return map(Math::sqrt);
    }

    /** @return −φ */
    default ScalarField negate() {
        return map(v -> -v);
    }

    /**
     * @param conversion an affine change of units
     * @return the field in the new units, e.g. °F → °C
     */
    default ScalarField convert(UnitConversion conversion) {
        return map(conversion::apply);
    }

    /**
     * Combines several fields pointwise, for composites that are clearer as one formula.
     *
     * @param f the formula, given the values of the fields in order
     * @param fields the operands (same space dimension; sampled ones on one grid)
     * @return x ↦ f(φ₁(x), …, φ<sub>n</sub>(x))
     */
    static ScalarField compose(java.util.function.ToDoubleFunction<double[]> f, ScalarField... fields) {
        return FieldAlgebra.compose(f, fields);
    }

    /**
     * @param dimension space dimension
     * @param function φ(t, x)
     * @return an analytic field
     */
    static AnalyticScalarField of(int dimension, ScalarFunction function) {
        return new AnalyticScalarField(dimension, function);
    }

    /**
     * @param dimension space dimension
     * @param c the value
     * @return the constant field c
     */
    static AnalyticScalarField constant(int dimension, double c) {
        return new AnalyticScalarField(dimension, (t, x) -> c);
    }
}
