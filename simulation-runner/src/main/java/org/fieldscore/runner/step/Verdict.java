package org.fieldscore.runner.step;

/**
 * The outcome of a comparison: the error metric, its value, the tolerance and whether the value is within it.
 * Immutable.
 *
 * @param metric the error metric's name, e.g. {@code relative-l2}
 * @param value the measured error
 * @param tolerance the largest error that passes
 * @param passed whether value ≤ tolerance (NaN never passes)
 */
public record Verdict(String metric, double value, double tolerance, boolean passed) {

    /**
     * @param metric the metric
     * @param value the error
     * @param tolerance the tolerance
     * @return the verdict, passing when value ≤ tolerance
     */
    public static Verdict of(String metric, double value, double tolerance) {
        return new Verdict(metric, value, tolerance, value <= tolerance);
    }
}
