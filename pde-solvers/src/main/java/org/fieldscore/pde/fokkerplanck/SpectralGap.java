package org.fieldscore.pde.fokkerplanck;

import org.fieldscore.fields.SampledScalarField;

/**
 * The slowest decaying mode of a Fokker–Planck operator: the eigenvalue −λ₁ of L nearest to zero apart from the
 * stationary 0 (under no-flux or periodic walls) with its mode, so that p(t) − p<sub>∞</sub> ~ e<sup>−λ₁t</sup>.
 *
 * @param rate λ₁ &gt; 0
 * @param mode the eigenvector on the grid (normalised to max |v| = 1)
 * @param iterations inverse iterations
 * @param linearIterations Krylov iterations over all of them
 */
public record SpectralGap(double rate, SampledScalarField mode, int iterations, long linearIterations) {

    /** @return 1/λ₁, the relaxation time of the density */
    public double relaxationTime() {
        return 1 / rate;
    }
}
