package org.fieldscore.pde.poisson;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.pde.Stopping;

/**
 * A solver for the discrete Poisson equation (∇²<sub>h</sub> − σ)u = b of a {@link PoissonProblem} (and of the
 * implicit diffusion steps). Implementations are immutable and thread-safe; the set-up for one grid (multigrid
 * hierarchy, factorisation, transform plans) is done once per problem, or once per run by the time steppers.
 *
 * <p>Choose one by name with {@link PoissonSolvers#byName(String)}.
 */
public sealed interface PoissonSolver
        permits MultigridSolver, ConjugateGradientSolver, SpectralSolver, SparseDirectSolver {

    /** @return the name under which {@link PoissonSolvers#byName} finds this solver */
    String name();

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
}
