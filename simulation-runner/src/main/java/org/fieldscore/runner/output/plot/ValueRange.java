package org.fieldscore.runner.output.plot;

import org.fieldscore.fields.SampledScalarField;

/**
 * The finite range of a field's values, and the decisions a picture takes from it: whether the field is constant up
 * to rounding (then one flat colour is drawn and the value stated) and whether it is a signed quantity (then the
 * diverging scale is centred on zero).
 *
 * @param lower the smallest finite value
 * @param upper the largest finite value
 * @param finite whether the field has any finite value (if not, the range is [0, 1])
 */
record ValueRange(double lower, double upper, boolean finite) {

    /**
     * Relative width below which a range counts as one value up to rounding: double arithmetic on values of size
     * m differs by multiples of about 1e-16·m, so a spread below 1e-9·m is noise of the computation, not a
     * feature of the field.
     */
    static final double FLAT_RELATIVE_RANGE = 1e-9;
    /** Share of the larger side that the smaller side must reach for a field to count as taking both signs. */
    static final double SIGNED_MINORITY = 0.05;

    /**
     * @param field a field
     * @return its finite range
     */
    static ValueRange of(SampledScalarField field) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < field.size(); p++) {
            double v = field.valueAt(p);
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo <= hi ? new ValueRange(lo, hi, true) : new ValueRange(0.0, 1.0, false);
    }

    /** @return the largest magnitude, max(|lower|, |upper|) */
    double maxAbs() {
        return Math.max(Math.abs(lower), Math.abs(upper));
    }

    /**
     * @return whether every finite value is the same up to rounding: upper − lower ≤ {@value #FLAT_RELATIVE_RANGE}
     *     · max(|lower|, |upper|) (an all-zero field is flat too)
     */
    boolean isFlat() {
        return finite && upper - lower <= FLAT_RELATIVE_RANGE * maxAbs();
    }

    /**
     * @param reference the scale of the operand the values were computed from, or null
     * @return whether every finite value is the same up to rounding, measured against the larger of the values'
     *     own size and the operand's scale: upper − lower ≤ {@value #FLAT_RELATIVE_RANGE} · max(max|v|, s)
     */
    boolean isFlat(OperandScale reference) {
        return isFlat() || reference != null && finite && upper - lower <= reference.roundingBound();
    }

    /**
     * @param reference the scale of the operand the values were computed from, or null
     * @return whether every finite value is zero up to rounding of the operand: max|v| ≤
     *     {@value #FLAT_RELATIVE_RANGE} · s
     */
    boolean isZero(OperandScale reference) {
        return reference != null && finite && maxAbs() <= reference.roundingBound();
    }

    /**
     * @return whether the values take both signs in earnest: lower &lt; 0 &lt; upper and the smaller side reaches
     *     {@value #SIGNED_MINORITY} of the larger
     */
    boolean takesBothSigns() {
        return lower < 0 && upper > 0 && Math.min(-lower, upper) >= SIGNED_MINORITY * Math.max(-lower, upper);
    }

    /** @return the middle value, drawn as a flat field's value */
    double middle() {
        return lower + (upper - lower) / 2;
    }
}
