package org.fieldscore.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.fieldscore.runner.exec.Version;
import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.output.summary.SummaryJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fieldscore commands end to end, in-process: exit codes, what goes to stdout and stderr, files written. */
class CliTest {

    @TempDir
    Path dir;

    static String scenario(String name) {
        try {
            return Path.of(CliTest.class.getResource("/scenarios/" + name + ".yaml").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void versionIsPrinted() {
        CliHarness.Result r = CliHarness.run("--version");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("fieldscore " + Version.get()), r.toString());
        assertFalse(Version.get().contains("${"), "the version is filled in by the build");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "validate", "describe", "examples"})
    void everyCommandHasHelp(String command) {
        CliHarness.Result r = command.isEmpty() ? CliHarness.run("--help") : CliHarness.run(command, "--help");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("Usage: fieldscore"), r.toString());
        assertTrue(r.out().contains("--help"), r.toString());
    }

    @Test
    void noCommandIsInvalidInput() {
        CliHarness.Result r = CliHarness.run();
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("give a command"), r.toString());
    }

    @Test
    void unknownOptionIsInvalidInput() {
        CliHarness.Result r = CliHarness.run("run", scenario("tiny"), "--outt", dir.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--outt"), r.toString());
    }

    @Test
    void runWritesOutputsAndExitsZero() throws Exception {
        Path out = dir.resolve("tiny");
        CliHarness.Result r = CliHarness.run("run", scenario("tiny"), "--out", out.toString(), "--threads", "2");
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.toString());
        assertTrue(r.out().contains("PASS fronts-check"), r.toString());
        assertTrue(r.out().contains("summary: " + out.toAbsolutePath().normalize().resolve("summary.json")),
                r.toString());
        for (String file : new String[] {"summary.json", "report.html", "temperature.csv", "temperature.vti",
            "temperature.png", "fronts.png", "fronts.vti"}) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file + " missing");
        }
        BufferedImage png;
        try (InputStream in = Files.newInputStream(out.resolve("temperature.png"))) {
            png = ImageIO.read(in);
        }
        assertNotNull(png, "temperature.png decodes");
        assertTrue(png.getWidth() > 100 && png.getHeight() > 100, png.getWidth() + "x" + png.getHeight());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("fronts-check") && report.contains("data:image/png;base64,"), "report content");
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "no temporary files");
        }
    }

    @Test
    void aRunWithBothHalvesHasTheSideBySideTableInItsReport() throws Exception {
        Path out = dir.resolve("both");
        CliHarness.Result r = CliHarness.run("run", scenario("both-halves"), "--out", out.toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.toString());
        String report = Files.readString(out.resolve("report.html")).replace("&#39;", "'");
        for (String cell : new String[] {"Find stationary points", "solved by 'solved'", "argmin J(θ) by 'estimate'",
            "S(x; θ) = ∇ₓ log p = 'score'", "∇φ = 'grad-phi'"}) {
            assertTrue(report.contains(cell), "report cell " + cell);
        }
    }

    @Test
    void aFailedComparisonExitsOneAndStillWritesTheSummary() throws Exception {
        Path out = dir.resolve("failing");
        CliHarness.Result r = CliHarness.run("run", scenario("failing-comparison"), "--out", out.toString());
        assertEquals(ExitCodes.COMPARISON_FAILED, r.exitCode(), r.toString());
        assertTrue(r.out().contains("FAIL slope-check"), r.toString());
        assertTrue(r.out().contains("1 of 1 comparisons failed"), r.toString());
        try (InputStream in = Files.newInputStream(out.resolve("summary.json"))) {
            RunSummary s = SummaryJson.read(in);
            assertFalse(s.allComparisonsPassed());
        }
    }

    @Test
    void aComputationThatFailsExitsThreeWithoutStackTrace() {
        Path out = dir.resolve("nan");
        CliHarness.Result r = CliHarness.run("run", scenario("runtime-failure"), "--out", out.toString());
        assertEquals(ExitCodes.RUNTIME_FAILURE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("step 'broken'") && r.err().contains("NaN"), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose\n" + r);
        assertFalse(Files.exists(out.resolve("summary.json")), "a failed run writes no summary");
    }

    @Test
    void aSolverThatDoesNotConvergeExitsThree() {
        CliHarness.Result r = CliHarness.run("run", scenario("not-converging"), "--out", dir.resolve("nc").toString());
        assertEquals(ExitCodes.RUNTIME_FAILURE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("did not converge"), r.toString());
    }

    @Test
    void verboseShowsTheStackTraceOfARuntimeFailure() {
        CliHarness.Result r = CliHarness.run("run", scenario("runtime-failure"), "--out", dir.toString(), "--verbose");
        assertEquals(ExitCodes.RUNTIME_FAILURE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("\tat "), r.toString());
    }

    @Test
    void anUnknownParameterOverrideIsInvalidInput() {
        CliHarness.Result r = CliHarness.run("run", scenario("tiny"), "--set", "amplitud=3", "--out",
                dir.resolve("x").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no parameter 'amplitud'") && r.err().contains("Did you mean 'amplitude'?"),
                r.toString());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void anOutputFolderThatIsAFileIsInvalidInput() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "not a folder");
        CliHarness.Result r = CliHarness.run("run", scenario("tiny"), "--out", file.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("is not a folder"), r.toString());
    }

    @Test
    void aBadThreadCountIsInvalidInput() {
        CliHarness.Result r = CliHarness.run("run", scenario("tiny"), "--threads", "0", "--out",
                dir.resolve("x").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void validateAndDescribeComputeNothing() {
        CliHarness.Result v = CliHarness.run("validate", scenario("tiny"));
        assertEquals(0, v.exitCode(), v.toString());
        assertTrue(v.out().contains("valid scenario 'tiny' (5 steps, 2 comparisons"), v.toString());

        CliHarness.Result d = CliHarness.run("describe", scenario("tiny"), "--set", "n=41");
        assertEquals(0, d.exitCode(), d.toString());
        assertTrue(d.out().contains("fronts") && d.out().contains("gradient of 'celsius'"), d.toString());
        assertTrue(d.out().contains("1681 points"), "41 x 41 grid after --set\n" + d);
        assertTrue(d.out().contains("estimated memory"), d.toString());
    }

    @Test
    void anUnstableLangevinStepOnAModelIsRefusedWhileValidating() throws Exception {
        // Σ = [[1, .5], [.5, 1]] has σ²_min = 0.5, so unadjusted Langevin needs ε < 2
        Path file = Files.writeString(dir.resolve("unstable-langevin.yaml"), """
                name: unstable-langevin
                steps:
                  - id: mvn
                    type: model
                    distribution: {type: mvn, mean: [0, 0], covariance: [[1, 0.5], [0.5, 1]]}
                  - id: chains
                    type: langevin
                    model: mvn
                    step-size: 2.5
                    chains: 4
                    burn-in: 10
                    draws: 10
                """);
        for (String command : new String[] {"validate", "run"}) {
            Path out = dir.resolve("unstable-out-" + command);
            CliHarness.Result r = command.equals("run") ? CliHarness.run("run", file.toString(), "--out",
                    out.toString()) : CliHarness.run("validate", file.toString());
            assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
            // the message points at the line of the key, not of the step
            assertTrue(r.err().contains("unstable-langevin.yaml:9:") && r.err().contains("step-size")
                    && r.err().contains("epsilon < 4 sigma_min^2 = 2.0"), r.toString());
            assertFalse(Files.exists(out), "nothing is written for an invalid scenario");
        }
    }

    @Test
    void missingFilesAndMisspeltBundledNamesAreInvalidInput() {
        CliHarness.Result missing = CliHarness.run("validate", dir.resolve("nowhere.yaml").toString());
        assertEquals(ExitCodes.INVALID_INPUT, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("no such file"), missing.toString());

        CliHarness.Result misspelt = CliHarness.run("validate", "toru");
        assertEquals(ExitCodes.INVALID_INPUT, misspelt.exitCode(), misspelt.toString());
        assertTrue(misspelt.err().contains("Did you mean 'tour'?"), misspelt.toString());

        CliHarness.Result formerName = CliHarness.run("validate", "seed-tour");
        assertEquals(0, formerName.exitCode(), "the tour's former name still runs: " + formerName);
    }

    @Test
    void examplesAreListedAndExportedAsValidFiles() {
        CliHarness.Result list = CliHarness.run("examples");
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().contains("tour"), list.toString());

        Path export = dir.resolve("examples");
        CliHarness.Result ex = CliHarness.run("examples", "--export", export.toString());
        assertEquals(0, ex.exitCode(), ex.toString());
        for (String name : BundledScenarios.names()) {
            Path file = export.resolve(name + ".yaml");
            assertTrue(Files.isRegularFile(file), file.toString());
            CliHarness.Result v = CliHarness.run("validate", file.toString());
            assertEquals(0, v.exitCode(), v.toString());
        }
    }
}
