package org.fieldscore.pde.internal.solve;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.pde.SolveReport;
import org.fieldscore.pde.Stopping;

/**
 * A Poisson solver set up for one operator (multigrid hierarchy, factorisation or transform plans done once), so
 * that time steppers can solve many systems with it. Not thread-safe: it owns work arrays.
 */
public interface PreparedSolve {

    /**
     * Solves (A − σ)u = b. For a singular operator b must be admissible (Σ W b = 0); the solution is then returned
     * with zero weighted mean.
     *
     * @param b padded right-hand side (not modified)
     * @param u padded initial guess on entry, solution on exit
     * @param stopping when to stop (ignored by direct solvers, which do one exact solve)
     * @return the report
     */
    SolveReport solve(double[] b, double[] u, Stopping stopping);

    /**
     * Solves (A − σ)u = b and reports progress: iterative solvers report every iteration (with the relative
     * residual), direct ones the single solve.
     *
     * @param b padded right-hand side (not modified)
     * @param u padded initial guess on entry, solution on exit
     * @param stopping when to stop
     * @param listener receives the progress
     * @return the report
     */
    default SolveReport solve(double[] b, double[] u, Stopping stopping, ProgressListener listener) {
        listener.started("direct Poisson solve", 1);
        try {
            SolveReport report = solve(b, u, stopping);
            listener.advanced(1, "");
            return report;
        } finally {
            listener.finished();
        }
    }
}
