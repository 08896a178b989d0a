package org.fieldscore.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.output.summary.StepResult;
import org.fieldscore.runner.output.summary.SummaryJson;
import org.fieldscore.runner.testing.RunAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same scenario and seed give the same numbers whatever --threads is. The thread count of the common pool is
 * fixed when a JVM first uses it, so each run gets its own JVM.
 */
class ThreadCountReproducibilityTest {

    @TempDir
    Path dir;

    private RunSummary runWithThreads(String scenario, int threads) throws Exception {
        Path out = dir.resolve("threads-" + threads);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx512m", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), FieldScoreCommand.class.getName(), "run", scenario, "--out",
                out.toString(), "--threads", String.valueOf(threads), "--quiet")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log-" + threads + ".txt").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the run with --threads " + threads + " did not finish");
        }
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("log-" + threads + ".txt")));
        try (InputStream in = Files.newInputStream(out.resolve("summary.json"))) {
            return SummaryJson.read(in);
        }
    }

    @Test
    void oneThreadAndTwoThreadsGiveTheSameNumbers() throws Exception {
        String scenario = CliTest.scenario("langevin-small");
        RunSummary first = runWithThreads(scenario, 1);
        // langevin-small compares nothing: the numbers compared below include these, which must be there and finite
        RunAssertions.assertChecked("langevin-small", first,
                List.of("chain.mean-0", "chain.rhat-max", "chain.ess-min", "chain.acceptance-rate"));
        List<StepResult> one = first.steps();
        List<StepResult> two = runWithThreads(scenario, 2).steps();
        assertEquals(one.size(), two.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.get(i).metrics(), two.get(i).metrics(), one.get(i).id());
        }
    }
}
