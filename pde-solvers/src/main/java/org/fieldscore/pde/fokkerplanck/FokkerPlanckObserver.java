package org.fieldscore.pde.fokkerplanck;

/**
 * Called after the initial state (step 0) and after every time step, on the computing thread; the state is valid
 * only during the call.
 */
@FunctionalInterface
public interface FokkerPlanckObserver {

    /** Ignores every step. */
    FokkerPlanckObserver NONE = state -> { };

    /** @param state the current state */
    void onStep(FokkerPlanckState state);
}
