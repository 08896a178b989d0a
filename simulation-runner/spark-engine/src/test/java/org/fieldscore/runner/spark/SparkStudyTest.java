package org.fieldscore.runner.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Studies on embedded Spark ({@code local[2]}) and on a standalone cluster of two one-core workers on 127.0.0.1
 * compute exactly the numbers of the local engine, resume across engines, report a failing case once, and survive a
 * worker killed while cases run. The last test kills a worker, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkStudyTest {

    @TempDir
    static Path dir;

    private static StandaloneCluster cluster;
    private static Path scenario;
    private static Path local;

    @BeforeAll
    static void runLocallyAndStartTheCluster() throws Exception {
        scenario = Runs.scenario("langevin-study", dir);
        local = dir.resolve("local");
        Runs.Result r = Runs.run(Runs.args(scenario, local));
        assertEquals(0, r.exitCode(), r.toString());
        cluster = StandaloneCluster.start(2, dir);
        // executors on this machine load the classes from this JVM's class path; Spark reads spark.* properties
        System.setProperty("spark.executor.extraClassPath", StandaloneCluster.executorClassPath());
        System.setProperty("spark.executor.memory", "512m");
    }

    @AfterAll
    static void stopTheCluster() {
        System.clearProperty("spark.executor.extraClassPath");
        System.clearProperty("spark.executor.memory");
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aStudyOnEmbeddedSparkHasTheLocalEnginesNumbersAndResumesOnEitherEngine() throws Exception {
        Path out = dir.resolve("embedded");
        Runs.Result r = Runs.run(Runs.args(scenario, out, "--engine", "spark", "--master", "local[2]"));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("4 cases run on Spark 4.0.1 on local[2] (2 cores)"), r.toString());
        SameNumbers.assertSameStudy(local, out);

        // a case lost its summary: the local engine reruns only that case, with the same numbers
        Files.delete(out.resolve("cases/case-0003/summary.json"));
        Runs.Result resumed = Runs.run(Runs.args(scenario, out));
        assertEquals(0, resumed.exitCode(), resumed.toString());
        List<String> rows = Files.readString(out.resolve("study.csv")).lines().skip(1).toList();
        assertEquals(3, rows.stream().filter(l -> l.endsWith(",resumed")).count(), rows.toString());
        assertTrue(rows.get(2).startsWith("case-0003") && rows.get(2).endsWith(",ran"), rows.toString());
        SameNumbers.assertSameSummary(local.resolve("cases/case-0003/summary.json"),
                out.resolve("cases/case-0003/summary.json"));

        // and Spark resumes what the local engine ran
        Files.delete(out.resolve("cases/case-0001/summary.json"));
        Runs.Result again = Runs.run(Runs.args(scenario, out, "--engine", "spark", "--master", "local[2]"));
        assertEquals(0, again.exitCode(), again.toString());
        List<String> rerun = Files.readString(out.resolve("study.csv")).lines().skip(1).toList();
        assertTrue(rerun.get(0).endsWith(",ran") && rerun.stream().skip(1).allMatch(l -> l.endsWith(",resumed")),
                rerun.toString());
        SameNumbers.assertSameSummary(local.resolve("cases/case-0001/summary.json"),
                out.resolve("cases/case-0001/summary.json"));
    }

    @Test
    @Order(2)
    void aStudyOnAStandaloneClusterHasTheLocalEnginesNumbers() throws Exception {
        Path out = dir.resolve("cluster");
        Runs.Result r = Runs.run(Runs.args(scenario, out, "--engine", "spark", "--master", cluster.url()));
        assertEquals(0, r.exitCode(), r + "\n" + cluster);
        assertTrue(r.err().contains("cases run on Spark 4.0.1 on " + cluster.url()), r.toString());
        SameNumbers.assertSameStudy(local, out);
    }

    @Test
    @Order(3)
    void langevinEnsemblesOnEmbeddedSparkAndOnTheClusterHaveTheLocalEnginesSamplesAndMetrics() throws Exception {
        Path ensemble = Runs.scenario("ensemble", dir);
        Path expected = dir.resolve("ensemble-local");
        Runs.Result r = Runs.run(Runs.args(ensemble, expected));
        assertEquals(0, r.exitCode(), r.toString());
        for (String master : new String[] {"local[2]", cluster.url()}) {
            Path out = dir.resolve("ensemble-" + master.replaceAll("[^a-z0-9]", "-"));
            // one thread per task on the executors: the same numbers as the local engine on all cores
            Runs.Result spark = Runs.run(Runs.args(ensemble, out, "--engine", "spark", "--master", master,
                    "--threads", "1"));
            assertEquals(0, spark.exitCode(), spark + "\n" + cluster);
            assertTrue(spark.err().contains("Langevin chains run on Spark 4.0.1 on " + master), spark.toString());
            SameNumbers.assertSameSummary(expected.resolve("summary.json"), out.resolve("summary.json"));
            List<String> files = SameNumbers.files(expected);
            assertEquals(files, SameNumbers.files(out));
            assertTrue(files.stream().filter(f -> f.endsWith(".csv")).count() >= 3, files.toString());
            for (String f : files) {
                if (f.endsWith(".csv")) {
                    assertEquals(Files.readString(expected.resolve(f)), Files.readString(out.resolve(f)),
                            f + ": the same samples on " + master);
                }
            }
        }
    }

    @Test
    @Order(4)
    void aCaseThatFailsOnEveryAttemptIsReportedAsAFailedCase() throws Exception {
        Path failing = Runs.scenario("failing-study", dir);
        Path out = dir.resolve("failing");
        long start = System.nanoTime();
        Runs.Result r = Runs.run(Runs.args(failing, out, "--engine", "spark", "--master", cluster.url()));
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("error: case case-0002 {a=0.5} failed") && r.err().contains("NaN"), r.toString());
        List<String> rows = Files.readString(out.resolve("study.csv")).lines().skip(1).toList();
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(1).startsWith("case-0002") && rows.get(1).contains(",\"failed: step 'f'"), rows.toString());
        assertTrue(rows.get(0).endsWith(",ran") && rows.get(2).endsWith(",ran"), rows.toString());
        assertFalse(Files.exists(out.resolve("cases/case-0002/summary.json")), "a failed case has no summary");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(120), "not retried without end");
    }

    @Test
    @Order(5)
    void aStudyCompletesWithEveryCaseOnceWhenAWorkerIsKilledWhileCasesRun() throws Exception {
        String[] longer = {"--set", "draws=20000"};
        Path reference = dir.resolve("kill-local");
        Runs.Result expected = Runs.run(concat(Runs.args(scenario, reference), longer));
        assertEquals(0, expected.exitCode(), expected.toString());

        Path out = dir.resolve("kill-cluster");
        CompletableFuture<Runs.Result> run = CompletableFuture.supplyAsync(() -> Runs.run(concat(
                Runs.args(scenario, out, "--engine", "spark", "--master", cluster.url()), longer)));
        long deadline = System.currentTimeMillis() + 90_000;
        while (!Files.exists(out.resolve("cases/case-0001/summary.json"))
                && !Files.exists(out.resolve("cases/case-0002/summary.json")) && !run.isDone()) {
            assertTrue(System.currentTimeMillis() < deadline, "no case finished within 90 s\n" + cluster);
            Thread.sleep(50);
        }
        assertFalse(run.isDone(), () -> "cases were still running when the worker was killed\n" + run.join());
        cluster.killWorker(0);
        Runs.Result r = run.get(180, TimeUnit.SECONDS);
        assertEquals(0, r.exitCode(), r + "\n" + cluster);
        List<String> rows = Files.readString(out.resolve("study.csv")).lines().skip(1).toList();
        assertEquals(List.of("case-0001", "case-0002", "case-0003", "case-0004"),
                rows.stream().map(l -> l.substring(0, l.indexOf(','))).toList());
        assertTrue(rows.stream().allMatch(l -> l.endsWith(",ran")), rows.toString());
        assertTrue(SameNumbers.files(out).stream().noneMatch(f -> f.endsWith(".partial")), "no partial file");
        SameNumbers.assertSameStudy(reference, out);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
