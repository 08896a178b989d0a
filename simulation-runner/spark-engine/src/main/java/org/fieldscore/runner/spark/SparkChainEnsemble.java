package org.fieldscore.runner.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.fieldscore.runner.exec.ChainSlices;
import org.fieldscore.runner.input.InvalidScenarioException;
import org.fieldscore.runner.scenario.ScenarioCase;
import org.fieldscore.runner.step.ChainEnsemble;
import org.fieldscore.runner.step.ChainStep;
import org.fieldscore.runner.step.StepFailedException;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.EnsembleStatistics;

/**
 * The chains of a Langevin step as the partitions of a Spark job: partition k of K runs chains
 * ⌊k·n/K⌋ … ⌊(k + 1)·n/K⌋ − 1 of the n chains ({@link ChainSlices}: the steps the chain step depends on run once
 * per executor JVM), chain g drawing from the stream (seed, g); the driver collects the slices in
 * order and concatenates them, so samples and every metric equal a local run. K is twice Spark's default
 * parallelism (at most n). Every sample travels back to the driver: a step keeps at most 50 000 000 points. A step
 * with {@code keep: statistics} sends back only each slice's statistics; its slices hold whole blocks of chains
 * ({@link EnsembleStatistics#sliceStarts}), so the merged statistics are those of a local run to the last bit.
 */
final class SparkChainEnsemble implements ChainEnsemble {

    private final JavaSparkContext spark;
    private final ScenarioCase scenario;
    private final Integer threads;

    SparkChainEnsemble(JavaSparkContext spark, ScenarioCase scenario, Integer threads) {
        this.spark = spark;
        this.scenario = scenario;
        this.threads = threads;
    }

    @Override
    public ChainSamples run(ChainStep step) {
        int n = step.ensembleSize();
        int partitions = Math.min(n, 2 * spark.defaultParallelism());
        int[] starts = new int[partitions + 1];
        for (int k = 0; k <= partitions; k++) {
            starts[k] = (int) ((long) k * n / partitions);
        }
        return ChainSamples.concatenate(slices(step, starts, false));
    }

    @Override
    public EnsembleStatistics statistics(ChainStep step, int dimension) {
        int[] starts = EnsembleStatistics.sliceStarts(step.ensembleSize(), step.kept().chainDraws(), dimension,
                2 * spark.defaultParallelism());
        EnsembleStatistics all = null;
        for (EnsembleStatistics s : this.<EnsembleStatistics>slices(step, starts, true)) {
            all = all == null ? s : all.followedBy(s);
        }
        return all;
    }

    /** Runs slice k (chains starts[k] … starts[k + 1] − 1) as partition k; returns the slices' values in order. */
    @SuppressWarnings("unchecked")
    private <T> List<T> slices(ChainStep step, int[] starts, boolean statistics) {
        ScenarioCase source = scenario;
        String id = step.id();
        int partitions = starts.length - 1;
        Integer taskThreads = threads;
        Function<Integer, Slice> slice = k -> ExecutorThreads.run(taskThreads, () -> Slice.run(source, id, starts[k],
                starts[k + 1], statistics));
        List<Slice> slices = spark.parallelize(IntStream.range(0, partitions).boxed().toList(), partitions).map(slice)
                .collect();
        List<T> values = new ArrayList<>();
        for (Slice s : slices) {
            if (s.failure() != null) {
                throw new IllegalArgumentException(s.failure());
            }
            values.add((T) s.value());
        }
        return values;
    }

    /**
     * One partition's chains (their samples or statistics), or why they failed (a value, so a failing computation is
     * not retried).
     *
     * @param value the slice's samples or statistics, or null
     * @param failure the failure's message, or null
     */
    record Slice(Serializable value, String failure) implements Serializable {

        static Slice run(ScenarioCase scenario, String stepId, int from, int to, boolean statistics) {
            try {
                return new Slice(statistics ? ChainSlices.statistics(scenario, stepId, from, to)
                        : ChainSlices.samples(scenario, stepId, from, to), null);
            } catch (InvalidScenarioException | StepFailedException | IllegalArgumentException | ArithmeticException e) {
                return new Slice(null, e.getMessage());
            }
        }
    }
}
