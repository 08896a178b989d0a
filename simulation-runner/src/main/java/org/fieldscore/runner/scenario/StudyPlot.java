package org.fieldscore.runner.scenario;

import java.util.Objects;

/**
 * A plot of a study: a metric against a swept parameter, on log-log axes with a fitted power law (the observed
 * order of a convergence study) or on linear axes; optionally with an expected slope and a tolerance that turn the
 * fit into a pass/fail comparison. Immutable.
 *
 * @param id a name for the plot's file and comparison
 * @param x the parameter on the horizontal axis: swept, or derived from swept ones
 * @param y the metric on the vertical axis
 * @param logLog log-log axes and a least-squares power-law fit
 * @param invertX fit against 1/x (e.g. x = points per axis, 1/x ∝ h)
 * @param expectedSlope the expected fitted slope, or NaN for none
 * @param tolerance allowed |slope − expected|
 */
public record StudyPlot(String id, String x, StudyMetric y, boolean logLog, boolean invertX,
        double expectedSlope, double tolerance) {

    /** Checks the fields. */
    public StudyPlot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (!Double.isNaN(expectedSlope) && !(tolerance > 0)) {
            throw new IllegalArgumentException("plot '" + id + "' expects a slope but its tolerance is " + tolerance
                    + "; give a tolerance > 0");
        }
    }
}
