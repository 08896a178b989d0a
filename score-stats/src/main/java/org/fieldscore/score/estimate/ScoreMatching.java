package org.fieldscore.score.estimate;

import java.util.SplittableRandom;

import org.fieldscore.score.internal.Checks;

/**
 * Score-matching estimation θ̂ = argmin J̃(θ) of a {@link ParametricFamily} by {@link Lbfgs}, from a starting
 * point and from {@code restarts} further starts θ₀ + s·z (z standard normal, seeded), keeping the lowest J̃.
 * Immutable.
 */
public final class ScoreMatching {

    private final Lbfgs optimizer;
    private final int restarts;
    private final double restartScale;
    private final long seed;

    /**
     * @param optimizer the optimiser
     * @param restarts number of extra random starts (0 for none)
     * @param restartScale standard deviation s of the restart perturbation
     * @param seed seed of the restart perturbations
     */
    public ScoreMatching(Lbfgs optimizer, int restarts, double restartScale, long seed) {
        this.optimizer = java.util.Objects.requireNonNull(optimizer, "optimizer");
        if (restarts < 0) {
            throw new IllegalArgumentException("restarts must be ≥ 0, got " + restarts);
        }
        Checks.requireNonNegative(restartScale, "restartScale");
        this.restarts = restarts;
        this.restartScale = restartScale;
        this.seed = seed;
    }

    /** @return L-BFGS with memory 10, gradient tolerance 1e-9, 500 iterations, no restarts */
    public static ScoreMatching defaults() {
        return new ScoreMatching(new Lbfgs(10, 1e-9, 500), 0, 0, 0);
    }

    /**
     * @param family the model family
     * @param samples T samples, row-major
     * @param start θ₀
     * @return the best of the runs
     */
    public Lbfgs.Result fit(ParametricFamily family, double[] samples, double[] start) {
        HyvarinenObjective objective = new HyvarinenObjective(family, samples);
        Lbfgs.Result best = optimizer.minimize(objective, start);
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < restarts; r++) {
            double[] s = start.clone();
            for (int k = 0; k < s.length; k++) {
                s[k] += restartScale * random.nextGaussian();
            }
            Lbfgs.Result candidate;
            try {
                candidate = optimizer.minimize(objective, s);
            } catch (IllegalArgumentException e) {
                continue; // the perturbed start left the domain where J̃ is finite; try the next one
            }
            if (candidate.value() < best.value()) {
                best = candidate;
            }
        }
        return best;
    }
}
