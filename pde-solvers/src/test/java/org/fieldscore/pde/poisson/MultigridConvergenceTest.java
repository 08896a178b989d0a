package org.fieldscore.pde.poisson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.Stopping;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class MultigridConvergenceTest {

    private static final double ANY_BOUNDARY_FACTOR = 0.15;

    private static final ScalarField EXACT = ScalarField.of(3,
            (t, x) -> Math.sin(Math.PI * x[0]) * Math.sin(Math.PI * x[1]) * Math.sin(Math.PI * x[2]));
    private static final ScalarField RHS = ScalarField.of(3, (t, x) -> -3 * Math.PI * Math.PI * EXACT.value(t, x));

    private static PoissonProblem problem(int points) {
        return PoissonProblem.on(Grid.cube(3, points, 0, 1))
                .boundaries(BoundaryConditions.all(BoundaryCondition.dirichlet(0))).rightHandSide(RHS).build();
    }

    /** Geometric mean of the residual reduction per V(2,2)-cycle over the first eight cycles. */
    private static double vCycleFactor(int points) {
        return vCycleFactor(MultigridSolver.vCycle(), points);
    }

    private static double vCycleFactor(MultigridSolver solver, int points) {
        PoissonResult r = solver.solve(problem(points), new Stopping(1e-14, 0, 8));
        double[] h = r.residualHistory();
        assertEquals(9, h.length);
        return Math.pow(h[8] / h[0], 1.0 / 8);
    }

    /**
     * The V(2,2) convergence factor is at most 0.15 and independent of h: from 33³ to 65³ it may grow by at most
     * 15 % (measured with the default ω = 1.25: 0.023 → 0.025 → 0.029 up to 129³).
     */
    @Test
    void vCycleFactorIsSmallAndMeshIndependent() {
        double f33 = vCycleFactor(33);
        double f65 = vCycleFactor(65);
        assertTrue(f33 <= 0.15, "factor at 33^3: " + f33);
        assertTrue(f65 <= 0.15, "factor at 65^3: " + f65);
        assertTrue(f65 <= 1.15 * f33, "factor grows from " + f33 + " to " + f65);
    }

    /**
     * Every boundary set-up converges at a V(2,2) factor of at most {@value #ANY_BOUNDARY_FACTOR} in 3-D (32 cells per
     * axis): the restriction is the transpose of the interpolation in the quadrature-weighted inner product, so
     * Neumann and Robin nodes on vertex grids (weight ½) are restricted consistently with their rows of the operator.
     * Measured: 0.016–0.028 on vertex grids, 0.052–0.088 on cell grids; the plain transpose gave 0.30 with vertex
     * Neumann walls.
     */
    @Test
    void everyBoundaryKindConverges() {
        StringBuilder factors = new StringBuilder();
        double worst = 0;
        for (PoissonCases.Case c : PoissonCases.ALL) {
            PoissonProblem p = PoissonCases.problem(c, 3, 32);
            double[] h = MultigridSolver.vCycle().solve(p, new Stopping(1e-14, 0, 6)).residualHistory();
            double factor = Math.pow(h[6] / h[0], 1.0 / 6);
            factors.append(c.name()).append(String.format(java.util.Locale.ROOT, " %.3f; ", factor));
            worst = Math.max(worst, factor);
        }
        assertTrue(worst <= ANY_BOUNDARY_FACTOR, factors.toString());
    }

    /**
     * The default over-relaxation beats plain red–black Gauss–Seidel (ω = 1), whose factor at 33³ is 0.043 against
     * 0.023; the bound 0.7 leaves room for the measured ratio 0.54.
     */
    @Test
    void overRelaxationBeatsGaussSeidel() {
        double gaussSeidel = vCycleFactor(MultigridSolver.vCycle().withRelaxation(1), 33);
        double defaultFactor = vCycleFactor(33);
        assertTrue(defaultFactor <= 0.7 * gaussSeidel, "default " + defaultFactor + " vs Gauss-Seidel " + gaussSeidel);
        assertThrows(IllegalArgumentException.class, () -> MultigridSolver.vCycle().withRelaxation(2));
    }

    @Test
    @Tag("slow")
    void vCycleFactorAt129() {
        double f65 = vCycleFactor(65);
        double f129 = vCycleFactor(129);
        assertTrue(f129 <= 0.15, "factor at 129^3: " + f129);
        assertTrue(f129 <= 1.15 * f65, "factor grows from " + f65 + " to " + f129);
    }

    /**
     * One FMG cycle reaches the discretisation error: its error against the continuous solution is at most 1.5 times
     * that of the exact discrete solution (sparse-direct accurate: multigrid to 1e-13).
     */
    @Test
    void oneFullMultigridCycleReachesDiscretisationError() {
        for (int points : new int[] {17, 33, 65}) {
            PoissonProblem p = problem(points);
            PoissonResult fmg = PoissonSolvers.byName("fmg").solve(p, new Stopping(1e-14, 0, 1));
            assertEquals(1, fmg.iterations());
            SampledScalarField discrete = MultigridSolver.vCycle().solve(p, Stopping.relative(1e-13)).solution();
            SampledScalarField exact = EXACT.sample(p.grid());
            double fmgError = fmg.lastIterate().maxDistance(exact);
            double discretisationError = discrete.maxDistance(exact);
            assertTrue(fmgError <= 1.5 * discretisationError, points + "^3: FMG error " + fmgError
                    + " vs discretisation error " + discretisationError);
        }
    }

    /**
     * With boundary data too, one FMG cycle reaches the discretisation error (at most 1.5 times that of the exact
     * discrete solution, 16, 32 and 64 cells) for the set-ups whose walls are all of one family: vertex Dirichlet,
     * vertex Neumann, vertex Robin, cell Neumann, periodic, periodic × cell Dirichlet/Neumann. Measured: at most 1.39
     * (vertex Robin). The cubic FMG interpolation extrapolates at the walls and needs no boundary data; with linear
     * interpolation through homogeneous walls the vertex Dirichlet ratio was 1335 at 64 cells.
     */
    @Test
    void oneFullMultigridCycleReachesDiscretisationErrorWithBoundaryData() {
        java.util.Set<String> covered = java.util.Set.of("vertex Dirichlet", "vertex Neumann", "vertex Robin",
                "cell Neumann", "periodic", "periodic-Dirichlet");
        for (PoissonCases.Case c : PoissonCases.ALL) {
            if (!covered.contains(c.name())) {
                continue;
            }
            for (int cells : new int[] {16, 32, 64}) {
                PoissonProblem p = PoissonCases.problem(c, 3, cells);
                PoissonResult fmg = PoissonSolvers.byName("fmg").solve(p, new Stopping(1e-14, 0, 1));
                SampledScalarField discrete = MultigridSolver.vCycle().solve(p, Stopping.relative(1e-13)).solution();
                double ratio = PoissonCases.error(c, 3, p, fmg.lastIterate()) / PoissonCases.error(c, 3, p, discrete);
                assertTrue(ratio <= 1.5, c.name() + ", " + cells + " cells: FMG error / discretisation error = " + ratio);
            }
        }
    }

    /** Grid sizes that are not 2^k + 1, with anisotropic spacing, converge as fast. */
    @Test
    void oddSizesConverge() {
        Grid g = Grid.of(new int[] {23, 40, 17}, new double[] {0, 0, 0}, new double[] {1, 1.5, 0.8},
                org.fieldscore.fields.grid.Centering.VERTEX);
        PoissonProblem p = PoissonProblem.on(g).boundaries(BoundaryConditions.all(BoundaryCondition.dirichlet(0)))
                .rightHandSide(RHS).build();
        PoissonResult r = MultigridSolver.vCycle().solve(p);
        assertTrue(r.converged());
        assertTrue(r.iterations() <= 16, "iterations: " + r.iterations());
    }
}
