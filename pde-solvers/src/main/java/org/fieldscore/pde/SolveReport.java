package org.fieldscore.pde;

/**
 * What a solver did on one linear system (A − σ)u = b. Immutable.
 *
 * @param solver the solver's name
 * @param iterations iterations (cycles) performed; 1 for direct and spectral solvers
 * @param rhsNorm ‖b‖₂
 * @param residualHistory ‖b − (A − σ)u‖₂ before the first and after every iteration
 * @param converged whether the stopping criterion was met
 * @param threshold the residual norm that counted as converged
 */
public record SolveReport(String solver, int iterations, double rhsNorm, double[] residualHistory, boolean converged,
                          double threshold) {

    /** Copies the history. */
    public SolveReport {
        residualHistory = residualHistory.clone();
    }

    @Override
    public double[] residualHistory() {
        return residualHistory.clone();
    }

    /** @return the last residual norm */
    public double finalResidual() {
        return residualHistory[residualHistory.length - 1];
    }

    /** @return the last residual relative to ‖b‖ (the residual itself when b = 0) */
    public double relativeResidual() {
        return rhsNorm > 0 ? finalResidual() / rhsNorm : finalResidual();
    }

    /**
     * @throws NotConvergedException when the criterion was not met
     */
    public void requireConverged() {
        if (!converged) {
            throw new NotConvergedException(solver, iterations, finalResidual(), relativeResidual(), threshold);
        }
    }
}
