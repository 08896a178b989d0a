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

    /**
     * Several steps of an always-accepting (unadjusted) transition in one call, for runs that store nothing between
     * them; each step's state is checked against the divergence ball as the runner would.
     */
    interface Multistep extends Transition {

        /**
         * @param first the number of the first step within the chain
         * @param count the steps to take
         * @param x the state, advanced in place
         * @param random the chain's stream
         * @param limit the squared divergence radius
         * @return the steps taken before one left the ball (then x is that step's state), or count
         */
        long advanceSteps(long first, long count, double[] x, SplittableRandom random, double limit);
    }

    /**
     * One step of an always-accepting transition for a block of chains in lockstep, so that a model can evaluate the
     * block's scores at once ({@link org.fieldscore.score.model.ScoreModel#scores}). Row r of the block is one chain
     * and draws only from its own stream, so each chain's path is the one it would have alone. An instance holds
     * scratch arrays and serves one thread.
     */
    interface Block {

        /**
         * @param step the step number within the chains, from 0
         * @param xs the states, rows × d row-major, advanced in place
         * @param rows the chains in the block
         * @param randoms the chains' streams, row by row
         */
        void advance(long step, double[] xs, int rows, SplittableRandom[] randoms);
    }
}
