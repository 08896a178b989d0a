/**
 * FieldScore's statistics half: unnormalised models and their scores, Hyvärinen score matching, closed forms,
 * denoising and sliced score matching, a neural score network, Langevin samplers and diagnostics, score-based
 * diffusion models (forward SDEs, reverse-time samplers, probability-flow likelihoods), and the bridge that
 * needs only score types (Boltzmann sampling in a solved potential).
 */
module org.fieldscore.score {
    requires transitive org.fieldscore.fields;
    requires hipparchus.stat;
    requires hipparchus.ode;

    exports org.fieldscore.score.bridge;
    exports org.fieldscore.score.diagnostics;
    exports org.fieldscore.score.estimate;
    exports org.fieldscore.score.model;
    exports org.fieldscore.score.neural;
    exports org.fieldscore.score.sample;
    exports org.fieldscore.score.sde;
}
