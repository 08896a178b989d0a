package org.fieldscore.score.sde;

import java.util.SplittableRandom;

import org.fieldscore.score.estimate.FisherDivergence;
import org.fieldscore.score.internal.Checks;

/**
 * The Fisher divergence of a time-conditional score to the exact one per time, F(t) = ½E<sub>p_t</sub>‖s<sub>θ</sub>(x, t)
 * − ∇ log p<sub>t</sub>(x)‖², by Monte Carlo over x = m(t)x₀ + s(t)z with x₀ exact draws of p<sub>0</sub> and z seeded
 * Gaussian noise (one z per draw and time, from the stream of the seed): the per-t curve that shows at which noise
 * levels a learned score is wrong. Stateless.
 */
public final class FisherDivergenceOverTime {

    private FisherDivergenceOverTime() {
    }

    /**
     * @param sde the SDE
     * @param model the score to judge
     * @param exact the exact score, e.g. {@code sde.score(mixture)} or a grid solve's
     * @param draws exact draws of p<sub>0</sub>, row-major
     * @param times the times, each in [ε, 1]
     * @param seed the seed of the noise
     * @return F(t) and its standard error per time
     */
    public static FisherDivergence.Estimate[] estimate(ScoreSde sde, TimeConditionalScore model,
            TimeConditionalScore exact, double[] draws, double[] times, long seed) {
        int d = model.dimension();
        Checks.requireSamples(draws, d);
        FisherDivergence.Estimate[] out = new FisherDivergence.Estimate[times.length];
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[draws.length];
        for (int k = 0; k < times.length; k++) {
            double t = times[k];
            sde.requireTime(t, "times[" + k + "]");
            double m = sde.meanScale(t);
            double s = sde.marginalStd(t);
            for (int i = 0; i < x.length; i++) {
                x[i] = m * draws[i] + s * random.nextGaussian();
            }
            out[k] = FisherDivergence.monteCarlo(model.at(t), exact.at(t), x);
        }
        return out;
    }
}
