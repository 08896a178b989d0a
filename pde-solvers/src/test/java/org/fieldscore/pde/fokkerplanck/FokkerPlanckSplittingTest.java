package org.fieldscore.pde.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.VectorField;
import org.fieldscore.fields.bc.Face;
import org.fieldscore.fields.density.GridDensities;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.testing.Convergence;
import org.fieldscore.pde.Stopping;
import org.junit.jupiter.api.Test;

/**
 * The operator-split steppers (split implicit Euler, Douglas ADI) against the monolithic solves of the same discrete
 * operator and against closed forms: agreement in 1-D (where the splitting is exact), observed orders 1 and 2 in
 * time in 2-D and 3-D, the Ornstein–Uhlenbeck transient, positivity at large cell Péclet numbers, exp(−U)/Z as a
 * fixed point and mass conservation with periodic and absorbing walls.
 */
class FokkerPlanckSplittingTest {

    private static final OrnsteinUhlenbeck OU_2D = new OrnsteinUhlenbeck(0.5, new double[] {1.0, 0.5},
            new double[] {0.6, -0.4}, new double[] {0.2, 0.15});

    /** The references: monolithic solves to a tolerance far below the differences measured. */
    private static final Stopping TIGHT = new Stopping(1e-14, 0, 20_000);

    private static final FokkerPlanckMethod[] SPLIT = {FokkerPlanckMethod.SPLIT_IMPLICIT_EULER,
        FokkerPlanckMethod.DOUGLAS_ADI};

    private static SampledScalarField run(FokkerPlanckMethod method, double dt, FokkerPlanckProblem problem,
            double end) {
        return FokkerPlanckSolver.of(method).timeStep(dt).linearStopping(TIGHT).run(problem, end).density();
    }

    private static double relativeDifference(SampledScalarField p, SampledScalarField q) {
        return GridDensities.maxDifference(p, q) / q.max();
    }

    /** Gaussian bump centred at c with width 1/√k on every axis. */
    private static ScalarField bump(int d, double k, double... c) {
        return ScalarField.of(d, (t, x) -> {
            double r2 = 0;
            for (int a = 0; a < d; a++) {
                r2 += (x[a] - c[a]) * (x[a] - c[a]);
            }
            return Math.exp(-k * r2);
        });
    }

    @Test
    void inOneDimensionTheSplitStepsAreTheMonolithicOnes() {
        Grid grid = Grid.cube(1, 48, -3, 3, Centering.CELL);
        VectorField drift = VectorField.of(1, 1, (t, x, out) -> out[0] = 0.5 + Math.sin(Math.PI * x[0] / 3));
        FokkerPlanckProblem.Builder base = FokkerPlanckProblem.on(grid).diffusivity(0.3).drift(drift)
                .initial(bump(1, 4, 0.5));
        FokkerPlanckProblem[] problems = {
            base.walls(Wall.NO_FLUX).build(),
            base.walls(Wall.PERIODIC).build(),
            base.walls(Wall.NO_FLUX).wall(Face.X_LOW, Wall.ABSORBING).source(ScalarField.constant(1, 0.2)).build()};
        String[] walls = {"no-flux", "periodic", "absorbing low face with a source"};
        FokkerPlanckMethod[] monolithic = {FokkerPlanckMethod.IMPLICIT_EULER, FokkerPlanckMethod.CRANK_NICOLSON};
        for (int w = 0; w < problems.length; w++) {
            for (int m = 0; m < SPLIT.length; m++) {
                double difference = relativeDifference(run(SPLIT[m], 0.05, problems[w], 1.0),
                        run(monolithic[m], 0.05, problems[w], 1.0));
                assertTrue(difference < 1e-11, SPLIT[m].key() + " vs " + monolithic[m].key() + ", " + walls[w]
                        + ": max relative difference " + difference);
            }
        }
    }

    @Test
    void ornsteinUhlenbeckTransientIn2dHasTheSchemesOrderInTime() {
        Grid grid = Grid.cube(2, 28, -3.5, 3.5, Centering.CELL);
        FokkerPlanckProblem problem = FokkerPlanckProblem.on(grid).diffusivity(OU_2D.diffusivity())
                .potential(OU_2D.potential()).initial(OU_2D.initial()).build();
        assertOrdersInTime("OU 2-D (potential)", problem, 0.4, new double[] {0.04, 0.02, 0.01});
    }

    @Test
    void rotatingTimeDependentDriftWithPeriodicAndAbsorbingWallsHasTheSchemesOrderInTime() {
        Grid grid = Grid.of(new int[] {24, 20}, new double[] {0, -1}, new double[] {1, 1}, Centering.CELL);
        VectorField swirl = VectorField.of(2, 2, (t, x, out) -> {
            out[0] = 1.5 * Math.cos(Math.PI * x[1] / 2) * (1 + t);
            out[1] = 0.8 * Math.sin(2 * Math.PI * x[0]) - x[1];
        });
        FokkerPlanckProblem problem = FokkerPlanckProblem.on(grid).diffusivity(0.05).timeDependentDrift(swirl)
                .wall(Face.X_LOW, Wall.PERIODIC).wall(Face.X_HIGH, Wall.PERIODIC).wall(Face.Y_LOW, Wall.ABSORBING)
                .source(ScalarField.of(2, (t, x) -> 1 + Math.cos(2 * Math.PI * x[0])))
                .initial(bump(2, 20, 0.3, 0)).build();
        assertOrdersInTime("swirl, periodic x, absorbing y-, source", problem, 0.4,
                new double[] {0.01, 0.005, 0.0025});
    }

    @Test
    void threeDimensionalSmokeAgainstTheMonolithicSolve() {
        Grid grid = Grid.of(new int[] {12, 10, 8}, new double[] {-3, -3, -3}, new double[] {3, 3, 3},
                Centering.CELL);
        VectorField drift = VectorField.of(3, 3, (t, x, out) -> {
            out[0] = -x[0] - 0.5 * x[1];
            out[1] = 0.5 * x[0] - x[1];
            out[2] = -0.5 * x[2] + 0.3 * x[0];
        });
        FokkerPlanckProblem problem = FokkerPlanckProblem.on(grid).diffusivity(0.6).drift(drift)
                .wall(Face.Z_LOW, Wall.ABSORBING).initial(bump(3, 1, 0.5, -0.5, 0.3)).build();
        assertOrdersInTime("3-D rotating drift, absorbing z-", problem, 0.4, new double[] {0.04, 0.02, 0.01});
    }

    /** Errors against Crank–Nicolson at Δt = 2·10⁻⁴ (the semi-discrete solution) at three halved steps. */
    private static void assertOrdersInTime(String what, FokkerPlanckProblem problem, double end, double[] steps) {
        SampledScalarField reference = run(FokkerPlanckMethod.CRANK_NICOLSON, 2e-4, problem, end);
        for (FokkerPlanckMethod method : SPLIT) {
            double[] errors = new double[steps.length];
            for (int k = 0; k < steps.length; k++) {
                errors[k] = relativeDifference(run(method, steps[k], problem, end), reference);
            }
            Convergence.assertObservedOrder(what + ", " + method.key() + " in time", method.order(),
                    Convergence.ORDER_TOLERANCE, steps, errors);
        }
    }

    @Test
    void douglasAdiFollowsTheOrnsteinUhlenbeckClosedFormToSecondOrderInSpace() {
        double end = 0.4;
        double[] errors = new double[3];
        ScalarField exact = OU_2D.density();
        for (int k = 0; k < 3; k++) {
            Grid grid = Grid.cube(2, 20 << k, -3.5, 3.5, Centering.CELL);
            FokkerPlanckProblem problem = FokkerPlanckProblem.on(grid).diffusivity(OU_2D.diffusivity())
                    .drift(OU_2D.drift()).initial(OU_2D.initial()).build();
            SampledScalarField p = run(FokkerPlanckMethod.DOUGLAS_ADI, 4e-3, problem, end);
            errors[k] = GridDensities.maxDifference(p, ScalarField.of(2, (s, x) -> exact.value(end, x)).sample(grid));
        }
        Convergence.assertObservedOrder("OU 2-D, douglas-adi against the closed form", 2, errors);
    }

    @Test
    void splitImplicitEulerStaysPositiveWhereCentralDifferencesGoNegative() {
        Grid grid = Grid.cube(2, 40, -1, 1, Centering.CELL);
        VectorField drift = VectorField.of(2, 2, (t, x, out) -> {
            out[0] = -5 * (x[0] - 0.3);
            out[1] = -5 * (x[1] + 0.2) + 2 * x[0];
        });
        ScalarField start = ScalarField.of(2, (t, x) -> Math.abs(x[0] + 0.5) < 0.2 && Math.abs(x[1]) < 0.3 ? 1 : 0);
        double[] minima = new double[2];
        for (FluxScheme flux : FluxScheme.values()) {
            FokkerPlanckProblem problem = FokkerPlanckProblem.on(grid).diffusivity(1e-3).drift(drift).initial(start)
                    .flux(flux).build();
            FokkerPlanckResult r = FokkerPlanckSolver.of(FokkerPlanckMethod.SPLIT_IMPLICIT_EULER).timeStep(0.01)
                    .run(problem, 0.5);
            minima[flux.ordinal()] = r.minimum();
            if (flux == FluxScheme.SCHARFETTER_GUMMEL) {
                double change = Math.abs(r.finalMass() - r.initialMass()) / r.initialMass();
                assertTrue(change < 1e-12, "relative mass change " + change);
            }
        }
        assertTrue(minima[FluxScheme.SCHARFETTER_GUMMEL.ordinal()] >= 0, "Scharfetter-Gummel min p " + minima[0]);
        assertTrue(minima[FluxScheme.CENTRAL.ordinal()] < -1e-3, "central differences min p " + minima[1]
                + " (the case must make them go negative)");
    }

    @Test
    void doubleWellBoltzmannDensityIsAFixedPoint() {
        Grid grid = Grid.of(new int[] {48, 40}, new double[] {-2.2, -2.5}, new double[] {2.2, 2.5}, Centering.CELL);
        ScalarField potential = ScalarField.of(2, (t, x) -> 2 * Math.pow(x[0] * x[0] - 1, 2) + 0.5 * x[1] * x[1]
                + 0.3 * x[0] * x[1]);
        SampledScalarField boltzmann = GridDensities.normalise(potential.sample(grid).map(u -> Math.exp(-u)));
        FokkerPlanckProblem problem = FokkerPlanckProblem.on(grid).diffusivity(0.5).potential(potential)
                .initial(boltzmann).build();
        for (FokkerPlanckMethod method : SPLIT) {
            FokkerPlanckResult r = FokkerPlanckSolver.of(method).timeStep(0.5).run(problem, 10);
            double difference = relativeDifference(r.density(), boltzmann);
            assertTrue(difference < 1e-13, method.key() + ": exp(-U)/Z moved by " + difference + " (relative) in "
                    + r.steps() + " steps");
            assertEquals(0, r.linearIterations(), "a direct solve");
        }
    }
}
