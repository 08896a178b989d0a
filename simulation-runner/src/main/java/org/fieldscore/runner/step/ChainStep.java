package org.fieldscore.runner.step;

import org.fieldscore.score.sample.ChainSamples;

/** A step that runs an ensemble of independent chains, which can be split into slices of chains run anywhere. */
public interface ChainStep extends Step {

    /** @return the number of chains of the ensemble */
    int ensembleSize();

    /**
     * Runs chains from … to − 1 of the ensemble (each with the stream and start it has in the whole ensemble).
     *
     * @param context the results of the steps this one references
     * @param from first chain, ≥ 0
     * @param to one past the last chain, ≤ {@link #ensembleSize()}
     * @return the slice's samples
     */
    ChainSamples runChains(RunContext context, int from, int to);

    /**
     * @param context the run's context
     * @return every chain, run by the context's ensemble engine when it has one, else here
     */
    default ChainSamples runAllChains(RunContext context) {
        return context.ensemble() != null ? context.ensemble().run(this) : runChains(context, 0, ensembleSize());
    }
}
