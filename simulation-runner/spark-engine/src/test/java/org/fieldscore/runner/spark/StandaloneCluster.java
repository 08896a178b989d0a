package org.fieldscore.runner.spark;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a {@code Master} JVM and worker JVMs ({@code Worker}, one core
 * and 1 GiB each), started from Spark's jars on this JVM's class path with Spark's Java 17 options. Executors get
 * this JVM's class path ({@code spark.executor.extraClassPath}); the workers' Spark home is an empty folder with a
 * {@code jars} directory, as Spark's launcher requires. Closing kills every JVM it started.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 60_000;

    private final Path home;
    private final int port;
    private final int webPort;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();

    private StandaloneCluster(Path home, int port, int webPort, Process master) {
        this.home = home;
        this.port = port;
        this.webPort = webPort;
        this.master = master;
    }

    /**
     * @param workers the number of workers
     * @param folder a folder for the Spark home, logs and work directories
     * @return the running cluster, every worker registered
     */
    static StandaloneCluster start(int workers, Path folder) throws IOException, InterruptedException {
        Path home = Files.createDirectories(folder.resolve("spark-home"));
        Files.createDirectories(home.resolve("jars"));
        int port = freePort();
        int webPort = freePort();
        Process master = java(home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--webui-port", String.valueOf(webPort));
        StandaloneCluster cluster = new StandaloneCluster(home, port, webPort, master);
        try {
            for (int w = 0; w < workers; w++) {
                cluster.startWorker();
            }
            cluster.awaitAliveWorkers(workers);
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** @return spark://127.0.0.1:port */
    String url() {
        return "spark://127.0.0.1:" + port;
    }

    /** The application settings executors on this machine need: this JVM's class path. */
    static String executorClassPath() {
        return System.getProperty("java.class.path");
    }

    void startWorker() throws IOException {
        int n = workers.size();
        Path work = Files.createDirectories(home.resolve("work-" + n));
        workers.add(java(home, "worker-" + n, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--cores", "1", "--memory", "1g", "--webui-port", "0", "--work-dir", work.toString(), url()));
    }

    /**
     * Kills a worker and the executors it started with SIGKILL, as when its machine is lost.
     *
     * @param n the worker's index
     */
    void killWorker(int n) throws InterruptedException {
        Process worker = workers.get(n);
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
        worker.waitFor(10, TimeUnit.SECONDS);
    }

    /** @return the number of workers the master counts as alive */
    int aliveWorkers() throws IOException {
        String json;
        try (InputStream in = URI.create("http://127.0.0.1:" + webPort + "/json/").toURL().openStream()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    void awaitAliveWorkers(int count) throws InterruptedException, IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (true) {
            try {
                if (aliveWorkers() >= count) {
                    return;
                }
            } catch (IOException notYetListening) {
                if (System.currentTimeMillis() > deadline) {
                    throw notYetListening;
                }
            }
            if (!master.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IOException("the test cluster did not start " + count + " workers within "
                        + START_TIMEOUT_MILLIS / 1000 + " s; see the logs in " + home);
            }
            Thread.sleep(200);
        }
    }

    private static Process java(Path home, String name, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(List.of(System.getProperty("fieldscore.spark.java.options").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        List<Process> all = new ArrayList<>(workers);
        all.add(master);
        for (Process p : all) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : all) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @return the log folder, for failure messages */
    @Override
    public String toString() {
        return "cluster " + url() + " (logs in " + home + File.separator + ")";
    }
}
