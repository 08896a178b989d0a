package org.fieldscore.pde.poisson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.pde.Stopping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Solvers report their progress: one start, one report per iteration (or per direct solve), one end; iterative
 * solvers count decades of residual reduction, so a converged solve ends at its total, however far below the
 * iteration cap it stopped.
 */
class SolverProgressTest {

    /** Records the calls it receives. */
    private static final class Recorder implements ProgressListener {
        final List<String> starts = new ArrayList<>();
        final List<Long> totals = new ArrayList<>();
        final List<Long> work = new ArrayList<>();
        final List<String> details = new ArrayList<>();
        int finished;

        @Override
        public void started(String task, long totalWork) {
            starts.add(task);
            totals.add(totalWork);
        }

        @Override
        public void advanced(long workDone, String detail) {
            work.add(workDone);
            details.add(detail);
        }

        @Override
        public void finished() {
            finished++;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"multigrid", "fmg", "cg", "cg-multigrid", "spectral", "direct"})
    void everySolverReportsItsIterations(String name) {
        PoissonProblem problem = PoissonProblem.on(Grid.cube(2, 33, 0, 1))
                .boundaries(BoundaryConditions.all(BoundaryCondition.dirichlet(0)))
                .rightHandSide(ScalarField.of(2, (t, x) -> Math.exp(x[0]) * Math.sin(3 * x[1]))).build();
        Recorder recorder = new Recorder();
        PoissonResult result = PoissonSolvers.byName(name).solve(problem, Stopping.relative(1e-10), recorder);
        assertTrue(result.converged());
        assertEquals(1, recorder.starts.size(), recorder.starts.toString());
        assertEquals(1, recorder.finished);
        assertTrue(!recorder.work.isEmpty(), "no progress reported");
        for (int i = 1; i < recorder.work.size(); i++) {
            assertTrue(recorder.work.get(i) >= recorder.work.get(i - 1), "progress must not go back: " + recorder.work);
        }
        if (name.startsWith("multigrid") || name.startsWith("fmg") || name.startsWith("cg")) {
            long total = recorder.totals.get(0);
            // relative residual 1e-10 from the zero start: ten decades of reduction, not the cap of iterations
            assertEquals(10, total, recorder.starts.toString());
            assertEquals(total, recorder.work.get(recorder.work.size() - 1).longValue(), "a converged solve ends full");
            assertEquals(result.iterations(), recorder.work.size(), "one report per iteration");
            assertTrue(recorder.details.get(0).startsWith("iteration 1, residual "), recorder.details.toString());
        }
    }
}
