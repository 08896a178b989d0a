package org.fieldscore.runner.scenario;

import java.util.Objects;

import org.fieldscore.runner.output.summary.ComparisonResult;
import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.output.summary.StepResult;

/**
 * A number read from a case's summary: {@code step.metric} (a step's metric) or {@code step} alone for a
 * comparison's value. Immutable.
 *
 * @param step the step id
 * @param metric the metric name, or null for the comparison value of that step
 */
public record StudyMetric(String step, String metric) {

    /** Checks the names. */
    public StudyMetric {
        Objects.requireNonNull(step, "step");
    }

    /**
     * @param reference {@code step.metric} or {@code step}
     * @return the metric
     */
    public static StudyMetric parse(String reference) {
        int dot = reference.indexOf('.');
        return dot < 0 ? new StudyMetric(reference, null)
                : new StudyMetric(reference.substring(0, dot), reference.substring(dot + 1));
    }

    /** @return the reference as written */
    public String label() {
        return metric == null ? step : step + "." + metric;
    }

    /**
     * @param summary a case's summary
     * @return the value, or NaN when the case has no such step or metric
     */
    public double read(RunSummary summary) {
        if (metric == null) {
            for (ComparisonResult c : summary.comparisons()) {
                if (c.name().equals(step)) {
                    return c.value();
                }
            }
            return Double.NaN;
        }
        for (StepResult s : summary.steps()) {
            if (s.id().equals(step)) {
                Double v = s.metrics().get(metric);
                if (v == null) {
                    v = s.timings().get(metric);
                }
                return v == null ? Double.NaN : v;
            }
        }
        return Double.NaN;
    }
}
