package org.fieldscore.runner.output.summary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one scenario step produced: its numbers, how long it took, and the files it wrote.
 *
 * @param id the step's id in the scenario
 * @param kind the step's kind, e.g. {@code "field"}, {@code "poisson"}, {@code "langevin"}
 * @param metrics named numbers (errors, iterations, estimates …), in insertion order
 * @param timings named durations in seconds, e.g. {@code "wall"}, in insertion order
 * @param files output files of the step, relative to the output folder
 */
public record StepResult(String id, String kind, Map<String, Double> metrics, Map<String, Double> timings,
                         List<String> files) {

    /** Copies the maps and lists into unmodifiable ordered collections. */
    public StepResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metrics, "metrics")));
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(timings, "timings")));
        files = List.copyOf(Objects.requireNonNull(files, "files"));
    }
}
