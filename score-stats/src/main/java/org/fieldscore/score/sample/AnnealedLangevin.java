package org.fieldscore.score.sample;

import java.util.Objects;
import java.util.SplittableRandom;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.model.NoiseConditionalScore;
import org.fieldscore.score.model.ScoreModel;

/**
 * Annealed Langevin dynamics (Song &amp; Ermon, Generative modeling by estimating gradients of the data
 * distribution, NeurIPS 2019, Alg. 1). Noise levels follow the geometric schedule
 * σ<sub>i</sub> = σ<sub>max</sub>(σ<sub>min</sub>/σ<sub>max</sub>)<sup>(i−1)/(L−1)</sup>, i = 1 … L; at level i the chain
 * takes T unadjusted steps x ← x + (α<sub>i</sub>/2) s(x, σ<sub>i</sub>) + √α<sub>i</sub> z with
 * α<sub>i</sub> = ε σ<sub>i</sub>²/σ<sub>L</sub>² (our ε is the step at the smallest level, the essay's convention
 * of ε/2 on the drift and √ε on the noise; Song &amp; Ermon's α<sub>i</sub> is our α<sub>i</sub>). Large early
 * noise lets chains cross between modes, so mode weights are respected; the output is each chain's final
 * state. Immutable.
 */
public final class AnnealedLangevin {

    private final NoiseConditionalScore score;
    private final double[] sigmas;
    private final double epsilon;
    private final int stepsPerLevel;
    private final int dimension;

    /**
     * @param score s(x, σ)
     * @param sigmaMax σ₁ (about the largest distance between modes)
     * @param sigmaMin σ<sub>L</sub> (small against the target's scale)
     * @param levels L ≥ 1
     * @param epsilon ε &gt; 0, the step at σ<sub>L</sub>
     * @param stepsPerLevel T ≥ 1
     */
    public AnnealedLangevin(NoiseConditionalScore score, double sigmaMax, double sigmaMin, int levels, double epsilon,
            int stepsPerLevel) {
        this.score = Objects.requireNonNull(score, "score");
        Checks.requirePositive(sigmaMax, "sigmaMax");
        Checks.requirePositive(sigmaMin, "sigmaMin");
        if (sigmaMin > sigmaMax) {
            throw new IllegalArgumentException("sigmaMin = " + sigmaMin + " must not exceed sigmaMax = " + sigmaMax);
        }
        Checks.requirePositive(levels, "levels");
        Checks.requirePositive(epsilon, "step size epsilon");
        Checks.requirePositive(stepsPerLevel, "stepsPerLevel");
        this.sigmas = geometricSchedule(sigmaMax, sigmaMin, levels);
        this.epsilon = epsilon;
        this.stepsPerLevel = stepsPerLevel;
        this.dimension = score.atNoise(sigmas[0]).dimension();
    }

    /**
     * @param max σ₁
     * @param min σ<sub>L</sub>
     * @param levels L
     * @return the geometric sequence from max down to min
     */
    public static double[] geometricSchedule(double max, double min, int levels) {
        double[] s = new double[levels];
        for (int i = 0; i < levels; i++) {
            s[i] = levels == 1 ? min : max * Math.pow(min / max, i / (double) (levels - 1));
        }
        return s;
    }

    /** @return the noise levels σ₁ &gt; … &gt; σ<sub>L</sub> */
    public double[] sigmas() {
        return sigmas.clone();
    }

    /**
     * @param chains number of chains
     * @param seed seed
     * @param recordedChains chains whose full path is kept
     * @param start starting points
     * @param listener progress
     * @return one draw per chain: the final state after L·T steps
     */
    public ChainSamples run(int chains, long seed, int recordedChains, ChainStart start, ProgressListener listener) {
        return run(chains, 0, seed, recordedChains, start, listener);
    }

    /**
     * Runs a slice of an ensemble: chains firstChain … firstChain + chains − 1, each with the stream and start it
     * has in the whole ensemble (see {@link UnadjustedLangevin#run(ChainSettings, long, ChainStart,
     * ProgressListener)}).
     *
     * @param chains the slice's number of chains
     * @param firstChain the ensemble index of its first chain, ≥ 0
     * @param seed the ensemble's seed
     * @param recordedChains chains of the slice whose full path is kept
     * @param start starting points
     * @param listener progress
     * @return one draw per chain of the slice
     */
    public ChainSamples run(int chains, long firstChain, long seed, int recordedChains, ChainStart start,
            ProgressListener listener) {
        int levels = sigmas.length;
        ScoreModel[] perLevel = new ScoreModel[levels];
        double[] alpha = new double[levels];
        double last = sigmas[levels - 1];
        for (int l = 0; l < levels; l++) {
            perLevel[l] = score.atNoise(sigmas[l]);
            alpha[l] = epsilon * sigmas[l] * sigmas[l] / (last * last);
        }
        long total = (long) levels * stepsPerLevel;
        ChainSettings settings = new ChainSettings(chains, (int) Math.min(Integer.MAX_VALUE, total - 1), 1, 1, seed,
                recordedChains, ChainSettings.DEFAULT_DIVERGENCE_RADIUS);
        int d = dimension;
        return ChainRunner.run("annealed Langevin, " + levels + " levels × " + stepsPerLevel + " steps", d, settings,
                firstChain, start, () -> new Transition() {
                    private final double[] s = new double[d];

                    @Override
                    public void begin(double[] x) {
                    }

                    @Override
                    public boolean advance(long step, double[] x, SplittableRandom random) {
                        int l = (int) (step / stepsPerLevel);
                        double a = alpha[l];
                        double root = Math.sqrt(a);
                        perLevel[l].score(x, s);
                        for (int i = 0; i < d; i++) {
                            x[i] += 0.5 * a * s[i] + root * random.nextGaussian();
                        }
                        return true;
                    }
                }, epsilon, perLevel[levels - 1].langevinStepBound(), listener);
    }
}
