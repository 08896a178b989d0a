package org.fieldscore.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the commands print for people: FieldScore's own messages, whole descriptions, integers as integers. */
class TerminalMessagesTest {

    @TempDir
    Path dir;

    @Test
    void aSeedThatIsNotANumberGetsFieldScoresOwnMessage() {
        CliHarness.Result r = CliHarness.run("validate", "tour", "--seed", "abc");
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: --seed abc: a seed is a whole number"), r.toString());
        assertTrue(r.err().contains("e.g. --seed 42"), r.toString());
        assertFalse(r.err().contains("Invalid value for option"), "not picocli's message\n" + r);
        assertFalse(r.err().contains("Usage:"), "no usage dump\n" + r);
    }

    @Test
    void aMissingFileNamedLikeABundledScenarioPointsToIt() {
        CliHarness.Result exact = CliHarness.run("run", dir.resolve("tour.yaml").toString());
        assertEquals(ExitCodes.INVALID_INPUT, exact.exitCode(), exact.toString());
        assertTrue(exact.err().contains("tour.yaml: no such file. A bundled scenario is called 'tour'. Run it by"
                + " name ('fieldscore run tour')"), exact.toString());
        CliHarness.Result close = CliHarness.run("validate", "wnd.yaml");
        assertTrue(close.err().contains("Did you mean the bundled scenario 'wind'?"), close.toString());
        CliHarness.Result unrelated = CliHarness.run("validate", "zzzzzzzz.yaml");
        assertTrue(unrelated.err().contains("no such file; give the path of a scenario file"), unrelated.toString());
    }

    @Test
    void describePrintsWholeNumbersWithoutADecimalPoint() {
        CliHarness.Result r = CliHarness.run("describe", "tour");
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.toString());
        assertTrue(r.out().contains("[0, 10]"), r.out());
        assertFalse(Pattern.compile("(?<![\\w.])\\d+\\.0(?![\\d]| [kMG]B)").matcher(r.out()).find(),
                "no number like 10.0 in\n" + r.out());
        CliHarness.Result study = CliHarness.run("describe", "convergence-study");
        assertTrue(Pattern.compile("\\n  n +17\\n").matcher(study.out()).find(), study.out());
    }

    @Test
    void examplesShowWholeFirstSentences() {
        CliHarness.Result r = CliHarness.run("examples");
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.toString());
        assertFalse(r.out().contains("…"), r.out());
        // every entry (a name line and its indented continuation lines) ends with a sentence's end
        for (String entry : r.out().split("\\n(?=\\S)")) {
            String text = entry.strip();
            assertTrue(text.endsWith(".") || text.endsWith(")") || text.endsWith("?"), "ends mid-sentence: " + text);
        }
        assertTrue(r.out().contains("brownian-vs-heat         Bridge between the halves"), r.out());
    }

    @Test
    void theWorkLimitIsRaisedExplicitly() throws Exception {
        Path file = dir.resolve("fine.yaml");
        Files.writeString(file, """
                name: fine
                steps:
                  - id: heat
                    type: diffusion
                    grid: {shape: 101, lower: 0, upper: 1, dimension: 1}
                    diffusivity: 1
                    initial: "sin(pi*x)"
                    time-step: 1e-9
                    end-time: 1
                """);
        CliHarness.Result refused = CliHarness.run("validate", file.toString());
        assertEquals(ExitCodes.INVALID_INPUT, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("fine.yaml:3:5: key 'steps[0]': the run would take about 2.02e+13"
                + " operations, above the limit of 1.00e+12"), refused.toString());
        CliHarness.Result raised = CliHarness.run("validate", file.toString(), "--max-work", "3e13");
        assertEquals(ExitCodes.SUCCESS, raised.exitCode(), raised.toString());
        CliHarness.Result bad = CliHarness.run("validate", file.toString(), "--max-work", "-1");
        assertEquals(ExitCodes.INVALID_INPUT, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("--max-work must be > 0"), bad.toString());
    }
}
