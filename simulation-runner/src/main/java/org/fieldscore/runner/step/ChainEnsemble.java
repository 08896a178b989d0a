package org.fieldscore.runner.step;

import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.EnsembleStatistics;

/**
 * Runs the chains of a Langevin step somewhere other than this JVM (e.g. as the partitions of a Spark job). Every
 * slice of chains runs with {@link ChainStep#runChains} on a fresh reading of the same scenario, chain k drawing
 * from the stream (seed, k) wherever it runs, so the concatenated slices (or their merged statistics) equal a local run.
 */
public interface ChainEnsemble {

    /**
     * @param step the step whose chains run
     * @return all its chains in order
     * @throws IllegalArgumentException when a slice failed computing (e.g. a diverged chain), with its message
     */
    ChainSamples run(ChainStep step);

    /**
     * Runs a step that keeps statistics ({@code keep: statistics}): slices of whole blocks of chains run apart and
     * return their statistics, merged here in chain order.
     *
     * @param step the step whose chains run
     * @param dimension the chains' dimension (which sets the blocks, {@link EnsembleStatistics#sliceStarts})
     * @return the statistics of all its chains
     * @throws IllegalArgumentException when a slice failed computing, with its message
     */
    EnsembleStatistics statistics(ChainStep step, int dimension);
}
