package org.fieldscore.runner.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad engine options, an unreachable master and missing Spark jars: a clear error within 30 s, nothing written. */
class SparkEngineErrorsTest {

    private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    @TempDir
    Path dir;

    @Test
    void anUnreachableMasterIsARuntimeFailureWithinThirtySecondsAndWritesNothing() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path out = dir.resolve("out");
        long start = System.nanoTime();
        Runs.Result r = Runs.run(Runs.args(Runs.scenario("langevin-study", dir), out, "--engine", "spark",
                "--master", "spark://127.0.0.1:" + closed));
        assertTrue(System.nanoTime() - start < LIMIT_NANOS, "within 30 s");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("the Spark master spark://127.0.0.1:" + closed + " cannot be reached"),
                r.toString());
        assertFalse(r.err().contains("\tat "), r.toString());
        assertFalse(Files.exists(out), "nothing written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spark://127.0.0.1", "spark://host:99999", "local[0]", "mesos://host:5050", "yarn"})
    void aMalformedMasterIsInvalidInputAndWritesNothing(String master) throws Exception {
        Path out = dir.resolve("out");
        Runs.Result r = Runs.run(Runs.args(Runs.scenario("langevin-study", dir), out, "--engine", "spark",
                "--master", master));
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--master '" + master + "' is not a Spark master URL")
                && r.err().contains("spark://host:port"), r.toString());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aMasterWithoutTheSparkEngineAndAnUnknownEngineAreInvalidInput() throws Exception {
        Path scenario = Runs.scenario("langevin-study", dir);
        Runs.Result master = Runs.run(Runs.args(scenario, dir.resolve("a"), "--master", "local[2]"));
        assertEquals(2, master.exitCode(), master.toString());
        assertTrue(master.err().contains("needs a cluster engine: add --engine spark"), master.toString());
        Runs.Result unknown = Runs.run(Runs.args(scenario, dir.resolve("b"), "--engine", "flink"));
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("unknown engine 'flink'; valid: local, spark"), unknown.toString());
        assertFalse(Files.exists(dir.resolve("a")) || Files.exists(dir.resolve("b")), "nothing written");
    }

    @Test
    void anInvalidStudyIsRefusedBeforeSparkStarts() throws Exception {
        Path file = Runs.scenario("langevin-study", dir);
        Files.writeString(file, Files.readString(file).replace("eps: [0.1, 0.2, 0.4, 0.8]", "eps: [0.1, 5]"));
        Path out = dir.resolve("out");
        Runs.Result r = Runs.run(Runs.args(file, out, "--engine", "spark", "--master", "local[2]"));
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("langevin-study.yaml:") && r.err().contains("nothing was run"), r.toString());
        assertFalse(r.err().contains("cases run on"), "Spark did not start\n" + r);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void theSparkEngineWithoutSparksJarsSaysHowToGetThem() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains(File.separator + "spark" + File.separator)
                        && !e.contains(File.separator + "scala-lang" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
        Path out = dir.resolve("out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath, "org.fieldscore.runner.cli.FieldScoreCommand"));
        command.addAll(List.of(Runs.args(Runs.scenario("langevin-study", dir), out, "--engine", "spark")));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), output);
        assertTrue(System.nanoTime() - start < LIMIT_NANOS, "within 30 s");
        assertEquals(2, p.exitValue(), output);
        assertTrue(output.contains("Spark's jars are not") && output.contains("./fieldscore"), output);
        assertFalse(output.contains("\tat "), output);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void withoutMasterTheMasterSparkSubmitConfiguredIsUsed() throws Exception {
        System.setProperty("spark.master", "local[1]");
        try {
            Path out = dir.resolve("submitted");
            Runs.Result r = Runs.run(Runs.args(Runs.scenario("failing-study", dir), out, "--engine", "spark"));
            assertTrue(r.err().contains("3 cases run on Spark 4.0.1 on local[1] (1 core)"), r.toString());
            assertEquals(3, r.exitCode(), "one case fails\n" + r);
            assertTrue(Files.exists(out.resolve("cases/case-0001/summary.json")), r.toString());
        } finally {
            System.clearProperty("spark.master");
        }
    }

    @Test
    void theBuildsJavaOptionsAreSparksOwn() {
        assertEquals(JavaModuleOptions.defaultModuleOptions(), System.getProperty("fieldscore.spark.java.options"),
                "the pom's spark.java.options must equal Spark's JavaModuleOptions");
    }
}
