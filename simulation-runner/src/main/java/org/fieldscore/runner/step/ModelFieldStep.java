package org.fieldscore.runner.step;

import java.util.List;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.diffusion.HeatKernelSmoothing;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.score.model.GridNoiseConditionalScore;
import org.fieldscore.score.model.NoiseConditionalScore;
import org.fieldscore.score.model.ScoreModel;
import org.fieldscore.score.model.UnnormalizedModel;

/**
 * {@code type: score-field} — a model's score S(x) = ∇ₓ log p as a vector field on a grid (the bridge "a score is
 * a vector field"), or with {@code quantity: log-density} its log q(x) and with {@code quantity: score-divergence}
 * tr ∂S/∂x = ∇² log p as scalar fields. With {@code noise: σ} the same quantities of the blurred density
 * p<sub>σ</sub> = p ∗ N(0, σ²I): from the model's own blurred scores (normal, mixture, networks), or for any other model
 * with a log density by the heat-kernel solve on this grid (log p<sub>σ</sub> normalised on the grid, the score by
 * second-order differences of it; σ must span two cells).
 *
 * @param header id, type, position
 * @param model the model
 * @param grid the grid (dimension = the model's)
 * @param quantity score, log-density or score-divergence
 * @param gridNode where the grid is declared
 * @param noise σ of the blurred density, or NaN for the model itself
 * @param noiseNode where the noise is declared (null without one)
 */
public record ModelFieldStep(StepHeader header, Reference model, Grid grid, String quantity, ScenarioNode gridNode,
        double noise, ScenarioNode noiseNode) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("model", "grid", "quantity", "noise");
    /** Quantities. */
    public static final List<String> QUANTITIES = List.of("score", "log-density", "score-divergence");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        ScenarioNode g = body.require("grid", "the name of a grid under 'grids:' or an inline grid");
        ScenarioNode noiseNode = body.has("noise") ? body.get("noise") : null;
        return new ModelFieldStep(header, reading.reference(body.require("model", "the id of a model or fit step")),
                reading.grid(g), body.choice("quantity", QUANTITIES, "score"), g,
                noiseNode == null ? Double.NaN : noiseNode.positive(), noiseNode);
    }

    @Override
    public List<Reference> references() {
        return List.of(model);
    }

    @Override
    public Plan plan(PlanContext context) {
        Plan target = context.model(model, "'score-field.model'");
        int d = target.components();
        if (d != grid.spaceDimension() || grid.hasTime()) {
            throw gridNode.problem("the model '" + model.id() + "' is " + d + "-dimensional; the grid must be a "
                    + d + "-D space grid, got " + grid);
        }
        if (noiseNode != null && !target.capabilities().contains(ModelCapability.BLURRED_SCORES)) {
            if (ScoreNetworkStep.isNetwork(target)) {
                throw model.problem("'" + model.id() + "' is a score network trained at one noise level; 'noise'"
                        + " needs blurred scores or a log density");
            }
            try {
                HeatKernelSmoothing.requireResolved(grid, noise);
            } catch (InvalidArgumentException e) {
                throw noiseNode.problem(e.getMessage().replace("sigma-min", "noise"));
            }
        }
        String summary = quantity + " of '" + model.id() + "' on " + grid;
        return quantity.equals("score") ? Plan.vectorField(grid, d, 10.0 * d * d, summary)
                : Plan.scalarField(grid, 10.0 * d * d, summary);
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        ScoreModel m = context.model(model);
        if (noiseNode != null) {
            if (m instanceof NoiseConditionalScore blurred) {
                m = blurred.atNoise(noise);
            } else if (m instanceof UnnormalizedModel density) {
                return onGrid(density);
            } else {
                throw new IllegalStateException("'" + model.id() + "' was validated as blurrable");
            }
        }
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

    /** The blurred quantities of a density by the heat-kernel solve on this grid. */
    private StepResult onGrid(UnnormalizedModel density) throws StepFailedException {
        GridNoiseConditionalScore scores;
        try {
            scores = AnnealedLangevinStep.gridScores(density, grid, new double[] {noise}, 2);
        } catch (IllegalArgumentException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        switch (quantity) {
            case "score" -> {
                SampledVectorField s = scores.scoreField(noise);
                return new StepResult(id(), type(), new StepValue.Vector(s, ""), FieldMetrics.of(s), null, 0);
            }
            case "score-divergence" -> {
                SampledScalarField f = scores.atNoise(noise).divergenceField().sample(grid);
                return new StepResult(id(), type(), new StepValue.Scalar(f, ""), FieldMetrics.of(f), null, 0);
            }
            default -> {
                SampledScalarField f = scores.logDensityField(noise);
                return new StepResult(id(), type(), new StepValue.Scalar(f, ""), FieldMetrics.of(f), null, 0);
            }
        }
    }
}
