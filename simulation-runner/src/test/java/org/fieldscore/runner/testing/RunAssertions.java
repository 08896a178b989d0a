package org.fieldscore.runner.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.output.summary.ComparisonResult;
import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.output.summary.SummaryJson;
import org.fieldscore.runner.step.StepResult;

/**
 * Assertions on a scenario run that cannot pass vacuously. A run must have at least one comparison, and every
 * comparison must pass; a run that has none must be checked instead on named metrics, given as
 * {@code "step.metric"}, each of which must exist and be finite.
 */
public final class RunAssertions {

    private RunAssertions() {
    }

    /**
     * Asserts that the run has at least one comparison and that every comparison passed.
     *
     * @param what the run, for failure messages
     * @param results the executor's step results
     */
    public static void assertComparisonsPass(String what, List<StepResult> results) {
        assertChecked(what, results, List.of());
    }

    /**
     * Asserts that every comparison of the run passed and that the run was checked: it has at least one comparison,
     * or {@code metricsInstead} is not empty and each named metric exists and is finite.
     *
     * @param what the run, for failure messages
     * @param results the executor's step results
     * @param metricsInstead {@code "step.metric"} names asserted when the run has no comparison (may be empty)
     */
    public static void assertChecked(String what, List<StepResult> results, List<String> metricsInstead) {
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        int comparisons = 0;
        for (StepResult r : results) {
            metrics.put(r.id(), r.metrics());
            if (r.verdict() != null) {
                comparisons++;
                assertTrue(r.verdict().passed(), what + ": comparison " + r.id() + " failed: " + r.verdict());
            }
        }
        check(what, comparisons, metrics, metricsInstead);
    }

    /**
     * Like {@link #assertChecked(String, List, List)} for a run's summary.json.
     *
     * @param what the run, for failure messages
     * @param summary the run's summary
     * @param metricsInstead {@code "step.metric"} names asserted when the run has no comparison (may be empty)
     */
    public static void assertChecked(String what, RunSummary summary, List<String> metricsInstead) {
        for (ComparisonResult c : summary.comparisons()) {
            assertTrue(c.passed(), what + ": comparison " + c.name() + " failed: " + c);
        }
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        summary.steps().forEach(s -> metrics.put(s.id(), s.metrics()));
        check(what, summary.comparisons().size(), metrics, metricsInstead);
    }

    /**
     * @param outputFolder a run's output folder
     * @return its summary.json, read
     * @throws IOException when it is missing or cannot be read
     */
    public static RunSummary readSummary(Path outputFolder) throws IOException {
        Path file = outputFolder.resolve("summary.json");
        assertTrue(Files.isRegularFile(file), file + " missing");
        try (InputStream in = Files.newInputStream(file)) {
            return SummaryJson.read(in);
        }
    }

    private static void check(String what, int comparisons, Map<String, Map<String, Double>> metrics,
            List<String> metricsInstead) {
        if (metricsInstead.isEmpty()) {
            assertTrue(comparisons > 0, what + " has no comparison, and the test names no metric it asserts instead");
            return;
        }
        for (String name : metricsInstead) {
            int dot = name.indexOf('.');
            assertTrue(dot > 0, "metric names are step.metric, got '" + name + "'");
            Map<String, Double> step = metrics.get(name.substring(0, dot));
            assertNotNull(step, what + ": no step '" + name.substring(0, dot) + "'; steps " + metrics.keySet());
            Double value = step.get(name.substring(dot + 1));
            assertNotNull(value, what + ": no metric '" + name + "'; the step has " + step.keySet());
            assertFalse(value.isNaN() || value.isInfinite(), what + ": metric " + name + " = " + value
                    + " is not finite");
        }
    }
}
