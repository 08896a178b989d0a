package org.fieldscore.runner.spark;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.fieldscore.runner.engine.Engine;
import org.fieldscore.runner.exec.ChainSlices;
import org.fieldscore.runner.engine.EngineException;
import org.fieldscore.runner.scenario.ScenarioCase;
import org.fieldscore.runner.step.ChainEnsemble;
import org.fieldscore.runner.study.CaseResult;
import org.fieldscore.runner.study.StudyCase;

import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * A Spark application for one run. Langevin chains run as partitions ({@link SparkChainEnsemble}). Study cases become the tasks of one job, one partition per case: an executor
 * runs its case with {@link org.fieldscore.runner.study.CaseExecution} and returns the files as bytes, and the
 * driver receives each partition's result once (Spark's result handler), even when a lost executor made it run a
 * task again. A task that throws is retried ({@code spark.task.maxFailures}, 4 by default); a case that fails
 * computing returns its failure and is not retried.
 */
final class SparkEngine implements Engine {

    /**
     * System property with the application's jars (the runner's, not Spark's), comma-separated, set by the
     * {@code fieldscore} launcher; on a cluster it becomes {@code spark.jars} unless that is set (spark-submit's
     * {@code --jars}).
     */
    static final String JARS_PROPERTY = "fieldscore.spark.jars";
    /** How long a standalone cluster may take to give the application its first executor. */
    static final long EXECUTOR_WAIT_MILLIS = 60_000;

    private final JavaSparkContext spark;
    private final SparkMaster master;
    private final Integer threads;

    private SparkEngine(JavaSparkContext spark, SparkMaster master, Integer threads) {
        this.spark = spark;
        this.master = master;
        this.threads = threads;
    }

    /**
     * @param master the checked master
     * @param application the application's name
     * @param threads the threads each task's parallel loops use on its executor, or null for the executor's cores
     * @return the engine with a running Spark context and, on a standalone cluster, at least one executor
     * @throws EngineException when the master cannot be reached or gives no executor
     */
    static SparkEngine open(SparkMaster master, String application, Integer threads) throws EngineException {
        master.requireReachable();
        SparkConf conf = new SparkConf().setAppName("fieldscore " + application);
        if (!master.submitted()) {
            conf.setMaster(master.url());
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        String jars = System.getProperty(JARS_PROPERTY);
        if (jars != null && !master.embedded()) {
            conf.setIfMissing("spark.jars", jars);
        }
        JavaSparkContext spark;
        try {
            spark = new JavaSparkContext(conf);
        } catch (RuntimeException | LinkageError e) {
            throw new EngineException("Spark could not start an application on " + master.url() + ": " + e, false, e);
        }
        SparkEngine engine = new SparkEngine(spark, master, threads);
        if (!master.embedded()) {
            engine.awaitExecutor();
        }
        return engine;
    }

    private void awaitExecutor() throws EngineException {
        long deadline = System.currentTimeMillis() + EXECUTOR_WAIT_MILLIS;
        while (true) {
            boolean stopped = spark.sc().isStopped();
            if (!stopped && executors() > 0) {
                return;
            }
            if (stopped || System.currentTimeMillis() > deadline) {
                close();
                throw new EngineException("the Spark master " + master.url() + (stopped
                        ? " removed the application: its executors could not start (the workers' logs say why)"
                        : " gave the application no executor within " + EXECUTOR_WAIT_MILLIS / 1000 + " s: check"
                                + " that workers are registered with free cores and memory (the master's web page"
                                + " lists them)"), false, null);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new EngineException("interrupted while waiting for Spark executors", false, e);
            }
        }
    }

    /** @return the executors registered so far, or 0 once the context stopped */
    private int executors() {
        try {
            return spark.sc().getExecutorMemoryStatus().size() - 1;
        } catch (IllegalStateException stopped) {
            return 0;
        }
    }

    @Override
    public String description() {
        SparkContext sc = spark.sc();
        int cores = sc.defaultParallelism();
        return "Spark " + sc.version() + " on " + sc.master() + " (" + cores + (cores == 1 ? " core)" : " cores)");
    }

    @Override
    public void run(List<StudyCase> cases, ResultSink results) throws IOException {
        if (cases.isEmpty()) {
            return;
        }
        JavaRDD<StudyCase> rdd = spark.parallelize(cases, cases.size());
        BlockingQueue<Delivery> queue = new LinkedBlockingQueue<>();
        ClassTag<CaseResult> tag = ClassTag$.MODULE$.apply(CaseResult.class);
        Thread job = new Thread(() -> {
            try {
                spark.sc().runJob(rdd.rdd(), new CaseTask(threads), new ResultQueue(queue), tag);
                queue.add(Delivery.END);
            } catch (RuntimeException | Error e) {
                queue.add(new Delivery(-1, null, e));
            }
        }, "fieldscore-spark-job");
        job.setDaemon(true);
        job.start();
        int received = 0;
        try {
            while (true) {
                Delivery d = queue.take();
                if (d == Delivery.END) {
                    break;
                }
                if (d.failure() != null) {
                    throw new IOException("the Spark job stopped: " + rootMessage(d.failure()), d.failure());
                }
                StudyCase c = cases.get(d.index());
                if (!c.id().equals(d.result().id())) {
                    throw new IOException("partition " + d.index() + " returned case " + d.result().id()
                            + " instead of " + c.id());
                }
                results.accept(d.index(), d.result());
                received++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the Spark job ran", e);
        } finally {
            if (received < cases.size()) {
                spark.sc().cancelAllJobs();
            }
        }
    }

    private static String rootMessage(Throwable t) {
        String message = t.getMessage();
        return message == null ? t.toString() : message.lines().findFirst().orElse(message);
    }

    @Override
    public ChainEnsemble ensembleFor(ScenarioCase scenario) {
        return new SparkChainEnsemble(spark, scenario, threads);
    }

    @Override
    public void close() {
        spark.stop();
        ChainSlices.forget();
    }

    /** A result or a failure on its way from the job's thread to the caller's. */
    record Delivery(int index, CaseResult result, Throwable failure) {
        static final Delivery END = new Delivery(-1, null, null);
    }
}
