package org.fieldscore.runner.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.fieldscore.runner.text.NumberText;

/**
 * One swept scenario parameter and its values, given as the text a {@code --set name=value} override would carry.
 * Immutable.
 *
 * @param parameter the scenario parameter
 * @param values its values, in sweep order
 */
public record SweepAxis(String parameter, List<String> values) {

    /** Most values one axis may take. */
    public static final int MAX_VALUES = 1000;

    /** Checks the axis. */
    public SweepAxis {
        Objects.requireNonNull(parameter, "parameter");
        values = List.copyOf(values);
        if (values.isEmpty() || values.size() > MAX_VALUES) {
            throw new IllegalArgumentException("sweep of '" + parameter + "' needs 1 to " + MAX_VALUES
                    + " values, got " + values.size());
        }
    }

    /**
     * @param parameter the parameter
     * @param values explicit values
     * @return the axis
     */
    public static SweepAxis of(String parameter, List<String> values) {
        return new SweepAxis(parameter, values);
    }

    /**
     * A linear range from, from + step, … up to and including {@code to} (within 1e-9 of a step).
     *
     * @param parameter the parameter
     * @param from first value
     * @param to last value
     * @param step increment, non-zero, pointing from {@code from} to {@code to}
     * @return the axis
     */
    public static SweepAxis range(String parameter, double from, double to, double step) {
        if (!(Math.abs(step) > 0) || !Double.isFinite(step) || Math.signum(to - from) * Math.signum(step) < 0) {
            throw new IllegalArgumentException("range of '" + parameter + "' from " + from + " to " + to
                    + " needs a non-zero step pointing towards 'to', got " + step);
        }
        long count = (long) Math.floor((to - from) / step + 1e-9) + 1;
        if (count > MAX_VALUES) {
            throw new IllegalArgumentException("range of '" + parameter + "' has " + count + " values; at most "
                    + MAX_VALUES + " are allowed");
        }
        List<String> values = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            values.add(NumberText.plain(from + i * step));
        }
        return new SweepAxis(parameter, values);
    }

    /**
     * {@code count} values spaced evenly in log scale from {@code from} to {@code to} (both included), rounded to
     * integers when both ends are integers (grid sizes, sample counts).
     *
     * @param parameter the parameter
     * @param from first value, &gt; 0
     * @param to last value, &gt; 0
     * @param count number of values, ≥ 2
     * @return the axis
     */
    public static SweepAxis logRange(String parameter, double from, double to, int count) {
        if (!(from > 0) || !(to > 0) || count < 2 || count > MAX_VALUES) {
            throw new IllegalArgumentException("log range of '" + parameter + "' needs from > 0, to > 0 and 2 to "
                    + MAX_VALUES + " values, got from " + from + ", to " + to + ", count " + count);
        }
        boolean integers = from == Math.rint(from) && to == Math.rint(to);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double v = from * Math.pow(to / from, (double) i / (count - 1));
            values.add(integers ? Long.toString(Math.round(v)) : NumberText.plain(v));
        }
        return new SweepAxis(parameter, values);
    }
}
