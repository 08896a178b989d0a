package org.fieldscore.score.sde;

import org.fieldscore.score.model.ScoreModel;

/**
 * The score of a rescaled density, y ↦ c·s(c·y), with divergence c²·(∇·s)(c·y): the score of q(y) ∝ p(c·y) when s is
 * p's. The marginal scores of a linear SDE are blurred scores seen through such a scaling (c = 1/m, and back with
 * c = m). Thread-safe.
 */
final class ScaledScore implements ScoreModel {

    private final ScoreModel score;
    private final double c;
    private final ThreadLocal<double[]> scaled;

    ScaledScore(ScoreModel score, double c) {
        this.score = score;
        this.c = c;
        int d = score.dimension();
        this.scaled = ThreadLocal.withInitial(() -> new double[d]);
    }

    /** @return c·y in the thread's buffer */
    private double[] scale(double[] y) {
        double[] x = scaled.get();
        for (int i = 0; i < x.length; i++) {
            x[i] = c * y[i];
        }
        return x;
    }

    @Override
    public int dimension() {
        return score.dimension();
    }

    @Override
    public void score(double[] y, double[] out) {
        score.score(scale(y), out);
        for (int i = 0; i < out.length; i++) {
            out[i] *= c;
        }
    }

    @Override
    public double scoreDivergence(double[] y) {
        return c * c * score.scoreDivergence(scale(y));
    }
}
