package org.fieldscore.score.sample;

import java.util.Objects;
import java.util.SplittableRandom;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.model.ScoreModel;
import org.fieldscore.score.sde.ScoreSde;
import org.fieldscore.score.sde.TimeConditionalScore;

/**
 * Samples by the reverse-time SDE dx = [f(x, t) − g(t)²s(x, t)] dt + g(t) dW̄ from t = 1 to ε (Anderson 1982; Song et
 * al., ICLR 2021, eq. 6), integrated by Euler–Maruyama on N equal steps Δt = (1 − ε)/N:
 * <pre>
 *   x ← x − [f(x, tᵢ) − g(tᵢ)²s(x, tᵢ)]Δt + g(tᵢ)√Δt z,   tᵢ = 1 − iΔt,  i = 0 … N−1,
 * </pre>
 * starting from the prior. The last step adds no noise (it returns its mean, as score_sde's {@code denoise}).
 * Chains run in blocks of {@value #BLOCK_ROWS} in lockstep, their scores evaluated a block at a time
 * ({@link ScoreModel#scores}), the blocks in parallel; chain c draws from the stream (seed, c) only, so results do not
 * depend on the thread count or the blocking. Immutable.
 */
public final class ReverseSdeSampler {

    /** Chains advanced in lockstep by one thread, so that a network scores them as one matrix product per layer. */
    static final int BLOCK_ROWS = 64;

    private final ScoreSde sde;
    private final TimeConditionalScore score;
    private final int steps;

    /**
     * @param sde the forward SDE
     * @param score s(x, t)
     * @param steps N ≥ 1
     */
    public ReverseSdeSampler(ScoreSde sde, TimeConditionalScore score, int steps) {
        this.sde = Objects.requireNonNull(sde, "sde");
        this.score = Objects.requireNonNull(score, "score");
        Checks.requirePositive(steps, "steps");
        this.steps = steps;
    }

    /**
     * @param sde the SDE
     * @param steps N
     * @return t<sub>0</sub> … t<sub>N−1</sub>, from 1 down to ε + Δt
     */
    static double[] times(ScoreSde sde, int steps) {
        double dt = (1 - sde.epsilon()) / steps;
        double[] t = new double[steps];
        for (int i = 0; i < steps; i++) {
            t[i] = 1 - i * dt;
        }
        return t;
    }

    /** A prior start for every chain. */
    static ChainStart priorStart(ScoreSde sde) {
        return (c, random, x) -> sde.samplePrior(random, x);
    }

    /**
     * @param chains number of chains
     * @param seed seed
     * @param recordedChains chains whose path is kept
     * @param listener progress, one unit per chain
     * @return one draw per chain (the state at ε)
     */
    public ChainSamples run(int chains, long seed, int recordedChains, ProgressListener listener) {
        double[] t = times(sde, steps);
        double dt = (1 - sde.epsilon()) / steps;
        ScoreModel[] models = new ScoreModel[steps];
        for (int i = 0; i < steps; i++) {
            models[i] = score.at(t[i]);
        }
        int d = score.dimension();
        ChainSettings settings = new ChainSettings(chains, steps - 1, 1, 1, seed, recordedChains,
                ChainSettings.DEFAULT_DIVERGENCE_RADIUS);
        return ChainRunner.runBlocks("reverse SDE (" + sde.name() + "), Euler–Maruyama, " + steps + " steps", d,
                settings, priorStart(sde), () -> new Transition.Block() {
                    private final double[] s = new double[BLOCK_ROWS * d];

                    @Override
                    public void advance(long step, double[] xs, int rows, SplittableRandom[] randoms) {
                        int i = (int) step;
                        double a = sde.driftRate(t[i]);
                        double g = sde.diffusion(t[i]);
                        double noise = i == steps - 1 ? 0 : g * Math.sqrt(dt);
                        models[i].scores(xs, s, rows);
                        for (int k = 0; k < rows * d; k++) {
                            xs[k] -= (a * xs[k] - g * g * s[k]) * dt;
                        }
                        if (noise > 0) {
                            for (int r = 0; r < rows; r++) {
                                SplittableRandom random = randoms[r];
                                for (int k = r * d; k < (r + 1) * d; k++) {
                                    xs[k] += noise * random.nextGaussian();
                                }
                            }
                        }
                    }
                }, BLOCK_ROWS, dt, Double.NaN, listener);
    }
}
