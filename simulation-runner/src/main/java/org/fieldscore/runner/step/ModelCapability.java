package org.fieldscore.runner.step;

import java.util.EnumSet;
import java.util.Set;

import org.fieldscore.score.model.ExactSampler;
import org.fieldscore.score.model.NoiseConditionalScore;
import org.fieldscore.score.model.ScoreModel;

/**
 * What a model result offers besides its score and log density, known at planning time: the score-stats interfaces
 * a model implements ({@link ExactSampler}, {@link NoiseConditionalScore}).
 */
public enum ModelCapability {

    /** Exact independent draws (normal and mixture models): {@code data.from}, {@code diagnostics.reference}. */
    DRAWS("exact draws (a normal or mixture model step, or an mvn or mixture fit)"),

    /** Scores of the model blurred by Gaussian noise of any σ: {@code annealed-langevin.model}. */
    BLURRED_SCORES("blurred scores (a normal or mixture model step, an mvn or mixture fit, a score-network step"
            + " with 'objective: noise-conditional' or a diffusion-network step; annealed-langevin with a 'grid'"
            + " blurs any model with a log density by the heat equation)");

    private final String needs;

    ModelCapability(String needs) {
        this.needs = needs;
    }

    /**
     * @param model a model
     * @return the capabilities its interfaces provide
     */
    public static Set<ModelCapability> of(ScoreModel model) {
        Set<ModelCapability> offered = EnumSet.noneOf(ModelCapability.class);
        if (model instanceof ExactSampler) {
            offered.add(DRAWS);
        }
        if (model instanceof NoiseConditionalScore) {
            offered.add(BLURRED_SCORES);
        }
        return offered;
    }

    /** @return which steps provide it, for messages */
    public String providers() {
        return needs;
    }
}
