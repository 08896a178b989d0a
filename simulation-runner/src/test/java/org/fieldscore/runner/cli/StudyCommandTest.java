package org.fieldscore.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fieldscore run} on a scenario with a study block: cases, table, fitted order, resuming, bad sweeps. */
class StudyCommandTest {

    private static final String SCENARIO = """
            name: laplacian-study
            seed: 1
            parameters:
              n: {default: 9, min: 5, max: 1025}
            grids:
              box: {shape: [n, n], lower: [0, 0], upper: [8, 8]}
            output: {plots: false, vtk: false, csv: false}
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
            study:
              sweep:
                n: [33, 65, 129]
              plots:
                - {id: order, x: n, y: lap-check, inverse-x: true, expect-slope: 2, tolerance: 0.15}
              parallel-cases: 2
            """;

    @TempDir
    Path dir;

    @Test
    void aStudyRunsItsCasesFitsTheOrderAndResumes() throws Exception {
        Path file = dir.resolve("study.yaml");
        Files.writeString(file, SCENARIO);
        Path out = dir.resolve("out");
        CliHarness.Result first = CliHarness.run("run", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(ExitCodes.SUCCESS, first.exitCode(), first.toString());
        assertTrue(first.out().contains("PASS order"), first.toString());
        for (String id : new String[] {"case-0001", "case-0002", "case-0003"}) {
            assertTrue(Files.exists(out.resolve("cases/" + id + "/summary.json")), id);
        }
        String table = Files.readString(out.resolve("study.csv"));
        assertEquals(4, table.lines().count(), table);
        assertTrue(table.lines().skip(1).allMatch(l -> l.endsWith(",ran")), table);
        assertTrue(Files.exists(out.resolve("order.png")));
        assertTrue(Files.exists(out.resolve("report.html")));

        Files.delete(out.resolve("cases/case-0003/summary.json"));
        CliHarness.Result second = CliHarness.run("run", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(ExitCodes.SUCCESS, second.exitCode(), second.toString());
        String resumed = Files.readString(out.resolve("study.csv"));
        assertTrue(resumed.contains("case-0001,33") && resumed.lines().filter(l -> l.endsWith(",resumed")).count() == 2,
                resumed);
        assertTrue(resumed.lines().anyMatch(l -> l.startsWith("case-0003") && l.endsWith(",ran")), resumed);
    }

    @Test
    void sweepingAnUndeclaredParameterIsInvalidInputAndWritesNothing() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, SCENARIO.replace("    n: [33, 65, 129]", "    m: [33, 65, 129]"));
        Path out = dir.resolve("bad-out");
        CliHarness.Result r = CliHarness.run("run", file.toString(), "--out", out.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("bad.yaml:") && r.err().contains("only declared parameters can be swept"),
                r.toString());
        assertFalse(r.err().contains("Exception"), r.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void aSweptValueOutsideTheParametersRangeIsRefusedBeforeRunning() throws Exception {
        Path file = dir.resolve("range.yaml");
        Files.writeString(file, SCENARIO.replace("    n: [33, 65, 129]", "    n: [33, 2049]"));
        Path out = dir.resolve("range-out");
        CliHarness.Result r = CliHarness.run("run", file.toString(), "--out", out.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("1025"), r.toString());
        assertFalse(Files.exists(out));
    }
}
