package org.fieldscore.pde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.Parallelism;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.bc.BoundaryValue;
import org.fieldscore.fields.constants.Coupling;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.diffusion.DiffusionMethod;
import org.fieldscore.pde.diffusion.DiffusionProblem;
import org.fieldscore.pde.diffusion.DiffusionSolver;
import org.fieldscore.pde.diffusion.StepObserver;
import org.fieldscore.pde.wave.WaveProblem;
import org.fieldscore.pde.wave.WaveSolver;
import org.junit.jupiter.api.Test;

/**
 * The diffusion (FTCS) and wave (leapfrog) solvers give bit for bit the same solution with temporal blocking as
 * step by step: 1-D, 2-D and 3-D grids of odd sizes, inhomogeneous Dirichlet, Neumann, Robin and periodic faces,
 * sources, sub-cycled steps, pass lengths that do not divide the step count, one and two threads.
 */
class TemporalBlockingSolversTest {

    private static final BoundaryValue ONE = BoundaryValue.constant(1.0);

    private static List<Grid> grids() {
        return List.of(
                Grid.of(new int[] {41}, new double[] {0}, new double[] {1}, Centering.VERTEX),
                Grid.of(new int[] {13, 27}, new double[] {0, 0}, new double[] {1, 2}, Centering.CELL),
                Grid.of(new int[] {9, 11, 29}, new double[] {0, 0, 0}, new double[] {1, 1, 2},
                        new Centering[] {Centering.CELL, Centering.VERTEX, Centering.VERTEX}));
    }

    private static List<BoundaryConditions> boundaries(Grid g) {
        int outer = g.spaceDimension() - 1;
        BoundaryConditions mixed = BoundaryConditions.all(BoundaryCondition.dirichlet(ONE));
        if (g.spaceDimension() > 1) {
            mixed = mixed.withAxis(0, BoundaryCondition.periodic());
        }
        return List.of(
                mixed.withAxis(outer, BoundaryCondition.dirichlet(ONE)),
                mixed.withAxis(outer, BoundaryCondition.neumann(0.5)),
                mixed.withAxis(outer, BoundaryCondition.robin(1, 2, ONE)));
    }

    private static ScalarField bump(int d) {
        return ScalarField.of(d, (t, x) -> {
            double r = 0;
            for (double xi : x) {
                r += (xi - 0.4) * (xi - 0.4);
            }
            return Math.exp(-8 * r) + 0.3 * x[0];
        });
    }

    @Test
    void diffusionIsTheSameWithAndWithoutBlocking() throws Exception {
        int compared = 0;
        for (Grid g : grids()) {
            for (BoundaryConditions bcs : boundaries(g)) {
                DiffusionProblem p = DiffusionProblem.on(g).diffusivity(0.7).boundaries(bcs).initial(bump(g.spaceDimension()))
                        .source(ScalarField.of(g.spaceDimension(), (t, x) -> Math.sin(3 * x[0]) + 0.5)).build();
                double limit = DiffusionSolver.largestStableStep(p);
                for (boolean subCycle : new boolean[] {false, true}) {
                    double dt = subCycle ? 2.6 * limit : 0.9 * limit;
                    DiffusionSolver solver = DiffusionSolver.of(DiffusionMethod.EXPLICIT_EULER).timeStep(dt)
                            .subCycle(subCycle);
                    double end = 17 * dt;
                    double[] reference = onThreads(1, () -> solver.temporalBlocking(TemporalBlocking.OFF).run(p, end)
                            .solution().copyValues());
                    for (int perPass : new int[] {2, 3, 5}) {
                        for (int threads = 1; threads <= 2; threads++) {
                            DiffusionSolver blocked = solver.temporalBlocking(TemporalBlocking.stepsPerPass(perPass));
                            double[] values = onThreads(threads, () -> blocked.run(p, end).solution().copyValues());
                            assertArrayEquals(reference, values, 0.0, g + " " + bcs + ", sub-cycled " + subCycle
                                    + ", " + perPass + " steps per pass, " + threads + " thread(s)");
                            compared++;
                        }
                    }
                }
            }
        }
        assertEquals(3 * 3 * 2 * 3 * 2, compared);
    }

    /**
     * An observer of some steps only lets the steps between them go in blocked passes; the snapshots it receives
     * (and those it does not) are bit for bit those of a step-by-step run observed at every step.
     */
    @Test
    void snapshotsAtChosenStepsAreTheSameWithBlocking() {
        Grid g = grids().get(2);
        DiffusionProblem p = DiffusionProblem.on(g).diffusivity(0.7).boundaries(boundaries(g).get(1))
                .initial(bump(3)).source(ScalarField.of(3, (t, x) -> Math.sin(3 * x[0]) + 0.5)).build();
        double dt = 0.9 * DiffusionSolver.largestStableStep(p);
        int[] wanted = {4, 5, 13, 40};
        Map<Integer, double[]> everyStep = new TreeMap<>();
        DiffusionSolver.of(DiffusionMethod.EXPLICIT_EULER).timeStep(dt).temporalBlocking(TemporalBlocking.OFF)
                .observer(state -> everyStep.put(state.step(), state.field().copyValues())).run(p, 40 * dt);
        Map<Integer, double[]> chosen = new TreeMap<>();
        DiffusionSolver.of(DiffusionMethod.EXPLICIT_EULER).timeStep(dt)
                .temporalBlocking(TemporalBlocking.stepsPerPass(6))
                .observer(StepObserver.atSteps(wanted,
                        state -> chosen.put(state.step(), state.field().copyValues())))
                .run(p, 40 * dt);
        assertEquals(List.of(0, 4, 5, 13, 40), List.copyOf(chosen.keySet()), "step 0 and the chosen steps only");
        for (int step : chosen.keySet()) {
            assertArrayEquals(everyStep.get(step), chosen.get(step), 0.0, "step " + step);
        }
        assertEquals(13, StepObserver.atSteps(wanted, s -> { }).nextObservedStep(6));
        assertEquals(Integer.MAX_VALUE, StepObserver.atSteps(wanted, s -> { })
                .nextObservedStep(41));
    }

    @Test
    void leapfrogIsTheSameWithAndWithoutBlocking() throws Exception {
        int compared = 0;
        for (Grid g : grids()) {
            for (BoundaryConditions bcs : boundaries(g)) {
                WaveProblem p = WaveProblem.on(g).speed(1.3).damping(0.4).coupling(Coupling.of(2.0)).boundaries(bcs)
                        .initial(bump(g.spaceDimension()))
                        .initialVelocity(ScalarField.of(g.spaceDimension(), (t, x) -> Math.cos(2 * x[0])))
                        .density(ScalarField.of(g.spaceDimension(), (t, x) -> x[0] * (1 - x[0]))).build();
                double dt = 0.8 * WaveSolver.largestStableStep(p);
                double end = 23 * dt;
                double[] reference = onThreads(1, () -> WaveSolver.leapfrog(dt).temporalBlocking(TemporalBlocking.OFF)
                        .run(p, end).solution().copyValues());
                for (int perPass : new int[] {2, 3, 4}) {
                    for (int threads = 1; threads <= 2; threads++) {
                        WaveSolver blocked = WaveSolver.leapfrog(dt)
                                .temporalBlocking(TemporalBlocking.stepsPerPass(perPass));
                        double[] values = onThreads(threads, () -> blocked.run(p, end).solution().copyValues());
                        assertArrayEquals(reference, values, 0.0, g + " " + bcs + ", " + perPass
                                + " steps per pass, " + threads + " thread(s)");
                        compared++;
                    }
                }
            }
        }
        assertEquals(3 * 3 * 3 * 2, compared);
    }

    @Test
    void aPassHasAtLeastTwoSteps() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> TemporalBlocking.stepsPerPass(1));
        assertEquals("steps per pass", e.argument());
        assertEquals(7, TemporalBlocking.AUTO.resolve(7));
        assertEquals(1, TemporalBlocking.OFF.resolve(7));
        assertEquals(3, TemporalBlocking.stepsPerPass(3).resolve(7));
    }

    private static double[] onThreads(int threads, Callable<double[]> run) throws Exception {
        return Parallelism.of(threads).call(run);
    }
}
