package org.fieldscore.pde;

import org.fieldscore.fields.InvalidArgumentException;

/**
 * Whether an explicit solver (FTCS diffusion, leapfrog wave) advances several time steps per pass over memory.
 * Many explicit steps of one stencil are bounded by streaming the arrays through memory once per step; temporal
 * blocking advances T steps in one pass over cache-sized groups of planes (a wavefront along the slowest axis,
 * Wellein et al. 2009, "Efficient temporal blocking for stencil computations by multicore-aware wavefront
 * parallelization", in split tiles run in parallel), so the arrays stream once per T steps. Every
 * cell is computed from the same values in the same order as in a step-by-step sweep, so the results are bit for
 * bit those of the sweep, on any number of threads.
 *
 * <p>A run is blocked only where the step sequence allows it: no step observer (the intermediate states are never
 * all in memory at once; a diffusion observer of chosen steps, {@link
 * org.fieldscore.pde.diffusion.StepObserver#atSteps}, lets the passes run between them), boundary data and sources constant in time, no absorbing faces, a slowest axis that is
 * not periodic (its first and last planes are coupled). Elsewhere the solver sweeps step by step. Immutable.
 */
public final class TemporalBlocking {

    /** Blocks when it pays: on grids whose arrays do not fit the last-level cache, with a pass length chosen to fit. */
    public static final TemporalBlocking AUTO = new TemporalBlocking(0);
    /** Always one sweep per step. */
    public static final TemporalBlocking OFF = new TemporalBlocking(1);

    private final int stepsPerPass;

    private TemporalBlocking(int stepsPerPass) {
        this.stepsPerPass = stepsPerPass;
    }

    /**
     * @param steps the steps of every pass, at least 2, used whenever the run allows blocking at all (also on small
     *     grids, where it does not pay: for tests and measurements)
     * @return that setting
     * @throws InvalidArgumentException when steps &lt; 2
     */
    public static TemporalBlocking stepsPerPass(int steps) {
        if (steps < 2) {
            throw new InvalidArgumentException("steps per pass", steps, "at least 2",
                    "a temporally blocked pass advances at least 2 steps, got " + steps + "; use OFF for none");
        }
        return new TemporalBlocking(steps);
    }

    /** @return whether the solver chooses the pass length */
    public boolean isAuto() {
        return stepsPerPass == 0;
    }

    /**
     * @param profitable the pass length that pays on the run's grid (1 for none)
     * @return the steps per pass to use: the forced length, 1 when off, otherwise the profitable one
     */
    public int resolve(int profitable) {
        return stepsPerPass == 0 ? profitable : stepsPerPass;
    }

    @Override
    public String toString() {
        return stepsPerPass == 0 ? "auto" : stepsPerPass == 1 ? "off" : stepsPerPass + " steps per pass";
    }
}
