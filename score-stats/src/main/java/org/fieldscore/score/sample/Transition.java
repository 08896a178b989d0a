package org.fieldscore.score.sample;

import java.util.SplittableRandom;

/**
 * One Markov-chain step, x ↦ x′, in place. An instance holds scratch arrays and serves one thread; chains run one
 * after another on it, each announced by {@link #begin}.
 */
interface Transition {

    /**
     * A new chain starts at x.
     *
     * @param x the start
     */
    void begin(double[] x);

    /**
     * @param step the step number within the chain, from 0
     * @param x the state, advanced in place
     * @param random the chain's stream
     * @return whether a proposal was accepted (always true for unadjusted dynamics)
     */
    boolean advance(long step, double[] x, SplittableRandom random);
}
