package org.fieldscore.runner.output.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.output.OutputDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryJsonTest {

    @TempDir
    Path temp;

    @Test
    void writtenSummaryParsesBackWithTheSameContent() throws IOException {
        RunSummary summary = SummaryFixture.sample();
        Path file = OutputDirectory.create(temp).writeSummary(summary);
        RunSummary back;
        try (var in = Files.newInputStream(file)) {
            back = SummaryJson.read(in);
        }
        assertEquals(summary, back);
        assertEquals(Double.doubleToLongBits(1.0 / 3.0),
                Double.doubleToLongBits(back.comparisons().get(0).value()), "doubles round-trip bit for bit");
        assertEquals(List.of("rho", "phi"), back.steps().stream().map(StepResult::id).toList(), "step order kept");
        assertEquals(List.of("iterations", "residual", "unbounded", "undefined"),
                List.copyOf(back.steps().get(1).metrics().keySet()), "metric order kept");
    }

    @Test
    void jsonUsesTheDocumentedNames() throws IOException {
        String json = Files.readString(OutputDirectory.create(temp).writeSummary(SummaryFixture.sample()));
        for (String key : new String[] {"\"scenarioName\"", "\"scenario\"", "\"seed\" : 42", "\"fieldscoreVersion\"",
            "\"timestamp\"", "\"javaVersion\"", "\"cpuCount\" : 2", "\"steps\"", "\"metrics\"", "\"timings\"",
            "\"comparisons\"", "\"verdict\" : \"pass\"", "\"verdict\" : \"fail\"", "\"tolerance\"", "\"NaN\""}) {
            assertTrue(json.contains(key), () -> key + " missing in\n" + json);
        }
    }

    @Test
    void overallVerdictCountsIntegersTypeAndUnits() throws IOException {
        StepResult solve = new StepResult("phi", "poisson", "scalar field", "V", "∇²φ = g ρ", "multigrid",
                new java.util.LinkedHashMap<>(Map.of("iterations", 9.0)), Map.of("wall", 0.5), List.of(), List.of());
        RunSummary passing = new RunSummary("v", Map.of(), 1L, "0.1.0", "2026-11-27T23:00:00Z",
                MachineInfo.current(), List.of(solve), List.of(ComparisonResult.judge("c", "l2", 1e-3, 1e-2)));
        String json = Files.readString(OutputDirectory.create(temp).writeSummary(passing));
        assertTrue(json.contains("\"verdict\" : \"pass\""), json);
        assertTrue(json.contains("\"iterations\" : 9\n") || json.contains("\"iterations\" : 9 "), json);
        assertFalse(json.contains("9.0"), "integers are written as integers");
        assertTrue(json.contains("\"type\" : \"poisson\""), "the step type word of the scenario");
        assertTrue(json.contains("\"units\" : \"V\""));
        assertTrue(json.contains("\"comparisons\" : 1") && json.contains("\"passed\" : 1"), json);
        RunSummary back = SummaryJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(9.0, back.steps().get(0).metrics().get("iterations"));
        assertEquals("V", back.steps().get(0).units());

        RunSummary failing = new RunSummary("v", Map.of(), 1L, "0.1.0", "2026-11-27T23:00:00Z",
                MachineInfo.current(), List.of(solve), List.of(ComparisonResult.judge("c", "l2", 1.0, 1e-2)));
        assertEquals("fail", failing.verdict());
        RunSummary error = new RunSummary("v", Map.of(), 1L, "0.1.0", "2026-11-27T23:00:00Z",
                MachineInfo.current(), List.of(solve), List.of(ComparisonResult.judge("c", "l2", Double.NaN, 1e-2)));
        assertEquals("error", error.verdict(), "a comparison that could not be evaluated");
        assertEquals(1, error.counts().get("failed"));
        assertEquals(1, error.counts().get("errors"));
        assertTrue(MetricNumberSerializer.isWhole(1e15) && !MetricNumberSerializer.isWhole(0.5)
                && !MetricNumberSerializer.isWhole(Double.NaN) && !MetricNumberSerializer.isWhole(-0.0));
    }

    @Test
    void verdictFollowsTheTolerance() {
        assertTrue(ComparisonResult.judge("a", "l2", 0.1, 0.1).passed(), "equal to the tolerance passes");
        assertFalse(ComparisonResult.judge("a", "l2", 0.1000001, 0.1).passed());
        assertFalse(ComparisonResult.judge("a", "l2", Double.NaN, 0.1).passed(), "NaN never passes");
        assertThrows(IllegalArgumentException.class, () -> ComparisonResult.judge("a", "l2", 0.0, -1));
        assertFalse(SummaryFixture.sample().allComparisonsPassed());
    }

    @Test
    void timestampMustBeIso8601() {
        RunSummary s = SummaryFixture.sample();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RunSummary(
                s.scenarioName(), s.scenario(), s.seed(), s.fieldscoreVersion(), "27/11/2026 23:00", s.machine(),
                s.steps(), s.comparisons()));
        assertTrue(e.getMessage().contains("'27/11/2026 23:00'"), e.getMessage());
    }

    @Test
    void stepBuilderKeepsOrderAndRefusesDuplicates() {
        StepResult step = StepResult.builder("u", "heat").metric("l2", 1e-3).metric("max", 2e-3).timing("wall", 0.5)
                .file("u.pvd").build();
        assertEquals(Map.of("wall", 0.5), step.timings());
        assertEquals(List.of("l2", "max"), List.copyOf(step.metrics().keySet()));
        assertEquals(List.of("u.pvd"), step.files());
        assertThrows(IllegalArgumentException.class, () -> StepResult.builder("u", "heat").metric("a", 1).metric("a", 2));
        assertThrows(IllegalArgumentException.class, () -> StepResult.builder("u", "heat").timing("wall", -1));
    }

    @Test
    void unknownPropertiesAreRefused() {
        byte[] json = "{\"scenarioName\":\"x\",\"surprise\":1}".getBytes(StandardCharsets.UTF_8);
        assertThrows(IOException.class, () -> SummaryJson.read(new ByteArrayInputStream(json)));
    }
}
