package org.fieldscore.pde.wave;

import org.fieldscore.fields.SampledScalarField;

/**
 * The end state of a wave run. Immutable.
 *
 * @param solution φ(T) on the grid
 * @param time T
 * @param steps number of leapfrog steps
 * @param energyHistory the discrete energy after every step (empty unless monitoring was on)
 */
public record WaveResult(SampledScalarField solution, double time, int steps, double[] energyHistory) {

    /** Copies the history. */
    public WaveResult {
        energyHistory = energyHistory.clone();
    }

    @Override
    public double[] energyHistory() {
        return energyHistory.clone();
    }
}
