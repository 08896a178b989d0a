package org.fieldscore.pde.poisson;

import java.util.List;

/**
 * The solvers by name.
 *
 * <table>
 *   <caption>solver names</caption>
 *   <tr><th>name</th><th>solver</th></tr>
 *   <tr><td>multigrid</td><td>V(2,2)-cycles, red–black Gauss–Seidel</td></tr>
 *   <tr><td>multigrid-w</td><td>W(2,2)-cycles, red–black Gauss–Seidel</td></tr>
 *   <tr><td>fmg</td><td>one full-multigrid cycle, then V(2,2)-cycles</td></tr>
 *   <tr><td>multigrid-jacobi</td><td>V(3,3)-cycles, weighted Jacobi</td></tr>
 *   <tr><td>cg</td><td>conjugate gradient with Jacobi preconditioning</td></tr>
 *   <tr><td>cg-multigrid</td><td>conjugate gradient preconditioned by one V(2,2)-cycle</td></tr>
 *   <tr><td>spectral</td><td>FFT-based exact solve (Dirichlet, Neumann or periodic pairs per axis)</td></tr>
 *   <tr><td>direct</td><td>sparse Cholesky (EJML), small grids</td></tr>
 * </table>
 */
public final class PoissonSolvers {

    /** The solver taken when none is named: multigrid V-cycles, which keep an implicit step's warm start. */
    public static final String DEFAULT = "multigrid";

    /** The names {@link #byName} accepts. */
    public static final List<String> NAMES = List.of("multigrid", "multigrid-w", "fmg", "multigrid-jacobi", "cg",
            "cg-multigrid", "spectral", "direct");

    private PoissonSolvers() {
    }

    /**
     * @param name one of {@link #NAMES} (case-insensitive)
     * @return the solver
     * @throws IllegalArgumentException listing the valid names
     */
    public static PoissonSolver byName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (n) {
            case "multigrid" -> MultigridSolver.vCycle();
            case "multigrid-w" -> new MultigridSolver(MultigridSolver.Cycle.W,
                    MultigridSolver.Smoother.RED_BLACK, 2, 2);
            case "fmg" -> new MultigridSolver(MultigridSolver.Cycle.FMG,
                    MultigridSolver.Smoother.RED_BLACK, 2, 2);
            case "multigrid-jacobi" -> new MultigridSolver(MultigridSolver.Cycle.V,
                    MultigridSolver.Smoother.WEIGHTED_JACOBI, 3, 3);
            case "cg" -> ConjugateGradientSolver.jacobi();
            case "cg-multigrid" -> ConjugateGradientSolver.multigrid();
            case "spectral" -> new SpectralSolver();
            case "direct" -> new SparseDirectSolver();
            default -> throw new IllegalArgumentException("unknown Poisson solver '" + name + "'; valid names are "
                    + NAMES);
        };
    }
}
