package org.fieldscore.runner.output.summary;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Everything summary.json records about a run: the resolved scenario, seed, versions, machine, every step's
 * results and every comparison with its verdict. Immutable.
 *
 * @param scenarioName the scenario's name
 * @param scenario the resolved scenario (after defaults and overrides) as a tree of maps, lists, strings, numbers
 *     and booleans
 * @param seed the master seed of the run
 * @param fieldscoreVersion the FieldScore version that produced the run
 * @param timestamp start of the run, ISO-8601 in UTC (e.g. {@code 2026-11-27T23:00:00Z})
 * @param machine Java version, operating system and CPU count
 * @param steps the steps' results in execution order
 * @param comparisons the comparisons in scenario order
 */
@JsonIgnoreProperties(value = {"verdict", "counts"}, allowGetters = true)
@JsonPropertyOrder({"scenarioName", "verdict", "counts"})
public record RunSummary(String scenarioName, Map<String, Object> scenario, long seed, String fieldscoreVersion,
                         String timestamp, MachineInfo machine, List<StepResult> steps,
                         List<ComparisonResult> comparisons) {

    /** Checks for nulls and copies the collections (the scenario tree is copied at its top level). */
    public RunSummary {
        Objects.requireNonNull(scenarioName, "scenarioName");
        scenario = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(scenario, "scenario")));
        Objects.requireNonNull(fieldscoreVersion, "fieldscoreVersion");
        try {
            Instant.parse(Objects.requireNonNull(timestamp, "timestamp"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp must be ISO-8601 in UTC like 2026-11-27T23:00:00Z, got '"
                    + timestamp + "'", e);
        }
        Objects.requireNonNull(machine, "machine");
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        comparisons = List.copyOf(Objects.requireNonNull(comparisons, "comparisons"));
    }

    /** @return whether every comparison passed (true when there are none) */
    public boolean allComparisonsPassed() {
        return comparisons.stream().allMatch(ComparisonResult::passed);
    }

    /**
     * The run's overall verdict: {@code "error"} when a comparison could not be evaluated (its value is NaN, e.g. a
     * study case that failed or a metric that does not exist) — such a comparison also counts as failed —, else
     * {@code "fail"} when any comparison failed, else {@code "pass"} (also when there are none).
     *
     * @return "pass", "fail" or "error"
     */
    @JsonProperty("verdict")
    public String verdict() {
        if (comparisons.stream().anyMatch(ComparisonResult::notEvaluated)) {
            return "error";
        }
        return allComparisonsPassed() ? "pass" : "fail";
    }

    /**
     * @return how many steps ran, how many comparisons there are, passed, failed and could not be evaluated, and how
     *     many steps carry warnings
     */
    @JsonProperty("counts")
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("steps", steps.size());
        counts.put("comparisons", comparisons.size());
        counts.put("passed", (int) comparisons.stream().filter(ComparisonResult::passed).count());
        counts.put("failed", (int) comparisons.stream().filter(c -> !c.passed()).count());
        counts.put("errors", (int) comparisons.stream().filter(ComparisonResult::notEvaluated).count());
        counts.put("warnings", (int) steps.stream().filter(s -> !s.warnings().isEmpty()).count());
        return counts;
    }
}
