package org.fieldscore.runner.step;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fieldscore.runner.cli.FieldScoreCommand;
import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.output.summary.SummaryJson;
import org.fieldscore.runner.testing.RunAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training a score network, its Fisher divergence and annealed Langevin dynamics driven by it give the same numbers
 * with one and with two threads. The common pool's size is fixed when a JVM first uses it, so each run gets its
 * own JVM.
 */
class ScoreNetworkThreadsTest {

    private static final String SCENARIO = """
            name: network-threads
            description: a noise-conditional network and the samplers it drives
            seed: 17
            output: {report: false, plots: false, vtk: false, csv: false}
            steps:
            """ + MixtureScenarios.mixtureAndData("regimes", 3, 3000) + """
              - id: net
                type: score-network
                data: data
                objective: noise-conditional
                sigma-max: 6
                sigma-min: 0.5
                levels: 5
                hidden: [16, 16]
                steps: 300
                truth: regimes
              - id: sliced
                type: score-network
                data: data
                hidden: [16]
                steps: 300
                truth: regimes
              - id: annealed
                type: annealed-langevin
                model: net
                sigma-max: 6
                sigma-min: 0.5
                levels: 5
                step-size: 0.05
                steps-per-level: 20
                chains: 300
                modes: regimes
            """;

    @TempDir
    Path dir;

    private RunSummary runWithThreads(Path scenario, int threads) throws Exception {
        Path out = dir.resolve("threads-" + threads);
        Path log = dir.resolve("log-" + threads + ".txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx512m", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), FieldScoreCommand.class.getName(), "run", scenario.toString(),
                "--out", out.toString(), "--threads", String.valueOf(threads), "--quiet")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the run with --threads " + threads + " did not finish");
        }
        assertEquals(0, p.exitValue(), Files.readString(log));
        try (InputStream in = Files.newInputStream(out.resolve("summary.json"))) {
            return SummaryJson.read(in);
        }
    }

    @Test
    void oneThreadAndTwoThreadsTrainAndSampleAlike() throws Exception {
        Path scenario = dir.resolve("network-threads.yaml");
        Files.writeString(scenario, SCENARIO);
        RunSummary first = runWithThreads(scenario, 1);
        // the scenario compares nothing: the numbers compared below include these, which must be there and finite
        RunAssertions.assertChecked("network-threads", first,
                List.of("net.fisher-divergence", "sliced.fisher-divergence", "annealed.mode-fraction-0"));
        var one = first.steps();
        var two = runWithThreads(scenario, 2).steps();
        assertEquals(one.size(), two.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.get(i).metrics(), two.get(i).metrics(), one.get(i).id());
        }
    }
}
