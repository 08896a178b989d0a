package org.fieldscore.runner.output.summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * What one scenario step produced: its numbers, how long it took, and the files it wrote.
 *
 * @param id the step's id in the scenario
 * @param kind the step's type as written in the scenario, e.g. {@code "field"}, {@code "poisson"},
 *     {@code "langevin"} (written as {@code "type"} in summary.json; {@code "kind"}, its name before, is read too)
 * @param value what the step computed: {@code "scalar field"}, {@code "vector field"}, {@code "time series"},
 *     {@code "samples"}, {@code "model"}, {@code "picture"} or empty; the min, max and mean metrics of a vector
 *     field (and its l2-norm and integral) are those of its magnitude
 * @param units the unit the step declares for its values, or empty
 * @param equation the step's equation or formula in words and symbols, e.g. {@code "∇²φ = −g ρ"}, or empty
 * @param description what this step computed, with its inputs and settings, or empty
 * @param metrics named numbers (errors, iterations, estimates …), in insertion order
 * @param timings named durations in seconds, e.g. {@code "wall"}, in insertion order
 * @param files output files of the step, relative to the output folder
 * @param warnings warnings about the result (e.g. chains that did not mix), empty when there are none
 */
@JsonPropertyOrder({"id", "type", "value", "units", "equation", "description", "metrics", "timings", "files",
    "warnings"})
public record StepResult(String id, @JsonProperty("type") @JsonAlias("kind") String kind,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) String value,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) String units,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) String equation,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) String description,
                         @JsonSerialize(contentUsing = MetricNumberSerializer.class) Map<String, Double> metrics,
                         Map<String, Double> timings, List<String> files,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    /** Copies the maps and lists into unmodifiable ordered collections; absent texts become empty. */
    public StepResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        value = value == null ? "" : value;
        units = units == null ? "" : units;
        equation = equation == null ? "" : equation;
        description = description == null ? "" : description;
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metrics, "metrics")));
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(timings, "timings")));
        files = List.copyOf(Objects.requireNonNull(files, "files"));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * A step result without value kind, units, equation, description or warnings.
     *
     * @param id the step's id
     * @param kind the step's type
     * @param metrics named numbers
     * @param timings named durations in seconds
     * @param files output files relative to the output folder
     */
    public StepResult(String id, String kind, Map<String, Double> metrics, Map<String, Double> timings,
            List<String> files) {
        this(id, kind, "", "", "", "", metrics, timings, files, List.of());
    }

    /** @return whether min, max, mean, l2-norm and integral are of a vector field's magnitude */
    @JsonIgnore
    public boolean metricsOfMagnitude() {
        return "vector field".equals(value);
    }

    /**
     * @param id the step's id
     * @param kind the step's kind
     * @return a builder collecting the step's metrics, timings and files as they are produced
     */
    public static Builder builder(String id, String kind) {
        return new Builder(id, kind);
    }

    /** Collects a {@link StepResult} while a step runs. Not thread-safe. */
    public static final class Builder {

        private final String id;
        private final String kind;
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private final Map<String, Double> timings = new LinkedHashMap<>();
        private final List<String> files = new ArrayList<>();

        private Builder(String id, String kind) {
            this.id = Objects.requireNonNull(id, "id");
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /**
         * @param name the metric's name, unique within the step
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException when the step already has a metric of that name
         */
        public Builder metric(String name, double value) {
            if (metrics.putIfAbsent(Objects.requireNonNull(name, "name"), value) != null) {
                throw new IllegalArgumentException("step '" + id + "' already has a metric '" + name + "'");
            }
            return this;
        }

        /**
         * @param name the timing's name, e.g. {@code "wall"}, unique within the step
         * @param seconds the duration in seconds, &ge; 0
         * @return this builder
         */
        public Builder timing(String name, double seconds) {
            if (!(seconds >= 0)) {
                throw new IllegalArgumentException("timing '" + name + "' of step '" + id + "' must be >= 0 seconds, "
                        + "got " + seconds);
            }
            if (timings.putIfAbsent(Objects.requireNonNull(name, "name"), seconds) != null) {
                throw new IllegalArgumentException("step '" + id + "' already has a timing '" + name + "'");
            }
            return this;
        }

        /**
         * @param relativePath a file the step wrote, relative to the output folder
         * @return this builder
         */
        public Builder file(String relativePath) {
            files.add(Objects.requireNonNull(relativePath, "relativePath"));
            return this;
        }

        /** @return the step's result */
        public StepResult build() {
            return new StepResult(id, kind, metrics, timings, files);
        }
    }
}
