package org.fieldscore.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.output.summary.StepResult;
import org.fieldscore.runner.output.summary.SummaryJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same scenario and seed give the same numbers whatever --threads is. The thread count is a setting of the run
 * (a pool of that many workers), not of the JVM, so one JVM runs every count.
 */
class ThreadCountReproducibilityTest {

    @TempDir
    Path dir;

    private RunSummary runWithThreads(String scenario, int threads) throws Exception {
        Path out = dir.resolve("threads-" + threads);
        CliHarness.Result r = CliHarness.run("run", scenario, "--out", out.toString(), "--threads",
                String.valueOf(threads), "--quiet");
        assertEquals(0, r.exitCode(), r.toString());
        try (InputStream in = Files.newInputStream(out.resolve("summary.json"))) {
            return SummaryJson.read(in);
        }
    }

    @Test
    void oneTwoAndThreeThreadsGiveTheSameNumbers() throws Exception {
        String scenario = CliTest.scenario("langevin-small");
        List<StepResult> one = runWithThreads(scenario, 1).steps();
        assertFalse(one.isEmpty(), "the scenario has steps");
        for (int threads : new int[] {2, 3}) {
            List<StepResult> other = runWithThreads(scenario, threads).steps();
            assertEquals(one.size(), other.size());
            for (int i = 0; i < one.size(); i++) {
                assertFalse(one.get(i).metrics().isEmpty(), one.get(i).id() + " reports metrics");
                assertEquals(one.get(i).metrics(), other.get(i).metrics(), one.get(i).id() + ", " + threads
                        + " threads");
            }
        }
    }
}
