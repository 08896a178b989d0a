package org.fieldscore.runner.step;

import java.util.List;

import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.score.model.NoiseConditionalScore;
import org.fieldscore.score.sde.ScoreFokkerPlanckResidual;
import org.fieldscore.score.sde.ScoreSde;

/**
 * {@code type: score-fp-residual} — the score Fokker–Planck residual (Lai et al., ICML 2023)
 * R = ∂s/∂t − ∇[½g²∇·s + ½g²‖s‖² − ⟨f, s⟩ − ∇·f] of the marginal scores of {@code model} (blurred scores: normal,
 * mixture, networks) for the {@code sde} (keys as {@code diffusion-sampler}) at {@code time} t, as a vector field on
 * {@code grid}: the score on the five times t + kΔt ({@code dt}), finite differences of accuracy {@code order} 2 or 4.
 * It vanishes at that order for the exact score and shows where a learned score is inconsistent with any diffusion.
 * Metrics as every vector field (of |R|).
 *
 * @param header id, type, position
 * @param model the model
 * @param sde the SDE
 * @param grid the space grid
 * @param time t
 * @param dt Δt
 * @param order 2 or 4
 * @param gridNode where the grid is declared
 */
public record ScoreResidualStep(StepHeader header, Reference model, ScoreSde sde, Grid grid, double time, double dt,
        int order, ScenarioNode gridNode) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("model", "sde", "sigma-min", "sigma-max", "beta-min", "beta-max",
            "epsilon", "grid", "time", "dt", "order");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Reference model = reading.reference(body.require("model", "the id of a model with blurred scores"));
        ScoreSde sde = DiffusionSamplerStep.readSde(body);
        ScenarioNode g = body.require("grid", "the name of a grid under 'grids:' or an inline grid");
        double time = body.has("time") ? body.get("time").number() : 0.5;
        double dt = body.positive("dt", 1e-3);
        if (!(time - 2 * dt >= sde.epsilon() && time + 2 * dt <= 1)) {
            throw (body.has("time") ? body.get("time") : body.require("sde", "")).problem("time ± 2·dt must lie in"
                    + " [epsilon, 1] = [" + sde.epsilon() + ", 1], got time " + time + " and dt " + dt);
        }
        int order = body.integer("order", 2, 4, 2);
        if (order != 2 && order != 4) {
            throw body.get("order").problem("order must be 2 or 4, got " + order);
        }
        return new ScoreResidualStep(header, model, sde, reading.grid(g), time, dt, order, g);
    }

    @Override
    public List<Reference> references() {
        return List.of(model);
    }

    @Override
    public Plan plan(PlanContext context) {
        int d = context.model(model, "'score-fp-residual.model'", ModelCapability.BLURRED_SCORES).components();
        if (d != grid.spaceDimension() || grid.hasTime()) {
            throw gridNode.problem("the model '" + model.id() + "' is " + d + "-dimensional; the grid must be a "
                    + d + "-D space grid, got " + grid);
        }
        Plan plan = Plan.vectorField(grid, d, 50.0 * d * d, "score Fokker–Planck residual of '" + model.id()
                + "' (" + sde.name() + ") at t = " + time);
        // the score and the residual's terms on five time slices while the step runs
        return new Plan(plan.kind(), grid, d, plan.resultBytes(), 5 * 8L * grid.pointCount() * (3 * d + 3),
                plan.work(), plan.summary(), plan.metrics());
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        if (!(context.model(model) instanceof NoiseConditionalScore blurred)) {
            throw new IllegalStateException("'" + model.id() + "' was validated as a model with blurred scores");
        }
        SampledVectorField r;
        try {
            r = ScoreFokkerPlanckResidual.residualAt(sde, sde.score(blurred), grid, time, dt, order);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        return new StepResult(id(), type(), new StepValue.Vector(r, ""), FieldMetrics.of(r), null, 0);
    }
}
