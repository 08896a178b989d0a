package org.fieldscore.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.output.summary.StepResult;
import org.fieldscore.runner.output.summary.SummaryJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code type: diagnostics}: MMD² and Kolmogorov–Smirnov of independent draws against the right and a wrong law. */
class DiagnosticsCommandTest {

    private static final String SCENARIO = """
            name: diagnostics
            seed: 3
            output: {plots: false, vtk: false, csv: false, report: false}
            steps:
              - id: truth
                type: model
                distribution: {type: mvn, mean: [0, 0], covariance: [[1, 0.5], [0.5, 1]]}
              - id: shifted
                type: model
                distribution: {type: mvn, mean: [0.3, 0], covariance: [[1, 0.5], [0.5, 1]]}
              - id: data
                type: data
                from: truth
                count: 2000
              - id: same
                type: diagnostics
                samples: data
                reference: truth
              - id: wrong
                type: diagnostics
                samples: data
                reference: shifted
            """;

    @TempDir
    Path dir;

    @Test
    void independentDrawsPassAndAShiftedLawIsDetected() throws Exception {
        Path file = dir.resolve("diagnostics.yaml");
        Files.writeString(file, SCENARIO);
        CliHarness.Result r = CliHarness.run("run", file.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.toString());
        RunSummary summary;
        try (var in = Files.newInputStream(dir.resolve("out/summary.json"))) {
            summary = SummaryJson.read(in);
        }
        Map<String, Double> same = metrics(summary, "same");
        Map<String, Double> wrong = metrics(summary, "wrong");
        // 2000 vs 2000 independent draws of one law: |MMD²| is about 1e-3 and the p-values are uniform, so a
        // p-value below 1e-3 happens once in a thousand seeds (the seed is fixed)
        assertTrue(Math.abs(same.get("mmd2")) < 0.005, same.toString());
        assertTrue(same.get("ks-p-min") > 1e-3, same.toString());
        // a shift of 0.3 standard deviations in x: the KS statistic is about 0.12, p far below 1e-6
        assertTrue(wrong.get("ks-p-0") < 1e-6, wrong.toString());
        assertTrue(wrong.get("mmd2") > 5 * Math.abs(same.get("mmd2")), wrong + " vs " + same);
    }

    private static Map<String, Double> metrics(RunSummary summary, String id) {
        return summary.steps().stream().filter(s -> s.id().equals(id)).findFirst().map(StepResult::metrics)
                .orElseThrow();
    }
}
