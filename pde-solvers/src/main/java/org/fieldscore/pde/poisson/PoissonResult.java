package org.fieldscore.pde.poisson;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.pde.NotConvergedException;
import org.fieldscore.pde.SolveReport;

/**
 * The outcome of a Poisson solve: the solution on the problem's grid with the solver's report. Immutable.
 *
 * <p>A result whose solver did not converge never passes as a solution: {@link #solution()} throws
 * {@link NotConvergedException}; the iterate is still available for diagnosis through {@link #lastIterate()}.
 */
public final class PoissonResult {

    private final SampledScalarField field;
    private final SolveReport report;
    private final double wallTimeSeconds;

    PoissonResult(SampledScalarField field, SolveReport report, double wallTimeSeconds) {
        this.field = field;
        this.report = report;
        this.wallTimeSeconds = wallTimeSeconds;
    }

    /**
     * @return φ on every grid point (Dirichlet boundary points carry their boundary values)
     * @throws NotConvergedException when the solver stopped before its tolerance
     */
    public SampledScalarField solution() {
        report.requireConverged();
        return field;
    }

    /** @return the last iterate, converged or not (for diagnostics only) */
    public SampledScalarField lastIterate() {
        return field;
    }

    /**
     * @return this result
     * @throws NotConvergedException when the solver stopped before its tolerance
     */
    public PoissonResult requireConverged() {
        report.requireConverged();
        return this;
    }

    /** @return whether the stopping criterion was met */
    public boolean converged() {
        return report.converged();
    }

    /** @return iterations (cycles) performed */
    public int iterations() {
        return report.iterations();
    }

    /** @return the final residual norm ‖f − ∇²<sub>h</sub>φ‖₂ over the unknowns */
    public double finalResidual() {
        return report.finalResidual();
    }

    /** @return the final residual relative to the right-hand side's norm */
    public double relativeResidual() {
        return report.relativeResidual();
    }

    /** @return the residual norm before the first and after every iteration */
    public double[] residualHistory() {
        return report.residualHistory();
    }

    /** @return set-up plus solve time in seconds */
    public double wallTimeSeconds() {
        return wallTimeSeconds;
    }

    /** @return the solver's name */
    public String solverName() {
        return report.solver();
    }

    /** @return the full report */
    public SolveReport report() {
        return report;
    }

    @Override
    public String toString() {
        return "PoissonResult[" + report.solver() + ", " + (converged() ? "converged" : "NOT converged") + " after "
                + iterations() + " iterations, relative residual " + relativeResidual() + ", " + wallTimeSeconds
                + " s]";
    }
}
