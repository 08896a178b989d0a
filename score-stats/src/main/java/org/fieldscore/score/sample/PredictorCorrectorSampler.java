package org.fieldscore.score.sample;

import java.util.Objects;
import java.util.SplittableRandom;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.fields.random.SeededStreams;
import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.model.ScoreModel;
import org.fieldscore.score.sde.ScoreSde;
import org.fieldscore.score.sde.TimeConditionalScore;

/**
 * Predictor–corrector sampling (Song et al., ICLR 2021, Alg. 1–3) on N steps tᵢ = 1 − i(1 − ε)/N. At each tᵢ:
 * <ul>
 *   <li>M Langevin corrector steps with the signal-to-noise rule ε<sub>L</sub> = 2α(r‖z‖/‖s‖)²,
 *       x ← x + ε<sub>L</sub>s(x, tᵢ) + √(2ε<sub>L</sub>) z (r the target SNR; α = rᵢ² = 1 − βᵢ with rᵢ the
 *       one-step mean ratio below, so α = 1 for VE), with ‖z‖ and ‖s‖ averaged over all chains as in score_sde
 *       (per-chain norms in low dimension give huge steps where ‖s‖ nearly vanishes, between modes);</li>
 *   <li>then the reverse-diffusion predictor x ← x − fᵢ(x) + Gᵢ²s(x, tᵢ) + Gᵢz with the exact one-step forward
 *       kernel x(tᵢ) | x(tᵢ₊₁) ~ N(rᵢx, Gᵢ²I), rᵢ = m(tᵢ)/m(tᵢ₊₁), Gᵢ² = s(tᵢ)² − rᵢ²s(tᵢ₊₁)²,
 *       fᵢ(x) = (rᵢ − 1)x (for VE: Gᵢ² = σᵢ² − σᵢ₊₁², NCSN's levels; for VP: Gᵢ² = βᵢ, DDPM's).</li>
 * </ul>
 * The last predictor step adds no noise. The chains therefore advance in lockstep: each step is one parallel pass
 * over the chains, each slice of chains scored as one block ({@link ScoreModel#scores}), and the norms are summed in
 * chain order, chain c drawing from the stream (seed, c), so results do not depend on the thread count. Immutable.
 */
public final class PredictorCorrectorSampler {

    private final ScoreSde sde;
    private final TimeConditionalScore score;
    private final int steps;
    private final int correctorSteps;
    private final double snr;

    /**
     * @param sde the forward SDE
     * @param score s(x, t)
     * @param steps N ≥ 1
     * @param correctorSteps M ≥ 0 (0 leaves the reverse-diffusion predictor alone)
     * @param snr r &gt; 0 (0.16 for VE on CIFAR-10 in the paper)
     */
    public PredictorCorrectorSampler(ScoreSde sde, TimeConditionalScore score, int steps, int correctorSteps,
            double snr) {
        this.sde = Objects.requireNonNull(sde, "sde");
        this.score = Objects.requireNonNull(score, "score");
        Checks.requirePositive(steps, "steps");
        if (correctorSteps < 0) {
            throw InvalidArgumentException.of("corrector-steps", correctorSteps, "≥ 0");
        }
        Checks.requirePositive(snr, "snr");
        this.steps = steps;
        this.correctorSteps = correctorSteps;
        this.snr = snr;
    }

    /**
     * @param chains number of chains
     * @param seed seed
     * @param recordedChains chains whose path is kept (one state per step)
     * @param listener progress, one unit per step
     * @return one draw per chain (the state at ε)
     */
    public ChainSamples run(int chains, long seed, int recordedChains, ProgressListener listener) {
        double[] t = ReverseSdeSampler.times(sde, steps);
        double eps = sde.epsilon();
        ScoreModel[] models = new ScoreModel[steps];
        double[] ratio = new double[steps];
        double[] variance = new double[steps];
        double[] alpha = new double[steps];
        for (int i = 0; i < steps; i++) {
            models[i] = score.at(t[i]);
            double next = i + 1 < steps ? t[i + 1] : eps;
            ratio[i] = sde.meanScale(t[i]) / sde.meanScale(next);
            double si = sde.marginalStd(t[i]);
            double sn = sde.marginalStd(next);
            variance[i] = Math.max(0, si * si - ratio[i] * ratio[i] * sn * sn);
            alpha[i] = ratio[i] * ratio[i];
        }
        int d = score.dimension();
        if ((long) chains * d > Integer.MAX_VALUE - 8) {
            throw new InvalidArgumentException("chains", chains, "at most " + (Integer.MAX_VALUE - 8) / d,
                    chains + " chains of dimension " + d + " exceed one array");
        }
        double[] x = new double[chains * d];
        SplittableRandom[] randoms = new SplittableRandom[chains];
        ChainStart start = ReverseSdeSampler.priorStart(sde);
        double[][] paths = new double[recordedChains][];
        for (int c = 0; c < chains; c++) {
            randoms[c] = SeededStreams.stream(seed, c);
            double[] row = new double[d];
            start.initialize(c, randoms[c], row);
            System.arraycopy(row, 0, x, c * d, d);
            if (c < recordedChains) {
                paths[c] = new double[(steps + 1) * d];
                System.arraycopy(row, 0, paths[c], 0, d);
            }
        }
        double[] s = new double[chains * d];
        double[] z = new double[chains * d];
        double[] scoreNorm = new double[chains];
        double[] noiseNorm = new double[chains];
        listener.started("predictor–corrector (" + sde.name() + "), " + steps + " steps × " + correctorSteps
                + " Langevin corrections, snr " + snr + ", " + chains + " chains", steps);
        try {
            for (int i = 0; i < steps; i++) {
                ScoreModel model = models[i];
                int level = i;
                for (int m = 0; m < correctorSteps; m++) {
                    ParallelLoops.forRange(0, chains, 64, (from, to) -> {
                        scoreRows(model, x, s, from, to, d);
                        for (int c = from; c < to; c++) {
                            double sn = 0;
                            double zn = 0;
                            for (int k = 0; k < d; k++) {
                                double e = randoms[c].nextGaussian();
                                z[c * d + k] = e;
                                double sc = s[c * d + k];
                                sn += sc * sc;
                                zn += e * e;
                            }
                            scoreNorm[c] = Math.sqrt(sn);
                            noiseNorm[c] = Math.sqrt(zn);
                        }
                    });
                    double meanScore = 0;
                    double meanNoise = 0;
                    for (int c = 0; c < chains; c++) {
                        meanScore += scoreNorm[c] / chains;
                        meanNoise += noiseNorm[c] / chains;
                    }
                    if (!(meanScore > 0)) {
                        continue;
                    }
                    double e = 2 * alpha[level] * Math.pow(snr * meanNoise / meanScore, 2);
                    double root = Math.sqrt(2 * e);
                    for (int k = 0; k < x.length; k++) {
                        x[k] += e * s[k] + root * z[k];
                    }
                }
                double g = Math.sqrt(variance[level]);
                boolean noisy = level < steps - 1;
                double r = ratio[level];
                double v = variance[level];
                ParallelLoops.forRange(0, chains, 64, (from, to) -> {
                    scoreRows(model, x, s, from, to, d);
                    for (int c = from; c < to; c++) {
                        for (int k = 0; k < d; k++) {
                            double next = (2 - r) * x[c * d + k] + v * s[c * d + k];
                            if (noisy) {
                                next += g * randoms[c].nextGaussian();
                            }
                            x[c * d + k] = next;
                        }
                        if (c < recordedChains) {
                            System.arraycopy(x, c * d, paths[c], (level + 1) * d, d);
                        }
                    }
                });
                for (int k = 0; k < x.length; k++) {
                    if (!Double.isFinite(x[k])) {
                        throw new SamplerDivergenceException("chain " + k / d + " became non-finite at step " + i
                                + " (t = " + t[i] + ") of predictor–corrector; lower the snr " + snr
                                + " or take more steps than " + steps, (1 - eps) / steps, Double.NaN);
                    }
                }
                listener.advanced(i + 1, "t = " + t[i]);
            }
        } finally {
            listener.finished();
        }
        long[] accepted = new long[chains];
        java.util.Arrays.fill(accepted, steps);
        return new ChainSamples(d, chains, 1, x, accepted, steps, paths);
    }

    /**
     * s[c] = s(x[c]) for the chains from … to − 1, scored as one block ({@link ScoreModel#scores}; equal to one chain
     * at a time bit for bit).
     */
    private static void scoreRows(ScoreModel model, double[] x, double[] s, int from, int to, int d) {
        int rows = to - from;
        double[] xs = java.util.Arrays.copyOfRange(x, from * d, to * d);
        double[] out = new double[rows * d];
        model.scores(xs, out, rows);
        System.arraycopy(out, 0, s, from * d, rows * d);
    }
}
