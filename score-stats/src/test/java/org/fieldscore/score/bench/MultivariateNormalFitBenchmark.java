package org.fieldscore.score.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.fieldscore.score.estimate.MultivariateNormalFit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The closed-form MVN score-matching fit (mean, 1/T covariance, its inverse) of 10⁶ standard-normal samples in
 * 10 dimensions, in input values per second: the setting of {@code fit()} in {@code numpy_peers.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class MultivariateNormalFitBenchmark {

    private static final int T = 1_000_000;
    private static final int D = 10;

    private double[] samples;

    /** Draws the data once. */
    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(2);
        samples = new double[T * D];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = random.nextGaussian();
        }
    }

    /** @return the fit */
    @Benchmark
    @OperationsPerInvocation(T * D)
    public MultivariateNormalFit closedForm() {
        return MultivariateNormalFit.fit(samples, D);
    }
}
