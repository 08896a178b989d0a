package org.fieldscore.pde.poisson;

import org.fieldscore.pde.internal.stencil.AxisSpec;
import org.fieldscore.pde.internal.stencil.ShiftedLaplacian;

/**
 * One coarse level of a multigrid hierarchy: the operator re-discretised on coarser axes (same σ, same boundary
 * kinds, homogeneous data, no grid) and the transfers between it and the next finer level, per axis: linear
 * interpolation P, the cubic interpolation of the full-multigrid start, and the restriction (the scaled transpose of
 * P, see {@link AxisTransfer}). Coarsening halves the cells of the axes with the finest spacing, n → ⌈n/2⌉, and
 * keeps the other axes. Immutable.
 */
final class CoarseLevel {

    /** The operator of this level. */
    final ShiftedLaplacian op;
    /** Linear interpolation from this level to the finer one, per axis. */
    final AxisTransfer[] interpolation = new AxisTransfer[3];
    /** Cubic interpolation from this level to the finer one (full-multigrid start), per axis. */
    final AxisTransfer[] cubic = new AxisTransfer[3];
    /** Restriction from the finer level to this one, per axis. */
    final AxisTransfer[] restriction = new AxisTransfer[3];

    private CoarseLevel(ShiftedLaplacian finer, AxisSpec[] coarse) {
        op = finer.onAxes(coarse);
        for (int a = 0; a < 3; a++) {
            AxisSpec fine = finer.axis(a);
            if (coarse[a] == fine) {
                interpolation[a] = AxisTransfer.identity(fine.m);
                restriction[a] = interpolation[a];
                cubic[a] = interpolation[a];
            } else {
                interpolation[a] = AxisTransfer.interpolation(fine, coarse[a]);
                restriction[a] = interpolation[a].restriction(fine, coarse[a]);
                cubic[a] = AxisTransfer.cubic(fine, coarse[a]);
            }
        }
    }

    /**
     * @param finer the operator of the next finer level
     * @return the coarse level below it, or null when no axis can be coarsened
     */
    static CoarseLevel below(ShiftedLaplacian finer) {
        double finest = Double.POSITIVE_INFINITY;
        for (AxisSpec a : finer.axes()) {
            if (a.active() && a.cells >= 4) {
                finest = Math.min(finest, a.h);
            }
        }
        if (finest == Double.POSITIVE_INFINITY) {
            return null;
        }
        AxisSpec[] coarse = finer.axes();
        for (int a = 0; a < 3; a++) {
            AxisSpec spec = coarse[a];
            if (spec.active() && spec.cells >= 4 && spec.h <= 1.5 * finest) {
                coarse[a] = spec.withCells((spec.cells + 1) / 2);
            }
        }
        return new CoarseLevel(finer, coarse);
    }
}
