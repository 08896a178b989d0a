package org.fieldscore.runner.step;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.EnsembleStatistics;

/**
 * A step that runs an ensemble of independent chains, which can be split into slices of chains run anywhere. It
 * keeps either every sample or, with {@code keep: statistics}, only the ensemble's mergeable statistics
 * ({@link KeptStatistics}).
 */
public interface ChainStep extends Step {

    /** @return the number of chains of the ensemble */
    int ensembleSize();

    /**
     * @param context the results of the steps this one references
     * @return the chains' dimension
     */
    int dimension(RunContext context);

    /** @return the mixture whose components define the modes of the mode-fraction metrics, or null */
    Reference modes();

    /** @return what the step keeps of its chains besides their samples: null for the samples themselves */
    KeptStatistics kept();

    /**
     * Prepares the step's sampler once; any block of chains then runs with the stream and start it has in the whole
     * ensemble.
     *
     * @param context the results of the steps this one references
     * @param listener where each block's chains report progress
     * @return the sampler of blocks of chains
     */
    EnsembleStatistics.ChainBlocks sampler(RunContext context, ProgressListener listener);

    /**
     * Runs chains from … to − 1 of the ensemble.
     *
     * @param context the results of the steps this one references
     * @param from first chain, ≥ 0
     * @param to one past the last chain, ≤ {@link #ensembleSize()}
     * @return the slice's samples
     */
    default ChainSamples runChains(RunContext context, int from, int to) {
        return sampler(context, context.progress()).run(from, to - from);
    }

    /**
     * Runs chains from … to − 1 block by block, keeping only their statistics.
     *
     * @param context the results of the steps this one references
     * @param from first chain, on a block boundary ({@link EnsembleStatistics#sliceStarts})
     * @param to one past the last chain
     * @return the slice's statistics
     */
    default EnsembleStatistics summariseChains(RunContext context, int from, int to) {
        return summariseChains(sampler(context, ProgressListener.NONE), context, from, to);
    }

    /**
     * As {@link #summariseChains(RunContext, int, int)} with a sampler prepared before.
     *
     * @param sampler the step's {@link #sampler}
     * @param context the results of the steps this one references
     * @param from first chain, on a block boundary
     * @param to one past the last chain
     * @return the slice's statistics
     */
    default EnsembleStatistics summariseChains(EnsembleStatistics.ChainBlocks sampler, RunContext context, int from,
            int to) {
        return kept().summarise(sampler, context, from, to, dimension(context), modes());
    }

    /**
     * @param context the run's context
     * @return every chain, run by the context's ensemble engine when it has one, else here
     */
    default ChainSamples runAllChains(RunContext context) {
        return context.ensemble() != null ? context.ensemble().run(this) : runChains(context, 0, ensembleSize());
    }

    /**
     * @param context the run's context
     * @return the statistics of every chain, run by the context's ensemble engine when it has one, else here
     */
    default EnsembleStatistics summariseAllChains(RunContext context) {
        return context.ensemble() != null ? context.ensemble().statistics(this, dimension(context))
                : summariseChains(context, 0, ensembleSize());
    }
}
