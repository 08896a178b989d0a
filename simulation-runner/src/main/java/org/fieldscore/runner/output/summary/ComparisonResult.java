package org.fieldscore.runner.output.summary;

import java.util.Objects;

/**
 * One comparison of a run: an error metric measured against a tolerance.
 *
 * @param name the comparison's name in the scenario
 * @param metric the error metric, e.g. {@code "l2"}, {@code "max"}, {@code "ks"}
 * @param value the measured value of the metric
 * @param tolerance the largest value that passes
 * @param verdict {@link Verdict#PASS} when {@code value <= tolerance}
 */
public record ComparisonResult(String name, String metric, double value, double tolerance, Verdict verdict) {

    /** Checks that no component is null. */
    public ComparisonResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(verdict, "verdict");
    }

    /**
     * Judges a measured value: it passes when it is a number no larger than the tolerance (NaN always fails).
     *
     * @param name the comparison's name
     * @param metric the error metric
     * @param value the measured value
     * @param tolerance the largest value that passes, &ge; 0
     * @return the comparison with its verdict
     * @throws IllegalArgumentException when the tolerance is negative or NaN
     */
    public static ComparisonResult judge(String name, String metric, double value, double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance of comparison '" + name + "' must be >= 0, got "
                    + tolerance);
        }
        return new ComparisonResult(name, metric, value, tolerance, value <= tolerance ? Verdict.PASS : Verdict.FAIL);
    }

    /** @return whether the value could not be evaluated (NaN); such a comparison fails */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean notEvaluated() {
        return Double.isNaN(value);
    }

    /** @return whether the comparison passed */
    public boolean passed() {
        return verdict == Verdict.PASS;
    }
}
