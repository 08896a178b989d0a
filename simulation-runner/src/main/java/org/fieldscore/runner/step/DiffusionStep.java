package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.StabilityLimits;
import org.fieldscore.pde.diffusion.DiffusionMethod;
import org.fieldscore.pde.diffusion.DiffusionProblem;
import org.fieldscore.pde.diffusion.DiffusionResult;
import org.fieldscore.pde.diffusion.DiffusionSolver;
import org.fieldscore.pde.diffusion.StepObserver;
import org.fieldscore.pde.NotConvergedException;
import org.fieldscore.pde.poisson.PoissonSolvers;
import org.fieldscore.pde.Stopping;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;

/**
 * {@code type: diffusion | heat} — ∂φ/∂t − k∇²φ = S(t, x) from an initial state, by a chosen time integrator; with
 * {@code type: heat} the diffusivity is κ = K/(ρc) from conductivity K, density ρ and specific heat c, and the
 * source is a heat rate divided by ρc. The explicit method must satisfy k·Δt·Σ1/h² ≤ ½ (checked while
 * validating, with the largest stable Δt in the message) unless {@code sub-cycle: true}. The result is the
 * snapshots of φ.
 *
 * @param header id, type, position
 * @param grid the grid
 * @param diffusivity k (or the conductivity K for heat)
 * @param density ρ for heat, NaN for diffusion
 * @param specificHeat c for heat, NaN for diffusion
 * @param initial φ(0, x) (field step or formula)
 * @param source S(t, x) (field step or formula), or null
 * @param boundaries the boundary conditions (∂φ/∂n = 0 on every face when none are declared)
 * @param method the integrator
 * @param span time step, end time, snapshots
 * @param subCycle whether an unstable explicit step is split
 * @param solver the linear solver of the implicit methods
 * @param tolerance its relative tolerance
 */
public record DiffusionStep(StepHeader header, Grid grid, double diffusivity, double density, double specificHeat,
        FieldInput initial, FieldInput source, BoundaryConditions boundaries, DiffusionMethod method, TimeSpan span,
        boolean subCycle, String solver, double tolerance) implements Step {

    /** Keys of {@code type: diffusion} besides id and type. */
    public static final List<String> KEYS;
    /** Keys of {@code type: heat} besides id and type. */
    public static final List<String> HEAT_KEYS;
    private static final List<String> METHODS = List.of("explicit-euler", "ftcs", "implicit-euler", "crank-nicolson",
            "dormand-prince-853", "dormand-prince-54");

    static {
        List<String> common = new ArrayList<>(List.of("grid", "initial", "source", "boundary", "method", "sub-cycle",
                "solver", "tolerance"));
        common.addAll(TimeSpan.KEYS);
        List<String> d = new ArrayList<>(common);
        d.add("diffusivity");
        KEYS = List.copyOf(d);
        List<String> h = new ArrayList<>(common);
        h.addAll(List.of("conductivity", "density", "specific-heat"));
        HEAT_KEYS = List.copyOf(h);
    }

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Grid grid = reading.grid(body.require("grid", "the name of a grid under 'grids:' or an inline grid"));
        if (grid.hasTime()) {
            throw body.get("grid").problem("give a space grid; the time span comes from time-step and end-time");
        }
        boolean heat = header.type().equals("heat");
        double k;
        double rho = Double.NaN;
        double c = Double.NaN;
        if (heat) {
            k = body.require("conductivity", "the thermal conductivity K > 0 (W/(m K))").positive();
            rho = body.require("density", "the density rho > 0 (kg/m^3)").positive();
            c = body.require("specific-heat", "the specific heat c > 0 (J/(kg K))").positive();
        } else {
            k = body.require("diffusivity", "the diffusion constant k > 0").positive();
        }
        DiffusionMethod method = DiffusionMethod.byName(body.choice("method", METHODS, "crank-nicolson"));
        TimeSpan span = TimeSpan.read(body);
        return new DiffusionStep(header, grid, k, rho, c,
                FieldInput.read(body.require("initial", "phi at t = 0: a formula or the id of a field step"), reading,
                        grid.spaceDimension()),
                body.has("source") ? FieldInput.read(body.get("source"), reading, grid.spaceDimension()) : null,
                body.has("boundary") ? BoundaryReading.read(body.get("boundary"), grid)
                        : BoundaryConditions.all(BoundaryCondition.neumann(0.0)), method, span, body.bool("sub-cycle", false),
                body.choice("solver", PoissonSolvers.NAMES, PoissonSolvers.DEFAULT),
                body.positive("tolerance", Stopping.DEFAULT.relative()));
    }

    private double kappa() {
        return Double.isNaN(density) ? diffusivity : diffusivity / (density * specificHeat);
    }

    @Override
    public List<Reference> references() {
        List<Reference> refs = new ArrayList<>(initial.references());
        if (source != null) {
            refs.addAll(source.references());
        }
        return refs;
    }

    @Override
    public Plan plan(PlanContext context) {
        initial.check(context, grid, "initial");
        if (source != null) {
            source.check(context, grid, "source");
        }
        try {
            DiffusionProblem.requireGrid(grid);
        } catch (InvalidArgumentException e) {
            throw header.problem("grid", e.getMessage());
        }
        double largest = StabilityLimits.explicitDiffusionStep(grid, kappa());
        double dt = span.actualStep();
        int subSteps = 1;
        if (method == DiffusionMethod.EXPLICIT_EULER && !StabilityLimits.isStable(dt, largest)) {
            if (!subCycle) {
                throw span.timeStepNode().problem(String.format(java.util.Locale.ROOT,
                        "the explicit step is unstable: k*dt*sum(1/h^2) = %.4g > 1/2 (k = %.6g, dt = %.6g); the"
                                + " largest stable time step is dt = %.6g. Valid: dt <= %.6g, 'sub-cycle: true',"
                                + " or an implicit method such as crank-nicolson",
                        0.5 * dt / largest, kappa(), dt, largest, largest));
            }
            subSteps = StabilityLimits.subSteps(dt, largest);
        }
        if ((method == DiffusionMethod.DORMAND_PRINCE_853 || method == DiffusionMethod.DORMAND_PRINCE_54)
                && grid.pointCount() > DiffusionSolver.MAX_ODE_UNKNOWNS) {
            throw header.problem("method", "the method of lines with " + method.key() + " handles at most "
                    + DiffusionSolver.MAX_ODE_UNKNOWNS + " unknowns; this grid has " + grid.pointCount()
                    + ". Valid: crank-nicolson or implicit-euler on large grids");
        }
        long bytes = 8L * grid.pointCount();
        boolean implicit = method == DiffusionMethod.IMPLICIT_EULER || method == DiffusionMethod.CRANK_NICOLSON;
        double work = (double) span.steps() * subSteps * grid.pointCount() * (implicit ? 200 : 10);
        List<String> metrics = new ArrayList<>(Plan.FIELD_METRICS);
        metrics.addAll(List.of("steps", "sub-steps", "linear-iterations", "diffusivity"));
        return new Plan(ResultKind.TIME_SERIES, grid, 1, bytes * span.snapshots().length, 12 * bytes, work,
                method.key() + " " + header.type() + " (k = " + kappa() + "), " + span.steps() + " steps of "
                        + span.actualStep() + " to t = " + span.endTime() + ", " + span.snapshots().length
                        + " snapshots", metrics);
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        DiffusionProblem.Builder b = DiffusionProblem.on(grid).boundaries(boundaries)
                .initial(initial.field(context, grid));
        if (Double.isNaN(density)) {
            b.diffusivity(diffusivity);
        } else {
            b.heat(diffusivity, density, specificHeat);
        }
        if (source != null) {
            ScalarField s = source.field(context, grid);
            if (source.dependsOnTime()) {
                b.timeDependentSource(s);
            } else {
                b.source(s);
            }
        }
        TimeSpan.Recorder recorder = span.new Recorder();
        DiffusionResult result;
        try {
            result = DiffusionSolver.of(method).timeStep(span.timeStep()).subCycle(subCycle)
                    .linearSolver(PoissonSolvers.byName(solver)).linearStopping(Stopping.relative(tolerance))
                    .progress(context.progress())
                    .observer(StepObserver.atSteps(span.snapshotSteps(), state -> recorder.offer(state.time(),
                            state::field)))
                    .run(b.build(), span.endTime());
        } catch (NotConvergedException e) {
            throw new StepFailedException(header, "a linear solve did not converge: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        StepValue.TimeSeries series = recorder.series("");
        FieldMetrics.requireFinite(header, series.last());
        Map<String, Double> metrics = new LinkedHashMap<>(FieldMetrics.of(series.last()));
        metrics.put("steps", (double) result.steps());
        metrics.put("sub-steps", (double) result.subStepsPerStep());
        metrics.put("linear-iterations", (double) result.linearIterations());
        metrics.put("diffusivity", kappa());
        return new StepResult(id(), type(), series, metrics, null, 0);
    }
}
