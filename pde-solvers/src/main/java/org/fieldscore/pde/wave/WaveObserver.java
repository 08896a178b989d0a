package org.fieldscore.pde.wave;

/** Called after the initial step and after every leapfrog step, on the computing thread. */
@FunctionalInterface
public interface WaveObserver {

    /** Ignores every step. */
    WaveObserver NONE = state -> { };

    /** @param state the current state, valid only during the call */
    void onStep(WaveStepState state);
}
