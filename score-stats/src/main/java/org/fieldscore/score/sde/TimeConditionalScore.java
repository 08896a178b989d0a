package org.fieldscore.score.sde;

import org.fieldscore.score.model.ScoreModel;

/**
 * A time-conditional score s(x, t) ≈ ∇ₓ log p<sub>t</sub>(x) of the marginals of a {@link ScoreSde}, seen at each
 * time as a {@link ScoreModel} (score and exact divergence). Implementations are thread-safe; {@link #at} is cheap
 * enough to call once per ODE right-hand side.
 */
public interface TimeConditionalScore {

    /** @return the dimension d */
    int dimension();

    /**
     * @param t a time in [ε, 1]
     * @return x ↦ s(x, t)
     */
    ScoreModel at(double t);
}
