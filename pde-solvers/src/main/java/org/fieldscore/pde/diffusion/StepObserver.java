package org.fieldscore.pde.diffusion;

/**
 * Called after the initial state (step 0) and after every time step, on the computing thread. Use it for snapshots,
 * conservation checks and outputs; the state it receives is valid only during the call.
 */
@FunctionalInterface
public interface StepObserver {

    /** Ignores every step. */
    StepObserver NONE = state -> { };

    /** @param state the current state */
    void onStep(StepState state);
}
