package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.constants.Coupling;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.NotConvergedException;
import org.fieldscore.pde.poisson.PoissonProblem;
import org.fieldscore.pde.poisson.PoissonResult;
import org.fieldscore.pde.poisson.PoissonSolvers;
import org.fieldscore.pde.Stopping;
import org.fieldscore.runner.expr.Formula;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;

/**
 * {@code type: poisson} — solves ∇²φ = f, the static Euler–Lagrange equation of the essay's Lagrangian, with
 * f = g·ρ for a source density ρ ({@code source: id}, coupling g) or f given as a formula ({@code rhs}), boundary
 * conditions per face (default: φ = 0 on every face), a solver by name and a relative tolerance on the residual.
 * Reports iterations, final and relative residual. A solver that does not reach its tolerance fails the run
 * (exit code 3).
 *
 * @param header id, type, position
 * @param grid the grid, or null to use the source's grid
 * @param source ρ, or null
 * @param rhs f as a formula, or null
 * @param coupling g
 * @param boundary the boundary node, or null for φ = 0 on every face
 * @param conditions the boundary conditions read on the step's grid once it is known (null until planned)
 * @param solver the solver's name
 * @param stopping tolerance and iteration cap
 * @param project whether an incompatible pure Neumann/periodic source is projected (neutralising background)
 */
public record PoissonStep(StepHeader header, Grid grid, Reference source, Formula rhs, Coupling coupling,
        ScenarioNode boundary, BoundaryConditions conditions, String solver, Stopping stopping, boolean project)
        implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("grid", "source", "rhs", "coupling", "boundary", "solver",
            "tolerance", "max-iterations", "project");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        if (body.has("source") == body.has("rhs")) {
            throw header.problem("", "give either 'source' (the id of a density field; f = coupling*rho) or 'rhs'"
                    + " (f of the equation laplacian(phi) = f as a formula)");
        }
        Grid grid = body.has("grid") ? reading.grid(body.get("grid")) : null;
        if (grid == null && body.has("rhs")) {
            throw header.problem("grid", "a 'rhs' formula needs a 'grid' to be solved on");
        }
        if (grid != null && grid.hasTime()) {
            throw body.get("grid").problem("Poisson's equation is static; the grid must have no time axis");
        }
        Reference source = body.has("source") ? reading.reference(body.get("source")) : null;
        Formula rhs = body.has("rhs") ? body.get("rhs").formula(StepReading.coordinates(3)) : null;
        if (rhs != null && body.has("coupling")) {
            throw body.get("coupling").problem("'coupling' multiplies a 'source'; with 'rhs' write f directly");
        }
        double tolerance = body.positive("tolerance", Stopping.DEFAULT.relative());
        int cap = body.integer("max-iterations", 1, Stopping.MAX_ITERATION_CAP, Stopping.DEFAULT.maxIterations());
        return new PoissonStep(header, grid, source, rhs, LagrangianStep.coupling(body.get("coupling")),
                body.get("boundary"), null, body.choice("solver", PoissonSolvers.NAMES, PoissonSolvers.DEFAULT),
                new Stopping(tolerance, 0, cap), body.bool("project", false));
    }

    @Override
    public List<Reference> references() {
        return source == null ? List.of() : List.of(source);
    }

    private Grid gridOf(PlanContext context) {
        if (source == null) {
            return grid;
        }
        Plan rho = context.scalarField(source, "'poisson.source'");
        if (rho.grid().hasTime()) {
            throw source.problem("the source '" + source.id() + "' lives on a space-time grid; Poisson's equation"
                    + " needs a space grid");
        }
        return grid != null ? grid : rho.grid();
    }

    @Override
    public Plan plan(PlanContext context) {
        Grid g = gridOf(context);
        try {
            PoissonProblem.requireGrid(g);
        } catch (InvalidArgumentException e) {
            throw header.problem("grid", e.getMessage());
        }
        Plan p = Plan.scalarField(g, 200, solver + " solve of laplacian(phi) = "
                + (source != null ? coupling.value() + " * '" + source.id() + "'" : rhs.text()) + " on " + g
                + " to relative residual " + stopping.relative());
        List<String> metrics = new ArrayList<>(p.metrics());
        metrics.addAll(List.of("iterations", "final-residual", "relative-residual", "solve-seconds"));
        return new Plan(p.kind(), g, 1, p.resultBytes(), 12 * p.resultBytes(), p.work(), p.summary(), metrics);
    }

    /** Reads the boundary block on the grid, which is known once the source is planned. */
    @Override
    public Step resolved(PlanContext context) {
        Grid g = gridOf(context);
        BoundaryConditions read = boundary == null ? BoundaryConditions.all(BoundaryCondition.dirichlet(0.0))
                : BoundaryReading.read(boundary, g);
        return new PoissonStep(header, grid, source, rhs, coupling, boundary, read, solver, stopping, project);
    }

    private BoundaryConditions requireResolved() {
        if (conditions == null) {
            throw new IllegalStateException("step '" + id() + "' runs before it was resolved by planning");
        }
        return conditions;
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        Grid g = grid;
        ScalarField f;
        if (source != null) {
            SampledScalarField rho = context.scalar(source);
            g = grid != null ? grid : rho.grid();
            f = rho.sample(g).times(coupling.value());
        } else {
            f = ScalarField.of(g.spaceDimension(), CoordinateFunctions.scalar(rhs));
        }
        PoissonResult result;
        SampledScalarField phi;
        try {
            PoissonProblem.Builder b = PoissonProblem.on(g).boundaries(requireResolved()).rightHandSide(f);
            if (project) {
                b.projectIncompatibleSource();
            }
            result = PoissonSolvers.byName(solver).solve(b.build(), stopping, context.progress());
            phi = result.solution();
        } catch (NotConvergedException e) {
            throw new StepFailedException(header, "the " + solver + " solver did not converge: " + e.getMessage()
                    + " (raise max-iterations, loosen the tolerance, or choose another solver)", e);
        } catch (IllegalArgumentException e) {
            throw new StepFailedException(header, e.getMessage()
                    + (project ? "" : " (in a scenario: 'project: true' subtracts the mean of the source)"), e);
        }
        Map<String, Double> metrics = new LinkedHashMap<>(FieldMetrics.of(phi));
        metrics.put("iterations", (double) result.iterations());
        metrics.put("final-residual", result.finalResidual());
        metrics.put("relative-residual", result.relativeResidual());
        metrics.put("solve-seconds", result.wallTimeSeconds());
        return new StepResult(id(), type(), new StepValue.Scalar(phi, ""), metrics, null, 0);
    }
}
