package org.fieldscore.runner.output.plot;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;

/**
 * Tick marks of a colour bar: a "nice" step (1, 2, 2.5 or 5 times a power of ten, else one of 1.25, 1.5, 3, 4, 6, 8
 * times a power of ten) that puts between
 * {@value #MIN_TICKS} and {@value #MAX_TICKS} ticks on the bar's range, labelled with just enough digits to tell
 * neighbouring ticks apart.
 */
final class ColourBarTicks {

    /** Fewest ticks on a colour bar. */
    static final int MIN_TICKS = 5;
    /** Most ticks on a colour bar. */
    static final int MAX_TICKS = 8;
    private static final double[] MANTISSAS = {1, 2, 2.5, 5};
    /**
     * Used when no step of {@link #MANTISSAS} fits: neighbours differ by at most a factor 4/3, so some step puts
     * range/step in [5, 7] and hence 5 to 8 ticks on any range.
     */
    private static final double[] FINE_MANTISSAS = {1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8};

    private ColourBarTicks() {
    }

    /**
     * @param label the axis label
     * @param lower the bar's lower end
     * @param upper the bar's upper end, &gt; lower
     * @return an axis over [lower, upper] with a fixed nice tick unit
     */
    static NumberAxis axis(String label, double lower, double upper) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(lower, upper);
        double step = step(lower, upper);
        axis.setTickUnit(new NumberTickUnit(step, format(step, Math.max(Math.abs(lower), Math.abs(upper)))));
        return axis;
    }

    /**
     * @param lower lower end
     * @param upper upper end, &gt; lower
     * @return the nice step whose tick count on [lower, upper] is within [MIN_TICKS, MAX_TICKS], preferring the count
     *     closest to 6
     */
    static double step(double lower, double upper) {
        double nice = best(lower, upper, MANTISSAS);
        return ColourBarTicks.count(lower, upper, nice) >= MIN_TICKS && count(lower, upper, nice) <= MAX_TICKS
                ? nice : best(lower, upper, FINE_MANTISSAS);
    }

    private static double best(double lower, double upper, double[] mantissas) {
        double range = upper - lower;
        int exponent = (int) Math.floor(Math.log10(range / MAX_TICKS)) - 1;
        double best = Double.NaN;
        int bestScore = Integer.MAX_VALUE;
        for (int e = exponent; e <= exponent + 3; e++) {
            for (double m : mantissas) {
                double step = m * Math.pow(10, e);
                int count = count(lower, upper, step);
                int score = count >= MIN_TICKS && count <= MAX_TICKS ? Math.abs(count - 6) : 100 + Math.abs(count - 6);
                if (score < bestScore) {
                    bestScore = score;
                    best = step;
                }
            }
        }
        return best;
    }

    /**
     * @param lower lower end
     * @param upper upper end
     * @param step tick step
     * @return the number of multiples of step within [lower, upper]
     */
    static int count(double lower, double upper, double step) {
        double slack = step * 1e-9;
        return (int) (Math.floor((upper + slack) / step) - Math.ceil((lower - slack) / step)) + 1;
    }

    private static NumberFormat format(double step, double magnitude) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if (magnitude >= 1e5 || step < 1e-3) {
            int digits = Math.max(1, (int) (Math.floor(Math.log10(magnitude)) - Math.floor(Math.log10(step))) + 1);
            return new DecimalFormat("0." + "#".repeat(digits) + "E0", symbols);
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        while (decimals < 12 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals)))
                > 1e-6) {
            decimals++;
        }
        return new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals), symbols);
    }
}
