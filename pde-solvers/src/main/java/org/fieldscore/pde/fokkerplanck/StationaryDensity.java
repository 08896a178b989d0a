package org.fieldscore.pde.fokkerplanck;

import org.fieldscore.fields.SampledScalarField;

/**
 * The stationary solution of a Fokker–Planck problem, L p = −s: under no-flux and periodic walls without source the
 * equilibrium normalised to Σ p ΔV = 1, otherwise the balance of the source and the absorbing walls.
 *
 * @param density p on the grid
 * @param iterations Krylov iterations
 * @param relativeResidual ‖L p + s‖₂ relative to the solve's right-hand side
 */
public record StationaryDensity(SampledScalarField density, int iterations, double relativeResidual) {
}
