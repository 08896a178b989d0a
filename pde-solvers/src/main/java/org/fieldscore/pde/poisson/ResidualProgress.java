package org.fieldscore.pde.poisson;

import org.fieldscore.fields.progress.ProgressListener;

/**
 * Progress of an iterative solve counted in the work that is really left: decades of residual reduction. The total
 * is log₁₀(r₀ / threshold) rounded up, and a solve that has reduced its residual by 10<sup>k</sup> has done k units,
 * so a bar's fraction and time estimate follow the convergence, not the iteration cap (which a converging solve
 * never reaches). The count never goes back, also when a residual (of conjugate gradients) rises for a while.
 */
final class ResidualProgress {

    private final ProgressListener listener;
    private final double initial;
    private final long total;
    private long done;

    /**
     * Reports the start of the solve.
     *
     * @param listener receives the reports
     * @param task e.g. "multigrid cycles"
     * @param maxIterations the iteration cap, named in the task
     * @param initialResidual r₀
     * @param threshold the residual at which the solve stops
     */
    ResidualProgress(ProgressListener listener, String task, int maxIterations, double initialResidual,
            double threshold) {
        this.listener = listener;
        this.initial = initialResidual;
        this.total = decades(initialResidual, threshold);
        listener.started(task + ": residual to reduce by 1e" + total + " (at most " + maxIterations + " iterations)",
                total);
    }

    /**
     * @param iterations iterations done
     * @param residual the current residual
     * @param detail e.g. the relative residual
     */
    void advanced(int iterations, double residual, String detail) {
        done = Math.max(done, Math.min(total, decadesDone(initial, residual)));
        listener.advanced(done, "iteration " + iterations + ", " + detail);
    }

    /** @return ⌈log₁₀(from / to)⌉, at least 1 (0 when there is nothing to reduce) */
    static long decades(double from, double to) {
        if (!(from > to) || !(to > 0) || !Double.isFinite(from)) {
            return from > to && Double.isFinite(from) ? 1 : 0;
        }
        return Math.max(1, (long) Math.ceil(Math.log10(from / to) - 1e-12));
    }

    /** @return ⌊log₁₀(from / now)⌋, the whole decades reduced so far */
    static long decadesDone(double from, double now) {
        if (!(now > 0)) {
            return Long.MAX_VALUE;
        }
        return Double.isFinite(now) ? (long) Math.floor(Math.log10(from / now)) : 0;
    }
}
