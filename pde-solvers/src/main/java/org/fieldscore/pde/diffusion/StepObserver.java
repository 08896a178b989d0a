package org.fieldscore.pde.diffusion;

import java.util.Arrays;
import java.util.Objects;

/**
 * Called after the initial state (step 0) and after every time step, on the computing thread. Use it for snapshots,
 * conservation checks and outputs; the state it receives is valid only during the call. An observer that needs only
 * some states ({@link #atSteps}) says so, and the explicit method then advances the steps between them in temporally
 * blocked passes ({@link org.fieldscore.pde.TemporalBlocking}) as it does without an observer.
 */
@FunctionalInterface
public interface StepObserver {

    /** Ignores every step. */
    StepObserver NONE = atSteps(new int[0], state -> { });

    /** @param state the current state */
    void onStep(StepState state);

    /**
     * @param step a step number ≥ 1
     * @return the first step ≥ {@code step} after which this observer is called ({@code step} itself by default:
     *     every step), or {@link Integer#MAX_VALUE} when no later step is observed
     */
    default int nextObservedStep(int step) {
        return step;
    }

    /**
     * @param steps the steps ≥ 1 after which to call the observer (the initial state, step 0, is always observed)
     * @param observer the observer
     * @return an observer called after those steps only
     */
    static StepObserver atSteps(int[] steps, StepObserver observer) {
        Objects.requireNonNull(observer, "observer");
        int[] sorted = Arrays.stream(steps).filter(s -> s >= 1).sorted().distinct().toArray();
        return new StepObserver() {
            @Override
            public void onStep(StepState state) {
                observer.onStep(state);
            }

            @Override
            public int nextObservedStep(int step) {
                int at = Arrays.binarySearch(sorted, step);
                int next = at >= 0 ? at : -at - 1;
                return next < sorted.length ? sorted[next] : Integer.MAX_VALUE;
            }
        };
    }
}
