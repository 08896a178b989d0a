package org.fieldscore.runner.output.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.Locale;

/**
 * One number format for all numbers of one report table, chosen from the numbers it will show: when every
 * non-integer lies in [10⁻³, 10⁶) (or is 0), plain decimals rounded to six significant digits ({@code 0.0504527});
 * otherwise scientific notation with five significant digits for all of them ({@code 5.0453e-02},
 * {@code 8.8818e-16}). Whole numbers below 10¹⁵ (counts, iterations) are written as integers in either format;
 * summary.json keeps the full precision.
 */
final class TableNumbers {

    private static final MathContext SIX_DIGITS = new MathContext(6);
    private final boolean scientific;

    private TableNumbers(boolean scientific) {
        this.scientific = scientific;
    }

    /**
     * @param values the numbers one table shows
     * @return the format for that table
     */
    static TableNumbers of(Collection<Double> values) {
        boolean scientific = false;
        for (double v : values) {
            if (Double.isFinite(v) && !isWhole(v) && v != 0) {
                double a = Math.abs(v);
                if (a < 1e-3 || a >= 1e6) {
                    scientific = true;
                }
            }
        }
        return new TableNumbers(scientific);
    }

    /** @return whether numbers are in scientific notation */
    boolean scientific() {
        return scientific;
    }

    /**
     * @param v a number
     * @return it in this table's format
     */
    String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (isWhole(v)) {
            return Long.toString((long) v);
        }
        if (scientific) {
            return String.format(Locale.ROOT, "%.4e", v);
        }
        return new BigDecimal(v).round(SIX_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** @return words for the table's caption */
    String description() {
        return scientific ? "numbers in scientific notation to five significant digits"
                : "numbers to six significant digits";
    }

    private static boolean isWhole(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15;
    }
}
