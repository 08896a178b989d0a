package org.fieldscore.runner.step;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one step produced: its value, its named metrics, the comparison verdict if it is a comparison, and how
 * long it took. Immutable.
 *
 * @param id the step id
 * @param type the step type
 * @param value the computed object
 * @param metrics named numbers, in a stable order
 * @param verdict the comparison outcome, or null for other steps
 * @param elapsedNanos wall-clock time of the step
 */
public record StepResult(String id, String type, StepValue value, Map<String, Double> metrics, Verdict verdict,
        long elapsedNanos) {

    /** Copies the metrics into an unmodifiable map that keeps their order. */
    public StepResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * @param nanos the elapsed time
     * @return this result with its time set
     */
    public StepResult withElapsed(long nanos) {
        return new StepResult(id, type, value, metrics, verdict, nanos);
    }
}
