package org.fieldscore.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.exec.Version;
import org.fieldscore.runner.output.summary.ComparisonResult;
import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.output.summary.StepResult;
import org.fieldscore.runner.output.summary.SummaryJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What summary.json records for a small scenario run with --set and --seed. */
class SummaryContentTest {

    @TempDir
    Path dir;

    @Test
    void summaryHoldsResolvedScenarioStepsMetricsAndComparisons() throws Exception {
        CliHarness.Result r = CliHarness.run("run", CliTest.scenario("tiny"), "--out", dir.toString(), "--set",
                "amplitude=9", "--set", "n=11", "--seed", "99");
        assertEquals(0, r.exitCode(), r.toString());
        RunSummary s;
        try (InputStream in = Files.newInputStream(dir.resolve("summary.json"))) {
            s = SummaryJson.read(in);
        }
        assertEquals("tiny", s.scenarioName());
        assertEquals(99, s.seed());
        assertEquals(Version.get(), s.fieldscoreVersion());
        assertEquals(99, ((Number) s.scenario().get("seed")).longValue(), "the resolved seed");
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) s.scenario().get("parameters");
        assertEquals(9.0, ((Number) parameters.get("amplitude")).doubleValue(), "--set amplitude=9");
        assertEquals(11.0, ((Number) parameters.get("n")).doubleValue(), "--set n=11");
        assertTrue(s.machine().cpuCount() >= 1);

        List<String> ids = s.steps().stream().map(StepResult::id).toList();
        assertEquals(List.of("temperature", "celsius", "fronts", "fronts-check", "mean-check"), ids);
        StepResult temperature = s.steps().get(0);
        assertEquals("field", temperature.kind());
        // 50 + 9xy on [0, 2] x [0, 1]: min 50 at the origin, max 68 at (2, 1), mean 50 + 9*1*0.5
        assertEquals(50.0, temperature.metrics().get("min"), 1e-12);
        assertEquals(68.0, temperature.metrics().get("max"), 1e-12);
        assertEquals(54.5, temperature.metrics().get("mean"), 1e-12);
        assertTrue(temperature.timings().get("wall") >= 0);
        assertTrue(temperature.timings().get("write") > 0, "writing three files takes time: " + temperature.timings());
        assertTrue(temperature.files().containsAll(List.of("temperature.csv", "temperature.vti", "temperature.png")),
                temperature.files().toString());

        assertEquals(2, s.comparisons().size());
        ComparisonResult fronts = s.comparisons().get(0);
        assertEquals("fronts-check", fronts.name());
        assertEquals("max", fronts.metric());
        assertEquals(1e-9, fronts.tolerance());
        assertTrue(fronts.passed() && fronts.value() < 1e-9, fronts.toString());
        ComparisonResult mean = s.comparisons().get(1);
        assertEquals("relative", mean.metric());
        assertTrue(mean.passed(), mean.toString());
    }
}
