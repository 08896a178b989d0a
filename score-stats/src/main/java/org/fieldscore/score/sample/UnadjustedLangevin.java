package org.fieldscore.score.sample;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.model.MultivariateNormalModel;
import org.fieldscore.score.model.ScoreModel;

/**
 * Unadjusted Langevin dynamics exactly as the essay writes it,
 * <pre>
 *   x_t = x_{t−1} + (ε/2) S(x_{t−1}) + √ε z_t,   z_t ~ N(0, I),
 * </pre>
 * the Euler–Maruyama discretisation of dX = ½∇log p dt + dW with time step ε (so ε is both the step in time and
 * the variance of the injected noise). Its stationary law is biased by O(ε): for N(0, σ²) the stationary variance
 * is σ²/(1 − ε/(4σ²)), and the recursion diverges for ε ≥ 4σ²<sub>min</sub>. Use
 * {@link MetropolisAdjustedLangevin} to remove the bias. Any {@link ScoreModel} works, including a fields-core
 * vector field wrapped by {@link ScoreModel#of}. Immutable.
 */
public final class UnadjustedLangevin {

    private final ScoreModel score;
    private final double epsilon;

    /**
     * @param score the score S = ∇log p of the target
     * @param epsilon the step size ε &gt; 0, below the model's {@link ScoreModel#langevinStepBound} when it has one
     * @throws InvalidArgumentException when ε is not positive or not below the model's stability bound
     */
    public UnadjustedLangevin(ScoreModel score, double epsilon) {
        this.score = Objects.requireNonNull(score, "score");
        Checks.requirePositive(epsilon, "step size epsilon");
        requireStable(epsilon, score.langevinStepBound());
        this.epsilon = epsilon;
    }

    /**
     * The stability rule of the update, a pure function of the step and the target's bound: for a Gaussian target
     * with smallest variance σ²<sub>min</sub> the recursion x ↦ (1 − ε/(2σ²))x + √ε z is stable iff ε &lt; 4σ²<sub>min</sub>
     * ({@link ScoreModel#langevinStepBound}).
     *
     * @param epsilon the step size
     * @param bound the target's bound 4σ²<sub>min</sub>, or NaN when unknown (then nothing is checked)
     * @throws InvalidArgumentException (argument {@code step size}) when ε ≥ bound
     */
    public static void requireStable(double epsilon, double bound) {
        if (!Double.isNaN(bound) && !(epsilon < bound)) {
            throw new InvalidArgumentException("step size", epsilon, "< " + bound, "unadjusted Langevin with step size"
                    + " epsilon = " + epsilon + " diverges on this target: it is stable only for epsilon < 4 sigma_min^2 = "
                    + bound + " (sigma_min^2 the target's smallest variance along a principal axis); choose a step"
                    + " below " + bound + ", or MALA");
        }
    }

    /**
     * @param settings chains, burn-in, draws, thinning, seed
     * @param start starting points
     * @param listener progress (one unit per finished chain)
     * @return the kept states
     * @throws SamplerDivergenceException if a chain blows up
     */
    public ChainSamples run(ChainSettings settings, ChainStart start, ProgressListener listener) {
        return run(settings, 0, start, listener);
    }

    /**
     * Runs a slice of an ensemble: chains firstChain … firstChain + settings.chains() − 1, each with the stream and
     * start it has in the whole ensemble, so slices run anywhere and {@linkplain ChainSamples#concatenate
     * concatenated} equal the whole run.
     *
     * @param settings the slice's chain count (recorded chains count from the slice's first), burn-in, draws,
     *     thinning, the ensemble's seed
     * @param firstChain the ensemble index of the slice's first chain, ≥ 0
     * @param start starting points
     * @param listener progress
     * @return the slice's kept states
     */
    public ChainSamples run(ChainSettings settings, long firstChain, ChainStart start, ProgressListener listener) {
        int d = score.dimension();
        double half = 0.5 * epsilon;
        double root = Math.sqrt(epsilon);
        long steps = settings.stepsPerChain();
        Supplier<Transition> transitions = score instanceof MultivariateNormalModel gaussian
                ? () -> new GaussianStep(gaussian, half, root, steps)
                : () -> new Transition() {
                    private final double[] s = new double[d];

                    @Override
                    public void begin(double[] x) {
                    }

                    @Override
                    public boolean advance(long step, double[] x, SplittableRandom random) {
                        score.score(x, s);
                        for (int i = 0; i < d; i++) {
                            x[i] += half * s[i] + root * random.nextGaussian();
                        }
                        return true;
                    }
                };
        return ChainRunner.run("unadjusted Langevin, ε = " + epsilon + ", " + settings.chains() + " chains", d,
                settings, firstChain, start, transitions, epsilon, score.langevinStepBound(), listener);
    }

    /**
     * The update on a Gaussian target N(μ, M⁻¹), S(x) = −M(x − μ), over flat arrays without a call per step, with
     * the chain's scaled noise √ε z drawn ahead in blocks of {@link #NOISE_BLOCK} steps (never past the chain's last
     * step). Every number is the generic update's: the same draws in the same order (step by step, coordinate by
     * coordinate) and the same operations in the same order as {@link MultivariateNormalModel#score}, so the samples
     * are bit-identical to those of the score-call path.
     */
    private static final class GaussianStep implements Transition.Multistep {

        private static final int NOISE_BLOCK = 256;

        private final int d;
        private final double[] mean;
        private final double[] precision;
        private final double[] s;
        private final double half;
        private final double root;
        private final long steps;
        private final double[] noise;
        private int next;
        private int filled;

        GaussianStep(MultivariateNormalModel model, double half, double root, long steps) {
            d = model.dimension();
            mean = model.mean();
            double[][] m = model.precision();
            precision = new double[d * d];
            for (int i = 0; i < d; i++) {
                System.arraycopy(m[i], 0, precision, i * d, d);
            }
            s = new double[d];
            this.half = half;
            this.root = root;
            this.steps = steps;
            noise = new double[(int) Math.min(NOISE_BLOCK, steps) * d];
        }

        @Override
        public void begin(double[] x) {
            next = 0;
            filled = 0;
        }

        @Override
        public long advanceSteps(long first, long count, double[] x, SplittableRandom random, double limit) {
            if (d == 2) {
                return advancePlane(first, count, x, random, limit);
            }
            for (long k = 0; k < count; k++) {
                advance(first + k, x, random);
                double n2 = 0;
                for (int i = 0; i < d; i++) {
                    n2 += x[i] * x[i];
                }
                if (!(n2 <= limit)) {
                    return k;
                }
            }
            return count;
        }

        /** {@link #advanceSteps} in the plane, the state in registers; the same operations in the same order. */
        private long advancePlane(long first, long count, double[] x, SplittableRandom random, double limit) {
            double p00 = precision[0];
            double p01 = precision[1];
            double p10 = precision[2];
            double p11 = precision[3];
            double m0 = mean[0];
            double m1 = mean[1];
            double x0 = x[0];
            double x1 = x[1];
            long k = 0;
            while (k < count) {
                refillIfUsed(first + k, random);
                int o = next;
                int end = (int) Math.min(filled, o + 2 * (count - k));
                for (; o < end; o += 2) {
                    double r0 = 0;
                    r0 += p00 * (x0 - m0);
                    r0 += p01 * (x1 - m1);
                    double r1 = 0;
                    r1 += p10 * (x0 - m0);
                    r1 += p11 * (x1 - m1);
                    x0 += half * -r0 + noise[o];
                    x1 += half * -r1 + noise[o + 1];
                    k++;
                    if (!(x0 * x0 + x1 * x1 <= limit)) {
                        next = o + 2;
                        x[0] = x0;
                        x[1] = x1;
                        return k - 1;
                    }
                }
                next = o;
            }
            x[0] = x0;
            x[1] = x1;
            return count;
        }

        private void refillIfUsed(long step, SplittableRandom random) {
            if (next == filled) {
                filled = (int) Math.min(NOISE_BLOCK, steps - step) * d;
                for (int k = 0; k < filled; k++) {
                    noise[k] = root * random.nextGaussian();
                }
                next = 0;
            }
        }

        @Override
        public boolean advance(long step, double[] x, SplittableRandom random) {
            refillIfUsed(step, random);
            int d = this.d;
            double[] mean = this.mean;
            double[] precision = this.precision;
            double[] s = this.s;
            for (int i = 0; i < d; i++) {
                double row = 0;
                for (int j = 0; j < d; j++) {
                    row += precision[i * d + j] * (x[j] - mean[j]);
                }
                s[i] = -row;
            }
            double[] noise = this.noise;
            int o = next;
            for (int i = 0; i < d; i++) {
                x[i] += half * s[i] + noise[o + i];
            }
            next = o + d;
            return true;
        }
    }
}
