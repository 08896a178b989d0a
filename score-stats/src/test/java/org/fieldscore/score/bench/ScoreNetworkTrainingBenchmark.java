package org.fieldscore.score.bench;

import java.util.concurrent.TimeUnit;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.model.MultivariateNormalModel;
import org.fieldscore.score.neural.MlpScoreNetwork;
import org.fieldscore.score.neural.ScoreNetworkTrainer;
import org.fieldscore.score.neural.TrainingSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The NCSN toy setting: a 2-128-128-2 softplus score network trained by variance-reduced sliced score matching,
 * batch 128, 10⁴ Adam steps, on 10⁴ draws of the essay's 2-D MVN. Wall time of one full training run (target:
 * under 30 s on 2 cores).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, batchSize = 1)
@Measurement(iterations = 2, batchSize = 1)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class ScoreNetworkTrainingBenchmark {

    private double[] data;

    /** Draws the training data. */
    @Setup
    public void setUp() {
        data = MultivariateNormalModel.ofCovariance(new double[2], new double[][] {{1, 0.5}, {0.5, 1}})
                .draw(10_000, 1);
    }

    /** @return the training result */
    @Benchmark
    public ScoreNetworkTrainer.Result slicedVarianceReduced() {
        return ScoreNetworkTrainer.train(MlpScoreNetwork.create(2, new int[] {128, 128}, 1), data,
                TrainingSettings.sliced(true, 10_000, 128, 1e-3, 2), ProgressListener.NONE);
    }
}
