package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.VectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.bridge.ScoreToDensity;
import org.fieldscore.pde.NotConvergedException;
import org.fieldscore.pde.poisson.PoissonSolvers;
import org.fieldscore.pde.Stopping;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.score.model.UnnormalizedModel;

/**
 * {@code type: score-to-density} — the bridge "score → log-density by a Poisson solve" ({@link ScoreToDensity}): the
 * score of a model or fit step ({@code model}) is sampled on {@code grid}, its divergence ∇·S = ∇² log p is the
 * right-hand side of a pure Neumann Poisson problem with ∂u/∂n = S·n, and exp(u) normalised on the grid is the
 * recovered density (the result). With {@code reference: id} (a model with a log density, e.g. the true law of the
 * data) the metrics {@code l1} = ∫|p̂ − p| and {@code max-log-error} (max |u − log p| after matching means) compare
 * it with the truth; {@code iterations} and {@code relative-residual} describe the solve.
 *
 * @param header id, type, position
 * @param model the model or fit step whose score is integrated
 * @param reference the true model, or null
 * @param grid the grid
 * @param solver the Poisson solver's name
 * @param stopping its stopping rule
 * @param gridNode where the grid is declared
 */
public record ScoreDensityStep(StepHeader header, Reference model, Reference reference, Grid grid, String solver,
        Stopping stopping, ScenarioNode gridNode) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("model", "reference", "grid", "solver", "tolerance",
            "max-iterations");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        ScenarioNode g = body.require("grid", "the name of a grid under 'grids:' or an inline grid");
        return new ScoreDensityStep(header,
                reading.reference(body.require("model", "the id of a model or fit step whose score is integrated")),
                body.has("reference") ? reading.reference(body.get("reference")) : null, reading.grid(g),
                body.choice("solver", PoissonSolvers.NAMES, PoissonSolvers.DEFAULT),
                new Stopping(body.positive("tolerance", Stopping.DEFAULT.relative()), 0, body.integer("max-iterations",
                        1, Stopping.MAX_ITERATION_CAP, Stopping.DEFAULT.maxIterations())),
                g);
    }

    @Override
    public List<Reference> references() {
        List<Reference> refs = new ArrayList<>(List.of(model));
        if (reference != null) {
            refs.add(reference);
        }
        return refs;
    }

    @Override
    public Plan plan(PlanContext context) {
        int d = context.model(model, "'score-to-density.model'").components();
        if (d != grid.spaceDimension() || grid.hasTime()) {
            throw gridNode.problem("the model '" + model.id() + "' is " + d + "-dimensional; the grid must be a " + d
                    + "-D space grid, got " + grid);
        }
        if (reference != null && context.model(reference, "'score-to-density.reference'").components() != d) {
            throw reference.problem("the reference model must have dimension " + d);
        }
        return new Plan(ResultKind.SCALAR_FIELD, grid, 1, 8L * grid.pointCount(), 40L * grid.pointCount(),
                300.0 * grid.pointCount(), "density recovered from the score of '" + model.id() + "' by a " + solver
                        + " Neumann solve on " + grid,
                List.of("min", "max", "mean", "l2-norm", "integral", "l1", "max-log-error", "iterations",
                        "relative-residual"));
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        VectorField score = context.model(model).asVectorField();
        ScoreToDensity.Recovery r;
        try {
            r = new ScoreToDensity(PoissonSolvers.byName(solver), stopping).recover(score, grid);
        } catch (NotConvergedException e) {
            throw new StepFailedException(header, "the " + solver + " solver did not converge: " + e.getMessage()
                    + " (raise max-iterations, loosen the tolerance, or choose another solver)", e);
        } catch (IllegalArgumentException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        Map<String, Double> metrics = new LinkedHashMap<>(FieldMetrics.of(r.density()));
        if (reference != null) {
            if (!(context.model(reference) instanceof UnnormalizedModel truth)) {
                throw new StepFailedException(header, "the reference '" + reference.id() + "' has no log density", null);
            }
            ScoreToDensity.Comparison c = ScoreToDensity.compare(r, truth.logDensityField());
            metrics.put("l1", c.l1());
            metrics.put("max-log-error", c.maxLogError());
        }
        metrics.put("iterations", (double) r.solve().iterations());
        metrics.put("relative-residual", r.solve().relativeResidual());
        return new StepResult(id(), type(), new StepValue.Scalar(r.density(), "1/volume"), metrics, null, 0);
    }
}
