package org.fieldscore.pde.fokkerplanck;

import org.fieldscore.fields.SampledScalarField;

/**
 * The end of a Fokker–Planck run.
 *
 * @param density p(T) on the grid
 * @param time T
 * @param steps time steps taken
 * @param initialMass Σ p(0) ΔV
 * @param finalMass Σ p(T) ΔV
 * @param minimum the smallest value of p met over the run (negative values mean the scheme lost positivity)
 * @param linearIterations Krylov iterations over all implicit steps
 */
public record FokkerPlanckResult(SampledScalarField density, double time, int steps, double initialMass,
        double finalMass, double minimum, long linearIterations) {
}
