package org.fieldscore.runner.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.runner.output.OutputDirectory;
import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.scenario.ScenarioCase;
import org.fieldscore.runner.scenario.StudyMetric;
import org.fieldscore.runner.scenario.StudyPlot;
import org.fieldscore.runner.scenario.Sweep;
import org.fieldscore.runner.scenario.SweepAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyRunnerTest {

    /** A Laplacian of sin x cos y checked against its closed form: the error falls like h² = (8/(n − 1))². */
    private static final String SCENARIO = """
            name: laplacian-order
            seed: 1
            parameters:
              n: {default: 9}
            grids:
              box: {shape: [n, n], lower: [0, 0], upper: [8, 8]}
            output: {plots: false, vtk: false, csv: false, report: false}
            steps:
              - id: f
                type: field
                grid: box
                expression: "sin(x)*cos(y)"
              - id: lap
                type: laplacian
                of: f
              - id: lap-check
                type: compare
                field: lap
                expected: "-2*sin(x)*cos(y)"
                metric: max
                tolerance: 1
            """;

    private static final ScenarioCase BASE = new ScenarioCase("laplacian-order.yaml", SCENARIO, null, Map.of(), null);

    @Test
    void sweepsResumeAndFitTheObservedOrder(@TempDir Path dir) throws Exception {
        Sweep sweep = new Sweep(List.of(SweepAxis.of("n", List.of("33", "65", "129"))));
        List<StudyCase> cases = StudyCase.all(sweep, BASE);
        assertEquals(List.of("case-0001", "case-0002", "case-0003"), cases.stream().map(StudyCase::id).toList());
        OutputDirectory out = OutputDirectory.create(dir);
        StudyRunner runner = new StudyRunner(2);
        List<StudyRunner.CaseOutcome> first = runner.run(cases, out, ProgressListener.NONE);
        assertTrue(first.stream().noneMatch(StudyRunner.CaseOutcome::resumed));
        StudyPlot plot = new StudyPlot("order", "n", StudyMetric.parse("lap-check"), true, true, 2.0, 0.15);
        RunSummary summary = StudyReport.write("laplacian-order-study", Map.of(), 1, sweep, first,
                List.of(StudyMetric.parse("lap-check")), List.of(plot), out, Instant.now());
        double slope = summary.steps().get(0).metrics().get("slope");
        assertEquals(2.0, slope, 0.15, "observed order of the 5-point Laplacian");
        assertTrue(summary.allComparisonsPassed());
        assertTrue(Files.readString(dir.resolve("study.csv")).lines().count() == 4);
        assertTrue(Files.exists(dir.resolve("order.png")));

        // an interrupted study: one case lost its summary; a rerun runs only that case
        Files.delete(dir.resolve("cases/case-0002/summary.json"));
        List<StudyRunner.CaseOutcome> second = runner.run(cases, out, ProgressListener.NONE);
        assertTrue(second.get(0).resumed());
        assertFalse(second.get(1).resumed());
        assertTrue(second.get(2).resumed());
        assertEquals(first.get(1).summary().comparisons().get(0).value(),
                second.get(1).summary().comparisons().get(0).value(), 0.0, "same case, same numbers");
    }

    @Test
    void rangesAndLogRangesExpandAsDeclared() {
        assertEquals(List.of("0.1", "0.2", "0.3"), SweepAxis.range("dt", 0.1, 0.3, 0.1).values());
        assertEquals(List.of("1000", "10000", "100000"), SweepAxis.logRange("T", 1e3, 1e5, 3).values());
        Sweep sweep = new Sweep(List.of(SweepAxis.of("a", List.of("1", "2")), SweepAxis.of("b", List.of("x", "y", "z"))));
        List<StudyCase> cases = StudyCase.all(sweep, BASE);
        assertEquals(6, cases.size());
        assertEquals(Map.of("a", "1", "b", "y"), cases.get(1).values());
        assertEquals(Map.of("a", "2", "b", "x"), cases.get(3).values());
        assertThrows(IllegalArgumentException.class, () -> SweepAxis.range("n", 1, 10, -1));
        assertThrows(IllegalArgumentException.class,
                () -> new Sweep(List.of(SweepAxis.of("n", List.of("1")), SweepAxis.of("n", List.of("2")))));
    }
}
