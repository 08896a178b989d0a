package org.fieldscore.runner.step;

/** What a model result offers besides its score and log density, known at planning time. */
public enum ModelCapability {

    /** Exact independent draws (normal and mixture models): {@code data.from}, {@code diagnostics.reference}. */
    DRAWS("exact draws (a normal or mixture model step, or an mvn or mixture fit)"),

    /** Scores of the model blurred by Gaussian noise of any σ: {@code annealed-langevin.model}. */
    BLURRED_SCORES("blurred scores (a normal or mixture model step, an mvn or mixture fit, or a score-network step"
            + " with 'objective: noise-conditional')");

    private final String needs;

    ModelCapability(String needs) {
        this.needs = needs;
    }

    /** @return which steps provide it, for messages */
    public String providers() {
        return needs;
    }
}
