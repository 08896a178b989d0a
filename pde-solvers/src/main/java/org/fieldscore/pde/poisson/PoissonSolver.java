package org.fieldscore.pde.poisson;

import org.fieldscore.fields.progress.ProgressListener;

/**
 * A solver for (∇²<sub>h</sub> − σ)u = b on the unknowns of an {@link EllipticOperator}. Implementations are
 * immutable and thread-safe; {@link #prepare} does the set-up (multigrid hierarchy, factorisation, transform plans)
 * once so that time steppers can solve many systems with one operator.
 *
 * <p>Choose one by name with {@link PoissonSolvers#byName(String)}.
 */
public interface PoissonSolver {

    /** @return the name under which {@link PoissonSolvers#byName} finds this solver */
    String name();

    /**
     * @param operator the operator to invert
     * @return a prepared solver for that operator
     * @throws IllegalArgumentException when this solver cannot handle the operator (for example a spectral solver
     *     with Robin faces, or a direct solver on a grid too large to factorise)
     */
    Prepared prepare(EllipticOperator operator);

    /**
     * Solves a Poisson problem with {@link Stopping#DEFAULT}.
     *
     * @param problem the problem
     * @return the result; check {@link PoissonResult#converged()}
     */
    default PoissonResult solve(PoissonProblem problem) {
        return solve(problem, Stopping.DEFAULT);
    }

    /**
     * @param problem the problem
     * @param stopping when to stop
     * @return the result; {@link PoissonResult#solution()} throws when the solver did not converge
     */
    default PoissonResult solve(PoissonProblem problem, Stopping stopping) {
        return problem.solveWith(this, stopping, ProgressListener.NONE);
    }

    /**
     * @param problem the problem
     * @param stopping when to stop
     * @param listener receives one report per iteration (iterative solvers) or per solve (direct solvers)
     * @return the result; {@link PoissonResult#solution()} throws when the solver did not converge
     */
    default PoissonResult solve(PoissonProblem problem, Stopping stopping, ProgressListener listener) {
        return problem.solveWith(this, stopping, listener);
    }

    /** A solver set up for one operator. Not thread-safe: it owns work arrays. */
    interface Prepared {

        /**
         * Solves (A − σ)u = b. For a singular operator b must be admissible (Σ W b = 0, see
         * {@link EllipticOperator}); the solution is then returned with zero weighted mean.
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
}
