package org.fieldscore.score.model;

/**
 * A family of scores s(x, σ) of the target perturbed by Gaussian noise, p<sub>σ</sub> = p ∗ N(0, σ²I) (the law of
 * x + σz), as used by annealed Langevin dynamics (Song &amp; Ermon, NeurIPS 2019).
 */
@FunctionalInterface
public interface NoiseConditionalScore {

    /**
     * @param sigma the noise level σ &gt; 0
     * @return the score of p<sub>σ</sub>
     */
    ScoreModel atNoise(double sigma);
}
