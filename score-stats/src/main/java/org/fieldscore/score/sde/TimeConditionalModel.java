package org.fieldscore.score.sde;

import java.util.Objects;

import org.fieldscore.score.model.NoiseConditionalScore;
import org.fieldscore.score.model.ScoreModel;

/**
 * A time-conditional score seen as one model, like a trained noise-conditional network: as a {@link ScoreModel} it is
 * s(x, ε), the score at the smallest time (close to the data score for small ε), and as a
 * {@link NoiseConditionalScore} it gives the blurred scores of p<sub>0</sub> at every noise level the SDE covers
 * ({@link ScoreSde#blurred}), for annealed Langevin dynamics and for the samplers of any SDE. Immutable.
 *
 * @param sde the SDE the score belongs to
 * @param score s(x, t)
 */
public record TimeConditionalModel(ScoreSde sde, TimeConditionalScore score) implements ScoreModel,
        NoiseConditionalScore {

    /** Checks the arguments. */
    public TimeConditionalModel {
        Objects.requireNonNull(sde, "sde");
        Objects.requireNonNull(score, "score");
    }

    @Override
    public int dimension() {
        return score.dimension();
    }

    @Override
    public void score(double[] x, double[] out) {
        score.at(sde.epsilon()).score(x, out);
    }

    @Override
    public double scoreDivergence(double[] x) {
        return score.at(sde.epsilon()).scoreDivergence(x);
    }

    @Override
    public ScoreModel atNoise(double sigma) {
        return sde.blurred(score).atNoise(sigma);
    }
}
