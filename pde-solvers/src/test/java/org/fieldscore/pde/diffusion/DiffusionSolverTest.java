package org.fieldscore.pde.diffusion;

import static org.fieldscore.fields.testing.Convergence.assertObservedOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.fields.source.Deposition;
import org.fieldscore.fields.source.PointSource;
import org.fieldscore.pde.UnstableTimeStepException;
import org.fieldscore.pde.analytic.AnalyticSolutions;
import org.junit.jupiter.api.Test;

class DiffusionSolverTest {

    private static final double K = 0.5;
    private static final BoundaryConditions ZERO = BoundaryConditions.all(BoundaryCondition.dirichlet(0));

    /**
     * Time order alone: the initial state is a discrete eigenvector of the Laplacian (sin modes on a vertex grid,
     * eigenvalue λ_h = −Σ(4/h²)sin²(πh/2)), so the semi-discrete solution is exactly exp(kλ_h t)·mode and the error
     * is the time-stepping error only.
     */
    private static double[] timeErrors(DiffusionMethod method, double[] steps) {
        Grid g = Grid.cube(2, 17, 0, 1);
        double h = g.spacing(0);
        double lambda = -2 * 4 / (h * h) * Math.pow(Math.sin(Math.PI * h / 2), 2);
        ScalarField mode = AnalyticSolutions.boxEigenfunction(new double[] {0, 0}, new double[] {1, 1}, new int[] {1, 1});
        DiffusionProblem p = DiffusionProblem.on(g).diffusivity(K).boundaries(ZERO).initial(mode).build();
        double end = 0.1;
        double[] err = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            SampledScalarField u = DiffusionSolver.of(method).timeStep(steps[i]).run(p, end).solution();
            err[i] = u.maxDistance(mode.sample(g).times(Math.exp(K * lambda * end)));
        }
        return err;
    }

    @Test
    void crankNicolsonIsSecondOrderInTime() {
        assertObservedOrder("CN", 2, timeErrors(DiffusionMethod.CRANK_NICOLSON, new double[] {0.01, 0.005, 0.0025}));
    }

    @Test
    void implicitEulerIsFirstOrderInTime() {
        assertObservedOrder("IE", 1, timeErrors(DiffusionMethod.IMPLICIT_EULER, new double[] {0.004, 0.002, 0.001}));
    }

    @Test
    void explicitEulerIsFirstOrderInTime() {
        assertObservedOrder("FTCS", 1,
                timeErrors(DiffusionMethod.EXPLICIT_EULER, new double[] {0.0016, 0.0008, 0.0004}));
    }

    /** The adaptive integrators reach the semi-discrete solution to their tolerance (1e-9 relative). */
    @Test
    void dormandPrinceMatchesSemiDiscreteSolution() {
        for (DiffusionMethod m : new DiffusionMethod[] {DiffusionMethod.DORMAND_PRINCE_853,
            DiffusionMethod.DORMAND_PRINCE_54}) {
            double err = timeErrors(m, new double[] {0.05})[0];
            assertTrue(err < 1e-7, m + ": error " + err);
        }
    }

    /**
     * Crank–Nicolson with Δt = h on a manufactured solution with a time-dependent source and time-dependent,
     * position-dependent Dirichlet data: u = e^{−t} cos(x + 0.3) cos(2y − 0.1) + t x², second order in h and Δt jointly.
     */
    @Test
    void crankNicolsonIsSecondOrderInSpaceAndTimeWithTimeDependentData() {
        ScalarField exact = ScalarField.of(2, (t, x) -> Math.exp(-t) * Math.cos(x[0] + 0.3) * Math.cos(2 * x[1] - 0.1)
                + t * x[0] * x[0]);
        ScalarField source = ScalarField.of(2, (t, x) -> {
            double v = Math.cos(x[0] + 0.3) * Math.cos(2 * x[1] - 0.1);
            return -Math.exp(-t) * v + x[0] * x[0] + 5 * K * Math.exp(-t) * v - 2 * K * t;
        });
        double[] err = new double[3];
        for (int level = 0; level < 3; level++) {
            int cells = 8 << level;
            Grid g = Grid.cube(2, cells + 1, 0, 1);
            DiffusionProblem p = DiffusionProblem.on(g).diffusivity(K)
                    .boundaries(BoundaryConditions.all(BoundaryCondition.dirichlet(exact::value)))
                    .initial(exact).timeDependentSource(source).build();
            double end = 0.5;
            SampledScalarField u = DiffusionSolver.of(DiffusionMethod.CRANK_NICOLSON).timeStep(1.0 / cells)
                    .run(p, end).solution();
            err[level] = u.maxDistance(ScalarField.of(2, (t, x) -> exact.value(end, x)).sample(g));
        }
        assertObservedOrder("CN space-time", 2, err);
    }

    /**
     * A unit amount released at one grid point spreads like the heat kernel; at σ = √(2kt) = 0.1 (6.4 h, walls 10 σ
     * away) the FTCS solution matches (4πkt)^{-1} exp(−r²/4kt) within 2 % of the peak inside r ≤ 3σ (the lattice
     * delta's O(h²/σ²) smoothing error is about 1 %).
     */
    @Test
    void pointReleaseFollowsTheHeatKernel() {
        Grid g = Grid.cube(2, 129, -1, 1);
        double k = 1;
        double end = 0.005;
        double[] x0 = {0, 0};
        SampledScalarField delta = new PointSource(x0, 1).deposit(g, Deposition.NEAREST_GRID_POINT);
        DiffusionProblem p = DiffusionProblem.on(g).diffusivity(k).boundaries(ZERO).initial(delta).build();
        // half the stability limit: at the limit itself the highest (checkerboard) mode has amplification −1 and the
        // lattice delta would never smooth out
        double dt = 0.5 * DiffusionSolver.largestStableStep(p);
        SampledScalarField u = DiffusionSolver.of(DiffusionMethod.EXPLICIT_EULER).timeStep(dt).run(p, end).solution();
        ScalarField kernel = AnalyticSolutions.heatKernel(2, k, 1, x0);
        double peak = kernel.value(end, x0);
        double sigma = Math.sqrt(2 * k * end);
        double[] x = new double[2];
        double worst = 0;
        for (int i = 0; i < g.pointCount(); i++) {
            g.spaceCoordinates(i, x);
            if (Math.hypot(x[0], x[1]) <= 3 * sigma) {
                worst = Math.max(worst, Math.abs(u.valueAt(i) - kernel.value(end, x)) / peak);
            }
        }
        assertTrue(worst < 0.02, "largest deviation relative to the peak: " + worst);
    }

    /** Zero-flux walls conserve the total amount to 1e-10 relative for every method (vertex and cell grids). */
    @Test
    void zeroFluxWallsConserveTotalHeat() {
        ScalarField bump = ScalarField.of(2, (t, x) -> 1 + Math.exp(-20 * ((x[0] - 0.3) * (x[0] - 0.3) + x[1] * x[1])));
        for (Centering c : Centering.values()) {
            Grid g = Grid.cube(2, 24, 0, 1, c);
            DiffusionProblem p = DiffusionProblem.on(g).diffusivity(K)
                    .boundaries(BoundaryConditions.all(BoundaryCondition.neumann(0))).initial(bump).build();
            for (DiffusionMethod m : new DiffusionMethod[] {DiffusionMethod.EXPLICIT_EULER,
                DiffusionMethod.IMPLICIT_EULER, DiffusionMethod.CRANK_NICOLSON}) {
                List<Double> totals = new ArrayList<>();
                DiffusionSolver.of(m).timeStep(0.5 * DiffusionSolver.largestStableStep(p))
                        .observer(s -> totals.add(s.totalHeat())).run(p, 0.05);
                double first = totals.get(0);
                for (double total : totals) {
                    assertEquals(first, total, 1e-10 * first, m + " on " + c + " grid");
                }
            }
        }
    }

    @Test
    void unstableExplicitStepIsRefusedWithTheLargestStableStep() {
        Grid g = Grid.cube(2, 33, 0, 1);
        DiffusionProblem p = DiffusionProblem.on(g).diffusivity(K).boundaries(ZERO)
                .initial(ScalarField.of(2, (t, x) -> 1.0)).build();
        double limit = 1 / (2 * K * 2 * 32 * 32);
        assertEquals(limit, DiffusionSolver.largestStableStep(p), 1e-15);
        UnstableTimeStepException e = assertThrows(UnstableTimeStepException.class,
                () -> DiffusionSolver.of(DiffusionMethod.EXPLICIT_EULER).timeStep(1.5 * limit).run(p, 0.01));
        assertEquals(limit, e.largestStableStep(), 1e-15);
        assertTrue(e.getMessage().contains(Double.toString(limit)), e.getMessage());
        DiffusionResult sub = DiffusionSolver.of(DiffusionMethod.EXPLICIT_EULER).timeStep(1.5 * limit).subCycle(true)
                .run(p, 0.01);
        assertEquals(2, sub.subStepsPerStep());
        assertTrue(sub.solution().maxNorm() <= 1.0);
    }

    @Test
    void progressAndObserverSeeEveryStep() {
        Grid g = Grid.cube(1, 33, 0, 1);
        DiffusionProblem p = DiffusionProblem.on(g).diffusivity(K).boundaries(ZERO)
                .initial(ScalarField.of(1, (t, x) -> Math.sin(Math.PI * x[0]))).build();
        List<String> events = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void started(String task, long totalWork) {
                events.add("start " + totalWork);
            }

            @Override
            public void advanced(long workDone, String detail) {
                events.add("step " + workDone);
            }

            @Override
            public void finished() {
                events.add("end");
            }
        };
        DiffusionResult r = DiffusionSolver.of(DiffusionMethod.CRANK_NICOLSON).timeStep(0.01).progress(listener)
                .observer(s -> times.add(s.time())).run(p, 0.05);
        assertEquals(5, r.steps());
        assertEquals(List.of("start 5", "step 1", "step 2", "step 3", "step 4", "step 5", "end"), events);
        assertEquals(6, times.size());
        assertEquals(0.05, times.get(5), 1e-15);
    }
}
