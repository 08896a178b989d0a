package org.fieldscore.runner.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.output.OutputDirectory;
import org.fieldscore.runner.output.summary.ComparisonResult;
import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.scenario.ScenarioCase;
import org.fieldscore.runner.scenario.StudyMetric;
import org.fieldscore.runner.scenario.StudyPlot;
import org.fieldscore.runner.scenario.Sweep;
import org.fieldscore.runner.scenario.SweepAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An expected slope that cannot be evaluated is a failed comparison, never a pass that silently disappears. */
class UnfittedSlopeTest {

    @TempDir
    Path out;

    @Test
    void aSlopeWithoutTwoFinitePointsFails() throws Exception {
        ScenarioCase base = new ScenarioCase("s.yaml", "name: s", null, Map.of(), null);
        List<StudyRunner.CaseOutcome> outcomes = List.of(
                new StudyRunner.CaseOutcome(new StudyCase("case-0001", Map.of("n", "17"), base), null, false, "boom"),
                new StudyRunner.CaseOutcome(new StudyCase("case-0002", Map.of("n", "33"), base), null, false, "boom"));
        StudyPlot plot = new StudyPlot("order", "n", StudyMetric.parse("check"), true, true, 2, 0.1);
        RunSummary summary = StudyReport.write("s", Map.of(), 1, new Sweep(List.of(SweepAxis.of("n",
                List.of("17", "33")))), outcomes, List.of(plot.y()), List.of(plot), OutputDirectory.create(out),
                Instant.now());
        ComparisonResult order = summary.comparisons().stream().filter(c -> c.name().equals("order")).findFirst()
                .orElseThrow(() -> new AssertionError("the expected slope must stay a comparison"));
        assertFalse(order.passed(), order.toString());
        assertTrue(Double.isNaN(order.value()), order.toString());
        assertTrue(order.metric().contains("not fitted: 0 finite points"), order.metric());
        assertEquals(2, summary.comparisons().size(), "the slope and cases-failed");
    }
}
