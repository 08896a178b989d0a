package org.fieldscore.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.output.summary.StepResult;
import org.fieldscore.runner.output.summary.SummaryJson;
import org.fieldscore.runner.testing.RunAssertions;
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
        RunSummary first = runWithThreads(scenario, 1);
        // langevin-small compares nothing: the numbers compared below include these, which must be there and finite
        RunAssertions.assertChecked("langevin-small", first,
                List.of("chain.mean-0", "chain.rhat-max", "chain.ess-min", "chain.acceptance-rate"));
        List<StepResult> one = first.steps();
        for (int threads : new int[] {2, 3}) {
            List<StepResult> other = runWithThreads(scenario, threads).steps();
            assertEquals(one.size(), other.size());
            for (int i = 0; i < one.size(); i++) {
                assertEquals(one.get(i).metrics(), other.get(i).metrics(), one.get(i).id() + ", " + threads
                        + " threads");
            }
        }
    }
}
