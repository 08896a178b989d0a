package org.fieldscore.pde.fokkerplanck;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.internal.krylov.Vectors;

/** A view of the Fokker–Planck stepper's state during a {@link FokkerPlanckObserver} call; not to be kept. */
public final class FokkerPlanckState {

    private final Grid grid;
    private final double[] density;
    private final int step;
    private final double time;

    FokkerPlanckState(Grid grid, double[] density, int step, double time) {
        this.grid = grid;
        this.density = density;
        this.step = step;
        this.time = time;
    }

    /** @return the step number (0 = initial state) */
    public int step() {
        return step;
    }

    /** @return the time */
    public double time() {
        return time;
    }

    /** @return a snapshot of p on the grid (allocates) */
    public SampledScalarField density() {
        return SampledScalarField.of(grid, density);
    }

    /** @return Σ p ΔV, the total probability in the box */
    public double mass() {
        return Vectors.sum(density) * grid.cellVolume();
    }
}
