package org.fieldscore.runner.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.fieldscore.runner.exec.ScenarioExecutor;
import org.fieldscore.runner.input.InvalidScenarioException;
import org.fieldscore.runner.scenario.ScenarioCase;
import org.fieldscore.runner.step.ChainEnsemble;
import org.fieldscore.runner.step.ChainStep;
import org.fieldscore.runner.step.StepFailedException;
import org.fieldscore.score.sample.ChainSamples;

/**
 * The chains of a Langevin step as the partitions of a Spark job: partition k of K runs chains
 * ⌊k·n/K⌋ … ⌊(k + 1)·n/K⌋ − 1 of the n chains on a fresh reading of the scenario (the steps the chain step depends
 * on run again on the executor), chain g drawing from the stream (seed, g); the driver collects the slices in
 * order and concatenates them, so samples and every metric equal a local run. K is twice Spark's default
 * parallelism (at most n). Every sample travels back to the driver: a step keeps at most 50 000 000 points.
 */
final class SparkChainEnsemble implements ChainEnsemble {

    private final JavaSparkContext spark;
    private final ScenarioCase scenario;

    SparkChainEnsemble(JavaSparkContext spark, ScenarioCase scenario) {
        this.spark = spark;
        this.scenario = scenario;
    }

    @Override
    public ChainSamples run(ChainStep step) {
        int n = step.ensembleSize();
        int partitions = Math.min(n, 2 * spark.defaultParallelism());
        ScenarioCase source = scenario;
        String id = step.id();
        Function<Integer, Slice> slice = k -> Slice.run(source, id, (int) ((long) k * n / partitions),
                (int) ((long) (k + 1) * n / partitions));
        List<Slice> slices = spark.parallelize(IntStream.range(0, partitions).boxed().toList(), partitions).map(slice)
                .collect();
        List<ChainSamples> samples = new ArrayList<>();
        for (Slice s : slices) {
            if (s.failure() != null) {
                throw new IllegalArgumentException(s.failure());
            }
            samples.add(s.samples());
        }
        return ChainSamples.concatenate(samples);
    }

    /**
     * One partition's chains, or why they failed (a value, so a failing computation is not retried).
     *
     * @param samples the slice's samples, or null
     * @param failure the failure's message, or null
     */
    record Slice(ChainSamples samples, String failure) implements Serializable {

        static Slice run(ScenarioCase scenario, String stepId, int from, int to) {
            try {
                return new Slice(ScenarioExecutor.runChainSlice(scenario.read(), stepId, from, to), null);
            } catch (InvalidScenarioException | StepFailedException | IllegalArgumentException | ArithmeticException e) {
                return new Slice(null, e.getMessage());
            }
        }
    }
}
