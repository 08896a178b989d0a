package org.fieldscore.pde.wave;

import static org.fieldscore.fields.testing.Convergence.assertObservedOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.bc.Face;
import org.fieldscore.fields.constants.Coupling;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.source.Deposition;
import org.fieldscore.fields.source.PointSource;
import org.fieldscore.pde.UnstableTimeStepException;
import org.fieldscore.pde.analytic.AnalyticSolutions;
import org.fieldscore.pde.poisson.PoissonProblem;
import org.fieldscore.pde.poisson.PoissonSolvers;
import org.fieldscore.pde.Stopping;
import org.junit.jupiter.api.Test;

class WaveSolverTest {

    private static final BoundaryConditions ZERO = BoundaryConditions.all(BoundaryCondition.dirichlet(0));

    /** Standing wave sin(πx) sin(πy) cos(cπ√2 t), Δt = 0.5 h: second order in h and Δt jointly. */
    @Test
    void leapfrogIsSecondOrder() {
        double c = 1.3;
        ScalarField mode = AnalyticSolutions.boxEigenfunction(new double[] {0, 0}, new double[] {1, 1}, new int[] {1, 1});
        double omega = c * Math.sqrt(-AnalyticSolutions.boxEigenvalue(new double[] {0, 0}, new double[] {1, 1},
                new int[] {1, 1}));
        double end = 0.8;
        double[] err = new double[3];
        for (int level = 0; level < 3; level++) {
            int cells = 16 << level;
            Grid g = Grid.cube(2, cells + 1, 0, 1);
            WaveProblem p = WaveProblem.on(g).speed(c).boundaries(ZERO).initial(mode).build();
            SampledScalarField u = WaveSolver.leapfrog(0.5 / cells).run(p, end).solution();
            err[level] = u.maxDistance(mode.sample(g).times(Math.cos(omega * end)));
        }
        assertObservedOrder("leapfrog on a standing wave", 2, err);
    }

    /** Source-free periodic waves keep the leapfrog energy to 1e-6 over 1000 steps (it is conserved exactly). */
    @Test
    void energyIsConservedOnPeriodicGrid() {
        Grid g = Grid.cube(2, 32, 0, 1, Centering.CELL);
        ScalarField phi0 = ScalarField.of(2, (t, x) -> Math.sin(2 * Math.PI * x[0]) * Math.cos(4 * Math.PI * x[1])
                + 0.3 * Math.cos(6 * Math.PI * (x[0] + x[1])));
        WaveProblem p = WaveProblem.on(g).boundaries(BoundaryConditions.all(BoundaryCondition.periodic()))
                .initial(phi0).initialVelocity(ScalarField.of(2, (t, x) -> Math.cos(2 * Math.PI * x[1]))).build();
        double dt = 0.9 * WaveSolver.largestStableStep(p);
        WaveResult r = WaveSolver.leapfrog(dt).monitorEnergy(true).run(p, 1000 * dt);
        assertEquals(1000, r.steps());
        double[] e = r.energyHistory();
        for (double v : e) {
            assertEquals(e[0], v, 1e-6 * e[0]);
        }
    }

    @Test
    void cflViolationIsRefusedWithTheLargestStableStep() {
        Grid g = Grid.cube(3, 17, 0, 1);
        WaveProblem p = WaveProblem.on(g).speed(2).boundaries(ZERO).build();
        double limit = 1 / (2 * Math.sqrt(3 * 16 * 16));
        assertEquals(limit, WaveSolver.largestStableStep(p), 1e-15);
        UnstableTimeStepException e = assertThrows(UnstableTimeStepException.class,
                () -> WaveSolver.leapfrog(1.1 * limit).run(p, 1));
        assertEquals(limit, e.largestStableStep(), 1e-15);
        assertTrue(e.getMessage().contains(Double.toString(limit)), e.getMessage());
    }

    /**
     * A right-moving Gaussian pulse meets a Mur face at normal incidence; after it has left, what remains in the box
     * (the reflection) is below 5 % of the pulse amplitude.
     */
    @Test
    void murBoundaryAbsorbsNormalIncidence() {
        Grid g = Grid.of(new int[] {201, 4}, new double[] {0, 0}, new double[] {1, 1},
                new Centering[] {Centering.VERTEX, Centering.CELL});
        double w = 0.05;
        ScalarField pulse = ScalarField.of(2, (t, x) -> Math.exp(-Math.pow((x[0] - 0.5) / w, 2)));
        ScalarField velocity = ScalarField.of(2, (t, x) -> 2 * (x[0] - 0.5) / (w * w)
                * Math.exp(-Math.pow((x[0] - 0.5) / w, 2)));
        WaveProblem p = WaveProblem.on(g).boundaries(ZERO.withAxis(1, BoundaryCondition.periodic()))
                .absorbing(Face.X_LOW, Face.X_HIGH).initial(pulse).initialVelocity(velocity).build();
        double h = g.spacing(0);
        SampledScalarField before = WaveSolver.leapfrog(0.5 * h).run(p, 0.2).solution();
        assertTrue(before.max() > 0.95, "pulse amplitude before the wall: " + before.max());
        SampledScalarField after = WaveSolver.leapfrog(0.5 * h).run(p, 1.0).solution();
        assertTrue(after.maxNorm() < 0.05, "reflected amplitude: " + after.maxNorm());
    }

    /**
     * The essay's static limit: a damped wave with a constant point source settles to the Poisson solution of
     * ∇²φ = gρ/c² on the same grid (damping γ = 2ω₁ for the slowest mode; after t = 8 every mode has decayed by
     * e^{-30} or more, so the remaining difference is the linear solver's tolerance).
     */
    @Test
    void dampedWaveWithConstantSourceSettlesToPoisson() {
        Grid g = Grid.cube(3, 17, 0, 1);
        double c = 1;
        Coupling coupling = Coupling.of(2.0);
        PointSource source = new PointSource(new double[] {0.4, 0.55, 0.5}, 1);
        double omega1 = c * Math.PI * Math.sqrt(3);
        WaveProblem p = WaveProblem.on(g).speed(c).coupling(coupling).damping(2 * omega1).boundaries(ZERO)
                .sources(Deposition.CLOUD_IN_CELL, source).build();
        SampledScalarField wave = WaveSolver.leapfrog(0.5 * WaveSolver.largestStableStep(p)).run(p, 8).solution();
        SampledScalarField poisson = PoissonSolvers.byName("direct").solve(PoissonProblem.on(g).boundaries(ZERO)
                .sources(Coupling.of(coupling.value() / (c * c)), Deposition.CLOUD_IN_CELL, source).build(),
                Stopping.relative(1e-12)).solution();
        double rel = wave.maxDistance(poisson) / poisson.maxNorm();
        assertTrue(rel < 1e-6, "relative difference to the Poisson solution: " + rel);
    }

    @Test
    void absorbingFaceNeedsVertexAxis() {
        Grid g = Grid.cube(2, 16, 0, 1, Centering.CELL);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WaveProblem.on(g)
                .boundaries(ZERO).absorbing(Face.X_LOW).build());
        assertTrue(e.getMessage().contains("vertex"), e.getMessage());
    }
}
