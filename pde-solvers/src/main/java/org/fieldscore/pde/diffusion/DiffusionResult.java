package org.fieldscore.pde.diffusion;

import org.fieldscore.fields.SampledScalarField;

/**
 * The end state of a diffusion run. Immutable.
 *
 * @param solution φ(T) on the grid (Dirichlet boundary points carry g(T, x))
 * @param time T
 * @param steps number of time steps (observer calls after the initial one)
 * @param subStepsPerStep explicit sub-steps per step (1 without sub-cycling)
 * @param linearIterations total iterations of the implicit methods' linear solves
 */
public record DiffusionResult(SampledScalarField solution, double time, int steps, int subStepsPerStep,
                              long linearIterations) {
}
