package org.fieldscore.runner.output.plot;

import java.util.Locale;

/**
 * The scale of the values a derived field was computed from, in the derived field's units, by which a picture tells
 * a result that is zero up to rounding from a small one. For a k-th derivative of an operand v on a grid of smallest
 * spacing h it is s = max|v| / h<sup>k</sup>: rounding perturbs each operand value by about ε·max|v| (ε = 2⁻⁵² ≈
 * 2.2·10⁻¹⁶), and the stencils of order 2 and 4 weigh the values by at most Σ|w| = 64/12 per axis over h², 16/h² over
 * three axes (the order-4 Laplacian; a first derivative takes 18/12 per axis over h), so rounding alone gives values
 * of at most about 16 ε s ≈ 4·10⁻¹⁵ s (as when the two mixed differences of curl ∇φ, which commute exactly, are
 * rounded differently). A result whose spread stays within {@value ValueRange#FLAT_RELATIVE_RANGE} · s is drawn as
 * constant, and as zero when its largest magnitude does too. A real first derivative of a field resolved on N points
 * per axis is about s/N, so it is taken for rounding
 * only beyond N = 10⁹ points (10⁴·⁵ for a second derivative). Immutable.
 *
 * @param value s, positive and finite
 * @param formula how s was formed, for the picture's note, e.g. {@code max|E|/h}
 */
public record OperandScale(double value, String formula) {

    /** Checks the scale. */
    public OperandScale {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("an operand scale must be positive and finite, got " + value);
        }
    }

    /**
     * @param operand the operand's name, e.g. {@code electric-field}
     * @param maxAbs max|v| of the operand, times the magnitude of any factor the result was multiplied by
     * @param spacing the smallest grid spacing h
     * @param derivativeOrder k, 1 (gradient, divergence, curl) or 2 (Laplacian)
     * @return max|v|/h<sup>k</sup>, or null when it is zero or not finite (no scale to compare against)
     */
    public static OperandScale ofDerivative(String operand, double maxAbs, double spacing, int derivativeOrder) {
        double s = maxAbs / Math.pow(spacing, derivativeOrder);
        if (!(s > 0) || !Double.isFinite(s)) {
            return null;
        }
        return new OperandScale(s, "max|" + operand + "|/h" + (derivativeOrder == 1 ? "" : "²"));
    }

    /** @return the size below which values are rounding: {@value ValueRange#FLAT_RELATIVE_RANGE} · s */
    double roundingBound() {
        return ValueRange.FLAT_RELATIVE_RANGE * value;
    }

    /**
     * @param valueLabel what the values are, e.g. {@code |curl-e| in plane}
     * @param maxAbs the largest magnitude of the values
     * @param shown how the picture shows them, e.g. {@code drawn as 0}
     * @return the note a picture of values that are rounding carries: their size and the bound they stay within
     */
    String zeroNote(String valueLabel, double maxAbs, String shown) {
        return String.format(Locale.ROOT, "%s is zero up to rounding: max %.2g ≤ %.0e × %s = %.2g; %s",
                valueLabel, maxAbs, ValueRange.FLAT_RELATIVE_RANGE, formula, roundingBound(), shown);
    }
}
