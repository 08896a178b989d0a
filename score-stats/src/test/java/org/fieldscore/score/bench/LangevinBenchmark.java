package org.fieldscore.score.bench;

import java.util.concurrent.TimeUnit;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.model.MultivariateNormalModel;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.ChainSettings;
import org.fieldscore.score.sample.ChainStart;
import org.fieldscore.score.sample.UnadjustedLangevin;
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
 * Unadjusted Langevin on the essay's 2-D MVN (μ = 0, Σ = [[1, .5], [.5, 1]], ε = 0.01), 10⁵ chains × 100 steps from
 * the origin, in chain-steps per second: the setting of {@code langevin()} in {@code numpy_peers.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class LangevinBenchmark {

    private static final int CHAINS = 100_000;
    private static final int STEPS = 100;

    private UnadjustedLangevin sampler;
    private long seed;

    /** Builds the sampler. */
    @Setup
    public void setUp() {
        MultivariateNormalModel seedModel = MultivariateNormalModel.ofCovariance(new double[2],
                new double[][] {{1, 0.5}, {0.5, 1}});
        sampler = new UnadjustedLangevin(seedModel, 0.01);
    }

    /** @return the final states of all chains */
    @Benchmark
    @OperationsPerInvocation(CHAINS * STEPS)
    public ChainSamples unadjustedLangevin() {
        return sampler.run(new ChainSettings(CHAINS, STEPS - 1, 1, 1, seed++, 0,
                ChainSettings.DEFAULT_DIVERGENCE_RADIUS), ChainStart.at(0, 0), ProgressListener.NONE);
    }
}
