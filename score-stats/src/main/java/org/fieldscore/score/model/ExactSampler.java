package org.fieldscore.score.model;

/**
 * A model that can be drawn from exactly: independent draws from its normalised density, not Markov chains (a
 * normal by its Cholesky factor, a mixture by a component then that component's normal). Data for tests and
 * reference samples for two-sample diagnostics come from such models.
 */
public interface ExactSampler {

    /** @return the dimension d of a draw */
    int dimension();

    /**
     * @param n the number of draws, at least 1
     * @param seed the seed; the same seed gives the same draws
     * @return n independent draws, row-major (draw i at [i·d, (i + 1)·d))
     */
    double[] draw(int n, long seed);
}
