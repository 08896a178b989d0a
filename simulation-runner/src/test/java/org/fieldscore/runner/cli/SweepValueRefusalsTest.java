package org.fieldscore.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A value a study's sweep gives a parameter is checked like a default, and a refused one is reported where it is
 * written — the sweep's key of that parameter, with its line — never as if it came from {@code --set}; a
 * {@code --set} value is still reported as {@code --set} at the parameter's declaration.
 */
class SweepValueRefusalsTest {

    @TempDir
    Path work;

    private Path scenario(String sweep) throws IOException {
        return Files.writeString(work.resolve("sweep.yaml"), """
                name: sweep
                parameters:
                  n: {default: 11, min: 3, max: 101}
                  k: {default: 1}
                grids:
                  map: {shape: [n, n], lower: [0, 0], upper: [1, 1]}
                steps:
                  - id: t
                    type: field
                    grid: map
                    expression: "k*x*y"
                study:
                  sweep:
                    k: [1, 2]
                %s
                """.formatted(sweep));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "validate"})
    void aListValueBelowTheMinimumIsReportedAtTheSweepKey(String command) throws IOException {
        CliHarness.Result r = CliHarness.run(command, scenario("    n: [5, 2, 9]").toString(), "--out",
                work.resolve("out").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("sweep.yaml:15:5: key 'study.sweep.n': the study's sweep value n: 2 gives n = 2.0,"
                + " outside the valid range [3.0, 101.0] of parameter 'n' (declared at line 3); valid: values in that"
                + " range"), r.toString());
        assertFalse(r.err().contains("--set"), r.toString());
        assertFalse(Files.exists(work.resolve("out").resolve("summary.json")), "nothing is run");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "validate"})
    void aRangeThatPassesTheMaximumIsReportedAtTheSweepKey(String command) throws IOException {
        CliHarness.Result r = CliHarness.run(command, scenario("    n: {from: 81, to: 121, step: 20}").toString(),
                "--out", work.resolve("out").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("sweep.yaml:15:5: key 'study.sweep.n': the study's sweep value n: 121 gives"
                + " n = 121.0, outside the valid range [3.0, 101.0]"), r.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "validate"})
    void aValueThatIsNotANumberIsReportedAtTheSweepKey(String command) throws IOException {
        CliHarness.Result r = CliHarness.run(command, scenario("    n: [5, nine]").toString(), "--out",
                work.resolve("out").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("sweep.yaml:15:5: key 'study.sweep.n': the study's sweep value n: nine is not a"
                + " number"), r.toString());
        assertTrue(r.err().contains("valid: a number or an expression over constants and earlier parameters"),
                r.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "validate"})
    void aSetValueIsStillReportedAsSetAtTheParameter(String command) throws IOException {
        CliHarness.Result r = CliHarness.run(command, scenario("").toString(), "--set", "n=2", "--out",
                work.resolve("out").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("sweep.yaml:3:6: key 'parameters.n': --set n=2 gives n = 2.0, outside the valid range [3.0, 101.0] of"
                + " parameter 'n'"), r.toString());
    }
}
