package org.fieldscore.runner.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fieldscore.runner.cli.BundledScenarios;
import org.fieldscore.runner.cli.ExitCodes;
import org.fieldscore.runner.cli.FieldScoreCommand;
import org.fieldscore.runner.testing.RunAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every bundled scenario listed in the runner's {@code index} through the {@code fieldscore run} command,
 * in-process, at a reduced size, and requires every comparison to pass (exit code 0) and the summary to be written.
 * Every run must have at least one comparison; a scenario without one must be listed in {@link #CHECKED_INSTEAD}
 * with the metrics its run is checked on instead (each must be in summary.json and finite).
 * The reduced sizes are {@code --set} overrides of the scenarios' own parameters (coarser grids, fewer samples,
 * particles, chains or draws); each scenario's tolerances are written to hold at both sizes (error bounds that
 * scale with h or 1/√N where the error does). The full-size runs are those of docs/examples.md. A scenario without
 * an entry here runs at its full size.
 */
class BundledScenariosTest {

    /** Reduced sizes, by scenario name: the {@code --set} overrides the test passes. */
    static final Map<String, List<String>> REDUCED = Map.ofEntries(
            Map.entry("tour", List.of("n=41", "nbox=25", "samples=2000")),
            Map.entry("temperature-map", List.of("n=41")),
            Map.entry("wind", List.of("n=41")),
            Map.entry("point-charge", List.of("n=33")),
            Map.entry("gravitation", List.of("n=49")),
            Map.entry("heat-diffusion", List.of("n=33", "dt=1")),
            Map.entry("wave-point-source", List.of("n=33")),
            Map.entry("mvn-score-matching", List.of("samples=2000", "chains=4", "draws=4000")),
            Map.entry("bimodal-precipitation", List.of("samples=4000", "chains=100", "draws=200")),
            Map.entry("double-well", List.of("chains=50", "draws=400")),
            Map.entry("diffusion-model", List.of("chains=400", "samples=2000", "training_steps=300")),
            Map.entry("langevin-vs-fokker-planck", List.of("chains=3000")));

    /**
     * Bundled scenarios that compare nothing, by name, and the metrics (step.metric) their runs are checked on
     * instead. Every bundled scenario has comparisons at present, so none is listed.
     */
    static final Map<String, List<String>> CHECKED_INSTEAD = Map.of();

    @TempDir
    Path dir;

    static Stream<String> bundled() {
        return BundledScenarios.names().stream();
    }

    @Test
    void everyReducedSizeNamesABundledScenario() {
        assertTrue(BundledScenarios.names().containsAll(REDUCED.keySet()),
                "every scenario with a reduced size is bundled: " + BundledScenarios.names());
        assertTrue(BundledScenarios.names().containsAll(CHECKED_INSTEAD.keySet()),
                "every scenario checked on metrics instead is bundled: " + BundledScenarios.names());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundled")
    void runsAtReducedSizeWithEveryComparisonPassing(String name) throws IOException {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", name, "--out", out.toString(), "--threads", "2",
                "--quiet"));
        for (String setting : REDUCED.getOrDefault(name, List.of())) {
            args.add("--set");
            args.add(setting);
        }
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = FieldScoreCommand.commandLine(new PrintWriter(stdout, true), new PrintWriter(stderr, true))
                .execute(args.toArray(new String[0]));
        String report = "fieldscore " + String.join(" ", args) + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        assertEquals(ExitCodes.SUCCESS, code, report);
        assertTrue(Files.isRegularFile(out.resolve("summary.json")), "summary.json missing\n" + report);
        RunAssertions.assertChecked(name, RunAssertions.readSummary(out),
                CHECKED_INSTEAD.getOrDefault(name, List.of()));
    }
}
