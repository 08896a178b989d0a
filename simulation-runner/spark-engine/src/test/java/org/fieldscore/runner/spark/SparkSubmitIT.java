package org.fieldscore.runner.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged engine as an ordinary Spark application, started the way docs/studies.md shows for YARN and
 * Kubernetes: Spark's own launcher ({@code org.apache.spark.deploy.SparkSubmit}, what {@code spark-submit} runs) on a
 * class path of Spark's jars only, with {@code --class org.fieldscore.runner.cli.FieldScoreCommand}, the engine's jar
 * and {@code --jars $(cat target/app.jars)}, against a standalone cluster whose executors also see only Spark's jars,
 * so the runner reaches them only through the submitted jars. The study's numbers are the local engine's. Runs after
 * {@code package} (failsafe), since it needs the jar.
 */
class SparkSubmitIT {

    @TempDir
    Path dir;

    @Test
    void theDocumentedSparkSubmitCommandRunsAStudyWithTheLocalEnginesNumbers() throws Exception {
        Path target = Path.of("target");
        Path engineJar;
        try (var jars = Files.list(target)) {
            engineJar = jars.filter(p -> p.getFileName().toString().matches("spark-engine-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("target/spark-engine-*.jar: run after package"));
        }
        String appJars = Files.readString(target.resolve("app.jars")).trim();
        // Spark's class path: this JVM's jars but FieldScore's own (which only --jars brings) and the test libraries
        Set<String> fieldScore = Arrays.stream(appJars.split(",")).filter(SparkSubmitIT::isFieldScoreJar)
                .collect(Collectors.toSet());
        assertEquals(4, fieldScore.size(), "app.jars lists the four FieldScore modules: " + appJars);
        String sparkOnly = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar") && !isFieldScoreJar(e) && !e.contains("junit")
                        && !e.contains("opentest4j") && !e.contains("apiguardian"))
                .collect(Collectors.joining(File.pathSeparator));
        Path study = Runs.scenario("langevin-study", dir);
        Path expected = dir.resolve("local");
        Runs.Result local = Runs.run(Runs.args(study, expected));
        assertEquals(0, local.exitCode(), local.toString());

        try (StandaloneCluster cluster = StandaloneCluster.start(1, dir.resolve("cluster"))) {
            Path out = dir.resolve("submitted");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx1g"));
            command.addAll(List.of(System.getProperty("fieldscore.spark.java.options").trim().split("\\s+")));
            command.addAll(List.of("-cp", sparkOnly, "org.apache.spark.deploy.SparkSubmit",
                    "--master", cluster.url(), "--deploy-mode", "client",
                    "--conf", "spark.executor.extraClassPath=" + sparkOnly,
                    "--conf", "spark.executor.memory=768m",
                    "--class", "org.fieldscore.runner.cli.FieldScoreCommand",
                    "--jars", appJars,
                    engineJar.toAbsolutePath().toString(),
                    "run", study.toString(), "--engine", "spark", "--out", out.toString(), "--quiet"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("submit.log").toFile());
            builder.environment().put("SPARK_HOME", dir.resolve("cluster/spark-home").toString());
            builder.environment().put("SPARK_SCALA_VERSION", "2.13");
            Process submit = builder.start();
            boolean done = submit.waitFor(180, TimeUnit.SECONDS);
            if (!done) {
                submit.descendants().forEach(ProcessHandle::destroyForcibly);
                submit.destroyForcibly();
            }
            String log = read(dir.resolve("submit.log"));
            assertTrue(done, "spark-submit finished within 180 s\n" + log);
            assertEquals(0, submit.exitValue(), log);
            assertTrue(log.contains("on Spark 4.0.1 on " + cluster.url()), log);
            assertEquals(Files.readString(expected.resolve("study.csv")), Files.readString(out.resolve("study.csv")),
                    "study.csv of the submitted application equals the local engine's");
            SameNumbers.assertSameSummary(expected.resolve("summary.json"), out.resolve("summary.json"));
        }
    }

    private static boolean isFieldScoreJar(String path) {
        String name = Path.of(path).getFileName().toString();
        return name.matches("(fields-core|pde-solvers|score-stats|simulation-runner|spark-engine)-.*\\.jar");
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(no log)";
    }
}
