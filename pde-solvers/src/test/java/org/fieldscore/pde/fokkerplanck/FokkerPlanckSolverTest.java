package org.fieldscore.pde.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.VectorField;
import org.fieldscore.fields.bc.Face;
import org.fieldscore.fields.density.GridDensities;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.testing.Convergence;
import org.fieldscore.pde.StabilityLimits;
import org.fieldscore.pde.UnstableTimeStepException;
import org.junit.jupiter.api.Test;

/**
 * The Fokker–Planck solvers against closed forms: the Ornstein–Uhlenbeck transient (order 2 in space, the scheme's
 * order in time), the double-well equilibrium (exact at the grid points with fitted fluxes), mass conservation,
 * positivity at large cell Péclet numbers, and the OU spectral gap 1/τ (order 2).
 */
class FokkerPlanckSolverTest {

    private static final OrnsteinUhlenbeck OU_1D = new OrnsteinUhlenbeck(1.0, new double[] {1.0},
            new double[] {0.8}, new double[] {0.3});
    private static final OrnsteinUhlenbeck OU_2D = new OrnsteinUhlenbeck(0.5, new double[] {1.0, 0.5},
            new double[] {0.6, -0.4}, new double[] {0.2, 0.15});

    private static Grid cells(int d, int n, double half) {
        return Grid.cube(d, n, -half, half, Centering.CELL);
    }

    private static FokkerPlanckProblem ou(OrnsteinUhlenbeck ou, Grid grid) {
        return FokkerPlanckProblem.on(grid).diffusivity(ou.diffusivity()).drift(ou.drift()).initial(ou.initial())
                .build();
    }

    private static double maxError(OrnsteinUhlenbeck ou, SampledScalarField p, double t) {
        ScalarField exact = ou.density();
        SampledScalarField truth = ScalarField.of(ou.dimension(), (s, x) -> exact.value(t, x)).sample(p.grid());
        return GridDensities.maxDifference(p, truth);
    }

    @Test
    void ornsteinUhlenbeck1dIsSecondOrderInSpace() {
        double end = 0.5;
        double[] errors = new double[3];
        for (int k = 0; k < 3; k++) {
            Grid grid = cells(1, 32 << k, 7);
            FokkerPlanckResult r = FokkerPlanckSolver.of(FokkerPlanckMethod.CRANK_NICOLSON).timeStep(2e-3)
                    .run(ou(OU_1D, grid), end);
            errors[k] = maxError(OU_1D, r.density(), end);
        }
        Convergence.assertObservedOrder("OU 1-D, Scharfetter-Gummel, max error in space", 2, errors);
    }

    @Test
    void ornsteinUhlenbeck2dIsSecondOrderInSpace() {
        double end = 0.4;
        double[] errors = new double[3];
        for (int k = 0; k < 3; k++) {
            Grid grid = cells(2, 20 << k, 3.5);
            FokkerPlanckResult r = FokkerPlanckSolver.of(FokkerPlanckMethod.CRANK_NICOLSON).timeStep(4e-3)
                    .run(ou(OU_2D, grid), end);
            errors[k] = maxError(OU_2D, r.density(), end);
        }
        Convergence.assertObservedOrder("OU 2-D, Scharfetter-Gummel, max error in space", 2, errors);
    }

    @Test
    void timeOrdersAreTheSchemes() {
        Grid grid = cells(1, 64, 7);
        FokkerPlanckProblem problem = ou(OU_1D, grid);
        double end = 0.4;
        SampledScalarField reference = FokkerPlanckSolver.of(FokkerPlanckMethod.CRANK_NICOLSON).timeStep(1e-4)
                .run(problem, end).density();
        double limit = FokkerPlanckSolver.largestStableStep(problem);
        double[] implicit = {0.04, 0.02, 0.01};
        double[][] steps = {implicit, implicit, {limit / 2, limit / 4, limit / 8}, implicit, implicit};
        FokkerPlanckMethod[] methods = {FokkerPlanckMethod.CRANK_NICOLSON, FokkerPlanckMethod.IMPLICIT_EULER,
            FokkerPlanckMethod.EXPLICIT_EULER, FokkerPlanckMethod.SPLIT_IMPLICIT_EULER, FokkerPlanckMethod.DOUGLAS_ADI};
        for (int m = 0; m < methods.length; m++) {
            double[] errors = new double[3];
            for (int k = 0; k < 3; k++) {
                SampledScalarField p = FokkerPlanckSolver.of(methods[m]).timeStep(steps[m][k]).run(problem, end)
                        .density();
                errors[k] = GridDensities.maxDifference(p, reference);
            }
            Convergence.assertObservedOrder("OU 1-D, " + methods[m].key() + " in time", methods[m].order(),
                    Convergence.ORDER_TOLERANCE, steps[m], errors);
        }
    }

    @Test
    void doubleWellEquilibriumIsExactAtTheGridPoints() {
        Grid grid = Grid.of(new int[] {48, 40}, new double[] {-2.2, -2.5}, new double[] {2.2, 2.5}, Centering.CELL);
        ScalarField potential = ScalarField.of(2, (t, x) -> 2 * Math.pow(x[0] * x[0] - 1, 2) + 0.5 * x[1] * x[1]
                + 0.3 * x[0] * x[1]);
        FokkerPlanckProblem problem = FokkerPlanckProblem.on(grid).diffusivity(0.5).potential(potential)
                .initial(ScalarField.constant(2, 1.0)).build();
        StationaryDensity stationary = FokkerPlanckSolver.stationary(problem, FokkerPlanckSolver.DEFAULT_STOPPING);
        SampledScalarField boltzmann = GridDensities.normalise(potential.sample(grid).map(u -> Math.exp(-u)));
        double relative = GridDensities.maxDifference(stationary.density(), boltzmann) / boltzmann.max();
        assertTrue(relative < 1e-9, "stationary vs exp(-U)/Z, max relative difference " + relative);
    }

    @Test
    void doubleWellEquilibriumFromItsScoreFieldIsSecondOrder() {
        ScalarField potential = ScalarField.of(1, (t, x) -> 2 * Math.pow(x[0] * x[0] - 1, 2));
        VectorField drift = VectorField.of(1, 1, (t, x, out) -> out[0] = -0.5 * 8 * x[0] * (x[0] * x[0] - 1));
        double[] errors = new double[3];
        for (int k = 0; k < 3; k++) {
            Grid grid = cells(1, 40 << k, 2.2);
            FokkerPlanckProblem problem = FokkerPlanckProblem.on(grid).diffusivity(0.5).drift(drift)
                    .initial(ScalarField.constant(1, 1.0)).build();
            SampledScalarField p = FokkerPlanckSolver.stationary(problem, FokkerPlanckSolver.DEFAULT_STOPPING)
                    .density();
            SampledScalarField boltzmann = GridDensities.normalise(potential.sample(grid).map(u -> Math.exp(-u)));
            errors[k] = GridDensities.maxDifference(p, boltzmann);
        }
        Convergence.assertObservedOrder("double well, drift field at the faces, stationary vs exp(-U)/Z", 2, errors);
    }

    @Test
    void massIsConservedToRoundingByEveryMethod() {
        Grid grid = Grid.of(new int[] {32, 24}, new double[] {0, -1}, new double[] {1, 1}, Centering.CELL);
        VectorField swirl = VectorField.of(2, 2, (t, x, out) -> {
            out[0] = 3 * Math.cos(Math.PI * x[1] / 2) * (1 + t);
            out[1] = Math.sin(2 * Math.PI * x[0]) - 2 * x[1];
        });
        FokkerPlanckProblem problem = FokkerPlanckProblem.on(grid).diffusivity(0.05).timeDependentDrift(swirl)
                .wall(Face.X_LOW, Wall.PERIODIC).wall(Face.X_HIGH, Wall.PERIODIC)
                .initial(ScalarField.of(2, (t, x) -> Math.exp(-20 * ((x[0] - 0.3) * (x[0] - 0.3) + x[1] * x[1]))))
                .build();
        double limit = FokkerPlanckSolver.largestStableStep(problem);
        for (FokkerPlanckMethod method : FokkerPlanckMethod.values()) {
            double dt = method == FokkerPlanckMethod.EXPLICIT_EULER ? 0.5 * limit : 0.01;
            FokkerPlanckResult r = FokkerPlanckSolver.of(method).timeStep(dt).run(problem, 0.5);
            double drift = Math.abs(r.finalMass() - r.initialMass()) / r.initialMass();
            assertTrue(drift < 1e-12, method.key() + ": relative mass change " + drift + " over " + r.steps()
                    + " steps");
            assertTrue(r.minimum() >= 0, method.key() + ": min p " + r.minimum());
        }
    }

    @Test
    void fittedFluxesStayPositiveWhereCentralDifferencesGoNegative() {
        Grid grid = cells(1, 40, 1);
        VectorField drift = VectorField.of(1, 1, (t, x, out) -> out[0] = -5 * (x[0] - 0.3));
        ScalarField start = ScalarField.of(1, (t, x) -> Math.abs(x[0] + 0.5) < 0.2 ? 1 : 0);
        double pecletAtWall = 5 * 1.3 * grid.spacing(0) / 1e-3;
        assertTrue(pecletAtWall > 100, "the case needs a large cell Peclet number, got " + pecletAtWall);
        for (FokkerPlanckMethod method : new FokkerPlanckMethod[] {FokkerPlanckMethod.IMPLICIT_EULER,
            FokkerPlanckMethod.CRANK_NICOLSON}) {
            double[] minima = new double[2];
            for (FluxScheme flux : FluxScheme.values()) {
                FokkerPlanckProblem problem = FokkerPlanckProblem.on(grid).diffusivity(1e-3).drift(drift)
                        .initial(start).flux(flux).build();
                minima[flux.ordinal()] = FokkerPlanckSolver.of(method).timeStep(0.01).run(problem, 0.5).minimum();
            }
            if (method == FokkerPlanckMethod.IMPLICIT_EULER) {
                assertTrue(minima[FluxScheme.SCHARFETTER_GUMMEL.ordinal()] >= 0,
                        "Scharfetter-Gummel min p " + minima[0]);
            }
            assertTrue(minima[FluxScheme.CENTRAL.ordinal()] < -1e-3, method.key() + ", central differences min p "
                    + minima[1] + " (the case must make them go negative)");
        }
        FokkerPlanckProblem fitted = FokkerPlanckProblem.on(grid).diffusivity(1e-3).drift(drift).initial(start)
                .build();
        double limit = FokkerPlanckSolver.largestStableStep(fitted);
        assertTrue(FokkerPlanckSolver.of(FokkerPlanckMethod.EXPLICIT_EULER).timeStep(limit).run(fitted, 0.5)
                .minimum() >= 0, "explicit at the limit stays positive");
    }

    @Test
    void explicitStepAboveTheLimitIsRefusedBeforeRunning() {
        FokkerPlanckProblem problem = ou(OU_1D, cells(1, 64, 7));
        double limit = FokkerPlanckSolver.largestStableStep(problem);
        double h = 14.0 / 64;
        double bound = 1 / (2 / (h * h) + 7.0 / h);
        assertTrue(limit >= bound && limit <= 1.2 * h * h / 2, "limit " + limit + " vs bound " + bound);
        int[] observed = {0};
        UnstableTimeStepException e = assertThrows(UnstableTimeStepException.class, () ->
                FokkerPlanckSolver.of(FokkerPlanckMethod.EXPLICIT_EULER).timeStep(1.01 * limit)
                        .observer(s -> observed[0]++).run(problem, 1.0));
        assertEquals(limit, e.largestStableStep(), 1e-15 * limit);
        assertEquals(0, observed[0], "nothing ran");
        assertEquals(limit, StabilityLimits.explicitFokkerPlanckStep(
                FokkerPlanckOperator.of(problem, 0).largestOutflowRate()));
    }

    @Test
    void ornsteinUhlenbeckSpectralGapIsOneOverTauToSecondOrder() {
        for (boolean gradient : new boolean[] {true, false}) {
            double[] errors = new double[3];
            for (int k = 0; k < 3; k++) {
                Grid grid = cells(1, 24 << k, 7);
                FokkerPlanckProblem.Builder b = FokkerPlanckProblem.on(grid).diffusivity(OU_1D.diffusivity())
                        .initial(OU_1D.initial());
                FokkerPlanckProblem problem = (gradient ? b.potential(OU_1D.potential()) : b.drift(OU_1D.drift()))
                        .build();
                SpectralGap gap = FokkerPlanckSolver.spectralGap(problem, 1e-12, 200,
                        FokkerPlanckSolver.DEFAULT_STOPPING);
                errors[k] = Math.abs(gap.rate() - 1 / OU_1D.tau()[0]);
            }
            Convergence.assertObservedOrder("OU spectral gap vs 1/tau (" + (gradient ? "potential" : "drift field")
                    + ")", 2, errors);
        }
    }

    @Test
    void twoDimensionalSpectralGapIsTheSlowerAxisToSecondOrder() {
        double[] errors = new double[3];
        for (int k = 0; k < 3; k++) {
            FokkerPlanckProblem problem = FokkerPlanckProblem.on(cells(2, 20 << k, 4))
                    .diffusivity(OU_2D.diffusivity()).potential(OU_2D.potential()).initial(OU_2D.initial()).build();
            SpectralGap gap = FokkerPlanckSolver.spectralGap(problem, 1e-11, 200,
                    FokkerPlanckSolver.DEFAULT_STOPPING);
            errors[k] = Math.abs(gap.rate() - 1 / OU_2D.tau()[0]);
        }
        Convergence.assertObservedOrder("OU 2-D spectral gap vs min 1/tau", 2, errors);
    }

    @Test
    void absorbingWallsWithASourceReachTheirBalanceToSecondOrder() {
        ScalarField source = ScalarField.constant(1, 1.0);
        VectorField drift = VectorField.of(1, 1, (t, x, out) -> out[0] = 0.5);
        double[] errors = new double[3];
        for (int k = 0; k < 3; k++) {
            Grid grid = cells(1, 32 << k, 1);
            FokkerPlanckProblem problem = FokkerPlanckProblem.on(grid).diffusivity(1.0).drift(drift)
                    .walls(Wall.ABSORBING).source(source).initial(ScalarField.constant(1, 0.0)).build();
            SampledScalarField p = FokkerPlanckSolver.stationary(problem, FokkerPlanckSolver.DEFAULT_STOPPING)
                    .density();
            // -p'' + 0.5 p' = 1 with p(-1) = p(1) = 0: p = 2(x + 1) - 4 (e^{(x+1)/2} - 1)/(e - 1)
            SampledScalarField exact = ScalarField.of(1, (t, x) -> 2 * (x[0] + 1)
                    - 4 * Math.expm1((x[0] + 1) / 2) / Math.expm1(1)).sample(grid);
            errors[k] = GridDensities.maxDifference(p, exact);
        }
        Convergence.assertObservedOrder("absorbing walls with a source, stationary balance", 2, errors);
    }

    @Test
    void variableDiffusivityKeepsTheEquilibriumAndNonPositiveValuesAreRefused() {
        Grid grid = cells(1, 64, 2);
        ScalarField potential = ScalarField.of(1, (t, x) -> x[0] * x[0]);
        FokkerPlanckProblem problem = FokkerPlanckProblem.on(grid)
                .diffusivity(ScalarField.of(1, (t, x) -> 0.2 + x[0] * x[0])).potential(potential)
                .initial(ScalarField.constant(1, 1.0)).build();
        SampledScalarField p = FokkerPlanckSolver.stationary(problem, FokkerPlanckSolver.DEFAULT_STOPPING).density();
        SampledScalarField boltzmann = GridDensities.normalise(potential.sample(grid).map(u -> Math.exp(-u)));
        assertTrue(GridDensities.maxDifference(p, boltzmann) < 1e-9 * boltzmann.max(),
                "b = -D grad U with D(x): the equilibrium is still exp(-U)/Z");
        FokkerPlanckProblem bad = FokkerPlanckProblem.on(grid).diffusivity(ScalarField.of(1, (t, x) -> x[0]))
                .potential(potential).initial(ScalarField.constant(1, 1.0)).build();
        org.fieldscore.fields.InvalidArgumentException e = assertThrows(
                org.fieldscore.fields.InvalidArgumentException.class, () -> FokkerPlanckSolver.largestStableStep(bad));
        assertEquals("diffusivity", e.argument());
    }
}
