package org.fieldscore.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
                  - {id: t, type: field, grid: map, expression: "k*x*y"}
                study:
                  sweep:
                    k: [1, 2]
                %s
                """.formatted(sweep));
    }

    /** Runs the command with the sweep block's extra line and options, and checks it is refused before running. */
    private CliHarness.Result refused(String command, String sweep, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of(command, scenario(sweep).toString(), "--out",
                work.resolve("out").toString()));
        args.addAll(List.of(options));
        CliHarness.Result r = CliHarness.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertFalse(Files.exists(work.resolve("out").resolve("summary.json")), "nothing is run");
        return r;
    }

    /** Each class of bad sweep value: its sweep line and what the refusal says, at the sweep's key of 'n'. */
    static Stream<Arguments> badSweepValues() {
        Stream<Arguments> cases = Stream.of(
                Arguments.of("a list value below the minimum", "    n: [5, 2, 9]", "the study's sweep value n: 2 gives"
                        + " n = 2.0, outside the valid range [3.0, 101.0] of parameter 'n' (declared at line 3); valid:"
                        + " values in that range"),
                Arguments.of("a range passing the maximum", "    n: {from: 81, to: 121, step: 20}", "the study's sweep"
                        + " value n: 121 gives n = 121.0, outside the valid range [3.0, 101.0]"),
                Arguments.of("a value that is not a number", "    n: [5, nine]", "the study's sweep value n: nine is not"
                        + " a number: unknown variable 'nine'"));
        return cases.flatMap(c -> Stream.of("run", "validate").map(command -> Arguments.of(command + ": "
                + c.get()[0], command, c.get()[1], c.get()[2])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSweepValues")
    void aBadSweepValueIsReportedAtTheSweepKeyOfItsParameter(String name, String command, String sweep,
            String message) throws IOException {
        CliHarness.Result r = refused(command, sweep);
        assertTrue(r.err().contains("sweep.yaml:12:5: key 'study.sweep.n': " + message), r.toString());
        assertTrue(r.err().contains("; valid: "), r.toString());
        assertFalse(r.err().contains("--set"), r.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "validate"})
    void aSetValueIsStillReportedAsSetAtTheParameter(String command) throws IOException {
        CliHarness.Result r = refused(command, "", "--set", "n=2");
        assertTrue(r.err().contains("sweep.yaml:3:6: key 'parameters.n': --set n=2 gives n = 2.0, outside the valid range [3.0, 101.0] of"
                + " parameter 'n'"), r.toString());
    }
}
