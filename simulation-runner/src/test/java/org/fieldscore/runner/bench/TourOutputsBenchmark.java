package org.fieldscore.runner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.runner.cli.BundledScenarios;
import org.fieldscore.runner.exec.RunOutputWriter;
import org.fieldscore.runner.exec.ScenarioExecutor;
import org.fieldscore.runner.output.OutputDirectory;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.step.StepResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The share of a run's wall time spent writing its outputs, on the bundled tour: {@code compute} runs every step,
 * {@code write} writes the same results (every CSV, PNG, VTK file, report.html and summary.json) into a fresh
 * folder. The writing share is write / (compute + write); the target is at most 25 %. {@code durability} compares
 * the default atomic renames with {@code --durable} (every file forced to the device).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Djava.awt.headless=true"})
public class TourOutputsBenchmark {

    @Param({"ATOMIC", "DURABLE"})
    public OutputDirectory.Durability durability;

    private Scenario scenario;
    private List<StepResult> results;
    private Path folder;

    /** Reads the tour and computes it once, for the writing benchmark. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        scenario = BundledScenarios.caseOf("tour", Map.of(), null).read();
        results = ScenarioExecutor.run(scenario, ProgressListener.NONE);
    }

    /** A fresh, empty output folder per iteration. */
    @Setup(Level.Iteration)
    public void freshFolder() throws IOException {
        folder = Files.createTempDirectory("fieldscore-tour-bench");
    }

    /** Deletes the iteration's folder. */
    @TearDown(Level.Iteration)
    public void deleteFolder() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** @return the tour's step results */
    @Benchmark
    public List<StepResult> compute() throws Exception {
        return ScenarioExecutor.run(scenario, ProgressListener.NONE);
    }

    /** @return the summary written with every output file of the tour */
    @Benchmark
    public Object write() throws Exception {
        return RunOutputWriter.write(scenario, results, OutputDirectory.create(folder, durability), Instant.now());
    }
}
