package org.fieldscore.pde.poisson;

import static org.fieldscore.fields.testing.Convergence.assertObservedOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.NotConvergedException;
import org.fieldscore.pde.Stopping;
import org.junit.jupiter.api.Test;

class PoissonSolversTest {

    private static final String[] ITERATIVE = {"multigrid", "multigrid-w", "fmg", "multigrid-jacobi", "cg",
        "cg-multigrid", "spectral"};

    /**
     * Observed order of every solver for every boundary kind on a 2-D manufactured solution, 16/32/64 cells: second
     * order within ±0.15 (the solvers reach 1e-10 relative residual, far below the O(h²) error).
     */
    @Test
    void everySolverIsSecondOrderForEveryBoundaryKind() {
        for (PoissonCases.Case c : PoissonCases.ALL) {
            for (String name : PoissonSolvers.NAMES) {
                if (name.equals("spectral") && !c.spectralSupported(2)) {
                    continue;
                }
                double[] err = new double[3];
                for (int level = 0; level < 3; level++) {
                    PoissonProblem p = PoissonCases.problem(c, 2, 16 << level);
                    PoissonResult r = PoissonSolvers.byName(name).solve(p);
                    err[level] = PoissonCases.error(c, 2, p, r.solution());
                }
                assertObservedOrder(name + " / " + c.name(), 2.0, err);
            }
        }
    }

    /** Every iterative and spectral solver reproduces the sparse direct solution to 1e-8 relative in 1-D and 3-D. */
    @Test
    void iterativeSolversAgreeWithSparseDirect() {
        for (int d : new int[] {1, 3}) {
            for (PoissonCases.Case c : PoissonCases.ALL) {
                PoissonProblem p = PoissonCases.problem(c, d, 12);
                SampledScalarField reference = new SparseDirectSolver().solve(p).solution();
                for (String name : ITERATIVE) {
                    if (name.equals("spectral") && !c.spectralSupported(d)) {
                        continue;
                    }
                    PoissonResult r = PoissonSolvers.byName(name).solve(p, Stopping.relative(1e-12));
                    double rel = r.solution().maxDistance(reference) / reference.maxNorm();
                    assertTrue(rel < 1e-8, name + " / " + c.name() + " in " + d + "-D: relative difference " + rel);
                }
            }
        }
    }

    /**
     * The sine transform takes FFT lengths of both parities (m + 1 for m unknowns) and the tridiagonal axis may be
     * any axis: vertex Dirichlet grids with odd and even cell counts, each axis in turn the least smooth one, agree
     * with the sparse direct solution to 1e-10 relative.
     */
    @Test
    void spectralHandlesEveryGridParity() {
        int[][] shapes = {{10, 11, 12}, {12, 11, 10}, {11, 12, 15}, {14, 14, 14}};
        ScalarField f = ScalarField.of(3, (t, x) -> Math.sin(3 * x[0]) * x[1] * Math.exp(x[2]) + 1);
        for (int[] shape : shapes) {
            Grid g = Grid.of(shape, new double[] {0, 0, 0}, new double[] {1, 1.2, 0.9}, Centering.VERTEX);
            PoissonProblem p = PoissonProblem.on(g).boundaries(BoundaryConditions.all(BoundaryCondition.dirichlet(0.5)))
                    .rightHandSide(f).build();
            SampledScalarField reference = new SparseDirectSolver().solve(p).solution();
            double rel = new SpectralSolver().solve(p).solution().maxDistance(reference) / reference.maxNorm();
            assertTrue(rel < 1e-10, java.util.Arrays.toString(shape) + ": relative difference " + rel);
        }
    }

    @Test
    void nonConvergenceIsReportedNotReturned() {
        PoissonCases.Case c = PoissonCases.ALL.get(0);
        PoissonProblem p = PoissonCases.problem(c, 2, 32);
        PoissonResult r = PoissonSolvers.byName("cg").solve(p, new Stopping(1e-12, 0, 3));
        assertFalse(r.converged());
        assertEquals(3, r.iterations());
        assertEquals(4, r.residualHistory().length);
        NotConvergedException e = assertThrows(NotConvergedException.class, r::solution);
        assertTrue(e.getMessage().contains("did not converge"), e.getMessage());
        assertThrows(NotConvergedException.class, r::requireConverged);
    }

    @Test
    void incompatiblePeriodicSourceIsRefusedUnlessProjected() {
        Grid g = Grid.cube(2, 16, 0, 1, Centering.CELL);
        BoundaryConditions bcs = BoundaryConditions.all(BoundaryCondition.periodic());
        ScalarField one = ScalarField.of(2, (t, x) -> 1 + Math.sin(2 * Math.PI * x[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MultigridSolver.vCycle()
                .solve(PoissonProblem.on(g).boundaries(bcs).rightHandSide(one).build()));
        assertTrue(e.getMessage().contains("projectIncompatibleSource"), e.getMessage());
        PoissonResult r = MultigridSolver.vCycle().solve(PoissonProblem.on(g).boundaries(bcs).rightHandSide(one)
                .projectIncompatibleSource().build());
        assertTrue(r.converged());
        assertEquals(0.0, r.solution().mean(), 1e-12);
    }

    @Test
    void unknownSolverNameListsValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PoissonSolvers.byName("sor"));
        assertTrue(e.getMessage().contains("multigrid"), e.getMessage());
    }

    @Test
    void missingFaceConditionIsRefused() {
        Grid g = Grid.cube(2, 9, 0, 1);
        BoundaryConditions bcs = BoundaryConditions.none().with(org.fieldscore.fields.bc.Face.X_LOW,
                BoundaryCondition.dirichlet(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoissonProblem.on(g).boundaries(bcs).rightHandSide(ScalarField.of(2, (t, x) -> 1)).build());
        assertTrue(e.getMessage().contains("x+"), e.getMessage());
    }

    @Test
    void solversRefuseWhatTheyCannotDo() {
        PoissonProblem robin = PoissonCases.problem(PoissonCases.ALL.get(2), 2, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SpectralSolver().solve(robin));
        assertTrue(e.getMessage().contains("axes x and y") && e.getMessage().contains("multigrid"), e.getMessage());
        PoissonProblem big = PoissonProblem.on(Grid.cube(3, 40, 0, 1))
                .boundaries(BoundaryConditions.all(BoundaryCondition.dirichlet(0)))
                .rightHandSide(ScalarField.of(3, (t, x) -> 1.0)).build();
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> new SparseDirectSolver().solve(big));
        assertTrue(d.getMessage().contains("40000"), d.getMessage());
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class, () -> PoissonProblem
                .on(Grid.cube(1, 9, 0, 1)).boundaries(BoundaryConditions.all(BoundaryCondition.robin(-1, 1,
                        org.fieldscore.fields.bc.BoundaryValue.ZERO)))
                .rightHandSide(ScalarField.of(1, (t, x) -> 1.0)).build());
        assertTrue(r.getMessage().contains("alpha/beta"), r.getMessage());
    }
}
