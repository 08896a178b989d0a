package org.fieldscore.score.bench;

import java.util.concurrent.TimeUnit;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.model.GaussianMixtureModel;
import org.fieldscore.score.neural.DiffusionTraining;
import org.fieldscore.score.neural.TimeConditionalScoreNetwork;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.ReverseSdeSampler;
import org.fieldscore.score.sde.ScoreSde;
import org.fieldscore.score.sde.VariancePreservingSde;
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
 * Training and sampling of a score-based diffusion model, the same work as the PyTorch peer
 * {@code peers/torch_diffusion.py}: a time-conditional 2+9-128-128-2 softplus network for the VP SDE (β 0.1 → 20,
 * ε = 1e-3), denoising score matching with λ = s², batch 128, Adam (α = 1e-3), 2000 steps on 10⁴ draws of
 * 0.8·N((5,5), I) + 0.2·N((−5,−5), I), float64; then the reverse-time SDE by Euler–Maruyama, 1000 steps × 1280
 * chains (1.28·10⁶ network evaluations). Wall time of each (targets: training in at most half PyTorch's time,
 * sampling at least twice its evaluation rate).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, batchSize = 1)
@Measurement(iterations = 2, batchSize = 1)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class DiffusionBenchmark {

    private static final ScoreSde VP = new VariancePreservingSde(0.1, 20, 1e-3);

    private double[] data;
    private TimeConditionalScoreNetwork trained;

    /** Draws the data and trains the network sampled by {@link #reverseSde}. */
    @Setup
    public void setUp() {
        data = new GaussianMixtureModel(new double[] {0.8, 0.2}, new double[][] {{5, 5}, {-5, -5}},
                new double[][][] {{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}}).draw(10_000, 1);
        trained = train().average();
    }

    /** @return 2000 Adam steps of denoising score matching over t */
    @Benchmark
    public DiffusionTraining.Result train() {
        return DiffusionTraining.train(TimeConditionalScoreNetwork.create(VP, 2, 4, new int[] {128, 128}, 1), data,
                new DiffusionTraining.Settings(DiffusionTraining.Weighting.SIGMA_SQUARED, 2000, 128, 1e-3, 0.999, 2),
                ProgressListener.NONE);
    }

    /** @return 1280 reverse-SDE chains of 1000 steps */
    @Benchmark
    public ChainSamples reverseSde() {
        return new ReverseSdeSampler(VP, trained, 1000).run(1280, 3, 0, ProgressListener.NONE);
    }
}
