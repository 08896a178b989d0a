package org.fieldscore.runner.step;

import java.util.List;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.score.model.ScoreModel;
import org.fieldscore.score.model.UnnormalizedModel;

/**
 * {@code type: score-field} — a model's score S(x) = ∇ₓ log p as a vector field on a grid (the bridge "a score is
 * a vector field"), or with {@code quantity: log-density} its log q(x) and with {@code quantity: score-divergence}
 * tr ∂S/∂x = ∇² log p as scalar fields.
 *
 * @param header id, type, position
 * @param model the model
 * @param grid the grid (dimension = the model's)
 * @param quantity score, log-density or score-divergence
 * @param gridNode where the grid is declared
 */
public record ModelFieldStep(StepHeader header, Reference model, Grid grid, String quantity, ScenarioNode gridNode)
        implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("model", "grid", "quantity");
    /** Quantities. */
    public static final List<String> QUANTITIES = List.of("score", "log-density", "score-divergence");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        ScenarioNode g = body.require("grid", "the name of a grid under 'grids:' or an inline grid");
        return new ModelFieldStep(header, reading.reference(body.require("model", "the id of a model or fit step")),
                reading.grid(g), body.choice("quantity", QUANTITIES, "score"), g);
    }

    @Override
    public List<Reference> references() {
        return List.of(model);
    }

    @Override
    public Plan plan(PlanContext context) {
        int d = context.model(model, "'score-field.model'").components();
        if (d != grid.spaceDimension() || grid.hasTime()) {
            throw gridNode.problem("the model '" + model.id() + "' is " + d + "-dimensional; the grid must be a "
                    + d + "-D space grid, got " + grid);
        }
        String summary = quantity + " of '" + model.id() + "' on " + grid;
        return quantity.equals("score") ? Plan.vectorField(grid, d, 10.0 * d * d, summary)
                : Plan.scalarField(grid, 10.0 * d * d, summary);
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        ScoreModel m = context.model(model);
        switch (quantity) {
            case "score" -> {
                SampledVectorField s = m.asVectorField().sample(grid);
                return new StepResult(id(), type(), new StepValue.Vector(s, ""), FieldMetrics.of(s), null, 0);
            }
            case "score-divergence" -> {
                SampledScalarField f = m.divergenceField().sample(grid);
                return new StepResult(id(), type(), new StepValue.Scalar(f, ""), FieldMetrics.of(f), null, 0);
            }
            default -> {
                if (!(m instanceof UnnormalizedModel u)) {
                    throw new StepFailedException(header, "the model '" + model.id() + "' has a score but no log"
                            + " density", null);
                }
                SampledScalarField f = u.logDensityField().sample(grid);
                return new StepResult(id(), type(), new StepValue.Scalar(f, ""), FieldMetrics.of(f), null, 0);
            }
        }
    }
}
