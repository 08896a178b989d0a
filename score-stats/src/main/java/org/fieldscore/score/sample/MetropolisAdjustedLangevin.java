package org.fieldscore.score.sample;

import java.util.Objects;
import java.util.SplittableRandom;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.model.UnnormalizedModel;

/**
 * The Metropolis-adjusted Langevin algorithm (Roberts &amp; Tweedie, Bernoulli 2, 1996): propose the unadjusted
 * step y = x + (ε/2)S(x) + √ε z and accept it with probability
 * <pre>
 *   min{1, q(y) k(x | y) / (q(x) k(y | x))},   k(y | x) ∝ exp(−‖y − x − (ε/2)S(x)‖² / (2ε)),
 * </pre>
 * which makes the target exactly stationary (only q, never Z, is needed). Same ε convention as
 * {@link UnadjustedLangevin}. Immutable.
 */
public final class MetropolisAdjustedLangevin {

    private final UnnormalizedModel model;
    private final double epsilon;

    /**
     * @param model the target q with its score
     * @param epsilon the step size ε &gt; 0
     */
    public MetropolisAdjustedLangevin(UnnormalizedModel model, double epsilon) {
        this.model = Objects.requireNonNull(model, "model");
        Checks.requirePositive(epsilon, "step size epsilon");
        this.epsilon = epsilon;
    }

    /**
     * @param settings chains, burn-in, draws, thinning, seed
     * @param start starting points
     * @param listener progress
     * @return the kept states with acceptance rates
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
        int d = model.dimension();
        double half = 0.5 * epsilon;
        double root = Math.sqrt(epsilon);
        return ChainRunner.run("MALA, ε = " + epsilon + ", " + settings.chains() + " chains", d, settings, firstChain,
                start, () -> new Transition() {
                    private final double[] sx = new double[d];
                    private final double[] sy = new double[d];
                    private final double[] y = new double[d];
                    private double logQx;

                    @Override
                    public void begin(double[] x) {
                        model.score(x, sx);
                        logQx = model.logDensity(x);
                    }

                    @Override
                    public boolean advance(long step, double[] x, SplittableRandom random) {
                        double forward = 0;
                        for (int i = 0; i < d; i++) {
                            double z = random.nextGaussian();
                            y[i] = x[i] + half * sx[i] + root * z;
                            forward += z * z;
                        }
                        double logQy = model.logDensity(y);
                        model.score(y, sy);
                        double backward = 0;
                        for (int i = 0; i < d; i++) {
                            double r = x[i] - y[i] - half * sy[i];
                            backward += r * r;
                        }
                        double logAlpha = logQy - logQx - backward / (2 * epsilon) + 0.5 * forward;
                        if (logAlpha >= 0 || Math.log(random.nextDouble()) < logAlpha) {
                            System.arraycopy(y, 0, x, 0, d);
                            System.arraycopy(sy, 0, sx, 0, d);
                            logQx = logQy;
                            return true;
                        }
                        return false;
                    }
                }, epsilon, model.langevinStepBound(), listener);
    }
}
