package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.score.model.NoiseConditionalScore;
import org.fieldscore.score.sample.AnnealedLangevin;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.ChainStart;

/**
 * {@code type: annealed-langevin} — annealed Langevin dynamics (Y. Song and S. Ermon, NeurIPS 2019): chains walk
 * through noise levels σ from {@code sigma-max} down to {@code sigma-min} (geometric schedule, {@code levels}
 * levels, {@code steps-per-level} steps each) with the score of the model blurred by N(0, σ²I); large early noise
 * lets chains cross between modes, so mode weights are respected. The model must be a normal or a Gaussian mixture
 * (whose blurred scores are known in closed form) or a noise-conditional {@code score-network}
 * ({@link NoiseConditionalNetworkModel}). The result is each chain's final state; metrics are the sample
 * means and variances and, with {@code modes: mixture-id}, the fraction of samples in each mode.
 *
 * @param header id, type, position
 * @param model the model (normal or mixture)
 * @param sigmaMax σ₁
 * @param sigmaMin σ<sub>L</sub>
 * @param levels L
 * @param stepSize ε, the step at σ<sub>L</sub>
 * @param stepsPerLevel T
 * @param chains number of chains (= samples)
 * @param seed the seed, or null for the derived one
 * @param start where chains start
 * @param modes a mixture model defining the modes, or null
 */
public record AnnealedLangevinStep(StepHeader header, Reference model, double sigmaMax, double sigmaMin, int levels,
        double stepSize, int stepsPerLevel, int chains, Long seed, ChainStart start, Reference modes)
        implements ChainStep {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("model", "sigma-max", "sigma-min", "levels", "step-size",
            "steps-per-level", "chains", "start", "seed", "modes");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Reference model = reading.reference(body.require("model", "the id of a model or fit step (normal or"
                + " mixture)"));
        double max = body.require("sigma-max", "the largest noise level, about the distance between modes")
                .positive();
        ScenarioNode minNode = body.require("sigma-min", "the smallest noise level, small against the target's"
                + " scale");
        double min = minNode.positive();
        if (!(min < max)) {
            throw minNode.problem("sigma-min must be below sigma-max (" + max + "), got " + min);
        }
        return new AnnealedLangevinStep(header, model, max, min, body.integer("levels", 1, 1000, 10),
                LangevinStep.stepSize(body), body.integer("steps-per-level", 1, 1_000_000, 100),
                body.integer("chains", 1, 10_000_000, 1000), body.has("seed") ? body.get("seed").longValue() : null,
                LangevinStep.start(body.get("start")),
                body.has("modes") ? reading.reference(body.get("modes")) : null);
    }

    @Override
    public List<Reference> references() {
        return modes == null ? List.of(model) : List.of(model, modes);
    }

    @Override
    public Plan plan(PlanContext context) {
        Plan target = context.model(model, "'annealed-langevin.model'");
        if (ScoreNetworkStep.isSingleLevelNetwork(target)) {
            throw model.problem("'" + model.id() + "' is a score network trained at one noise level; annealed"
                    + " Langevin needs the score at every level: train it with 'objective: noise-conditional'");
        }
        context.model(model, "'annealed-langevin.model'", ModelCapability.BLURRED_SCORES);
        int d = target.components();
        List<String> metrics = new ArrayList<>(DataStep.metricNames(d));
        metrics.addAll(LangevinStep.modeMetrics(modes, d, context));
        long bytes = 8L * chains * d;
        return new Plan(ResultKind.SAMPLES, null, d, bytes, bytes, 20.0 * d * chains * levels * stepsPerLevel,
                "annealed Langevin on '" + model.id() + "', sigma " + sigmaMax + " to " + sigmaMin + " in " + levels
                        + " levels x " + stepsPerLevel + " steps, " + chains + " chains", metrics);
    }

    @Override
    public int ensembleSize() {
        return chains;
    }

    @Override
    public ChainSamples runChains(RunContext context, int from, int to) {
        if (!(context.model(model) instanceof NoiseConditionalScore blurred)) {
            throw new IllegalStateException("'" + model.id() + "' was validated as a model with blurred scores");
        }
        return new AnnealedLangevin(blurred, sigmaMax, sigmaMin, levels, stepSize, stepsPerLevel)
                .run(to - from, from, seed != null ? seed : context.seedFor(id()), 0, start, context.progress());
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        ChainSamples samples;
        try {
            samples = runAllChains(context);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        int d = samples.dimension();
        StepValue.Samples value = new StepValue.Samples(d, samples.copyValues(), DataStep.axisNames(d));
        Map<String, Double> metrics = DataStep.metrics(value);
        LangevinStep.addModeFractions(modes, value.points(), context, metrics);
        return new StepResult(id(), type(), value, metrics, null, 0);
    }
}
