package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.score.model.NoiseConditionalScore;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.PredictorCorrectorSampler;
import org.fieldscore.score.sample.ProbabilityFlowSampler;
import org.fieldscore.score.sample.ReverseSdeSampler;
import org.fieldscore.score.sde.OdeTolerance;
import org.fieldscore.score.sde.ScoreSde;
import org.fieldscore.score.sde.TimeConditionalScore;

/**
 * {@code type: diffusion-sampler} — samples a score-based diffusion model (Song et al., ICLR 2021): the forward
 * {@code sde} ({@code ve} with {@code sigma-min}/{@code sigma-max}, {@code vp} or {@code sub-vp} with
 * {@code beta-min}/{@code beta-max}) on t ∈ [{@code epsilon}, 1], the exact marginal scores of a model with blurred
 * scores (normal, mixture, noise-conditional network: s<sub>t</sub>(x) = s̃<sub>σ̃</sub>(x/m)/m), and the
 * {@code sampler}: {@code reverse-sde} (Euler–Maruyama, {@code steps}), {@code predictor-corrector} (reverse diffusion
 * and {@code corrector-steps} Langevin corrections at signal-to-noise ratio {@code snr}) or {@code probability-flow}
 * (Dormand–Prince at {@code ode-tolerance}). Metrics as {@code annealed-langevin}.
 *
 * @param header id, type, position
 * @param model the model
 * @param sde the SDE
 * @param sampler the sampler's name
 * @param steps N
 * @param correctorSteps M
 * @param snr r
 * @param tolerance the ODE tolerance
 * @param chains chains
 * @param seed seed or null
 * @param modes mixture defining modes, or null
 * @param keepPaths chains whose paths are kept for plots (SDE samplers)
 */
public record DiffusionSamplerStep(StepHeader header, Reference model, ScoreSde sde, String sampler, int steps,
        int correctorSteps, double snr, double tolerance, int chains, Long seed, Reference modes, int keepPaths)
        implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("model", "sde", "sigma-min", "sigma-max", "beta-min", "beta-max",
            "epsilon", "sampler", "steps", "corrector-steps", "snr", "ode-tolerance", "chains", "seed", "modes",
            "keep-paths");

    /** The sampler names. */
    public static final List<String> SAMPLERS = List.of("reverse-sde", "predictor-corrector", "probability-flow");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Reference model = reading.reference(body.require("model", "the id of a model with blurred scores"));
        ScoreSde sde = readSde(body);
        String sampler = body.choice("sampler", SAMPLERS, "reverse-sde");
        double tolerance = readTolerance(body);
        double snr = body.has("snr") ? body.get("snr").positive() : 0.16;
        int chains = body.integer("chains", 1, 10_000_000, 1000);
        int keepPaths = body.integer("keep-paths", 0, Math.min(chains, 20), 0);
        if (keepPaths > 0 && sampler.equals("probability-flow")) {
            throw body.get("keep-paths").problem("'keep-paths' belongs to the SDE samplers (reverse-sde,"
                    + " predictor-corrector); the ODE sampler keeps no steps");
        }
        return new DiffusionSamplerStep(header, model, sde, sampler, body.integer("steps", 1, 1_000_000, 1000),
                body.integer("corrector-steps", 0, 100, 1), snr, tolerance, chains,
                body.has("seed") ? body.get("seed").longValue() : null,
                body.has("modes") ? reading.reference(body.get("modes")) : null, keepPaths);
    }

    /**
     * Reads {@code sde} with its parameters ({@code sigma-min}/{@code sigma-max} for VE, {@code beta-min}/{@code
     * beta-max} otherwise, {@code epsilon}), reporting a bad value at its key.
     *
     * @param body the step
     * @return the SDE
     */
    static ScoreSde readSde(MapNode body) {
        ScenarioNode sdeNode = body.require("sde", "one of " + ScoreSde.NAMES);
        String name = sdeNode.choice(ScoreSde.NAMES);
        boolean ve = name.equals("ve");
        for (String k : ve ? List.of("beta-min", "beta-max") : List.of("sigma-min", "sigma-max")) {
            if (body.has(k)) {
                throw body.get(k).problem("'" + k + "' does not belong to 'sde: " + name + "'");
            }
        }
        String firstKey = ve ? "sigma-min" : "beta-min";
        String secondKey = ve ? "sigma-max" : "beta-max";
        double first = body.has(firstKey) ? body.get(firstKey).number() : ve ? 0.01 : 0.1;
        double second = body.has(secondKey) ? body.get(secondKey).number() : ve ? 50 : 20;
        double epsilon = body.has("epsilon") ? body.get("epsilon").number() : 1e-3;
        ScoreSde sde;
        try {
            sde = ScoreSde.of(name, first, second, epsilon);
        } catch (InvalidArgumentException e) {
            String key = e.argument();
            throw (body.has(key) ? body.get(key) : sdeNode).problem(e.getMessage());
        }
        return sde;
    }

    /**
     * @param body the step
     * @return {@code ode-tolerance} (default 1e-5), checked by {@link OdeTolerance}
     */
    static double readTolerance(MapNode body) {
        if (!body.has("ode-tolerance")) {
            return 1e-5;
        }
        double tolerance = body.get("ode-tolerance").number();
        try {
            OdeTolerance.of(tolerance);
        } catch (InvalidArgumentException e) {
            throw body.get("ode-tolerance").problem(e.getMessage());
        }
        return tolerance;
    }

    @Override
    public List<Reference> references() {
        return modes == null ? List.of(model) : List.of(model, modes);
    }

    @Override
    public Plan plan(PlanContext context) {
        Plan target = context.model(model, "'diffusion-sampler.model'", ModelCapability.BLURRED_SCORES);
        int d = target.components();
        List<String> metrics = new ArrayList<>(DataStep.metricNames(d));
        metrics.addAll(LangevinStep.modeMetrics(modes, d, context));
        long bytes = 8L * chains * d;
        int perStep = sampler.equals("predictor-corrector") ? 1 + correctorSteps : 1;
        return new Plan(ResultKind.SAMPLES, null, d, bytes, 3 * bytes, 20.0 * d * chains * steps * perStep,
                sampler + " (" + sde.name() + ") on '" + model.id() + "', " + chains + " chains", metrics);
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        if (!(context.model(model) instanceof NoiseConditionalScore blurred)) {
            throw new IllegalStateException("'" + model.id() + "' was validated as a model with blurred scores");
        }
        TimeConditionalScore score = sde.score(blurred);
        long s = seed != null ? seed : context.seedFor(id());
        ChainSamples samples;
        try {
            samples = switch (sampler) {
                case "reverse-sde" -> new ReverseSdeSampler(sde, score, steps).run(chains, s, keepPaths,
                        context.progress());
                case "predictor-corrector" -> new PredictorCorrectorSampler(sde, score, steps, correctorSteps, snr)
                        .run(chains, s, keepPaths, context.progress());
                default -> new ProbabilityFlowSampler(sde, score, OdeTolerance.of(tolerance))
                        .run(chains, s, context.progress());
            };
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        int d = samples.dimension();
        StepValue.Samples value = new StepValue.Samples(d, samples.copyValues(), DataStep.axisNames(d),
                LangevinStep.planarPaths(samples, Math.max(1, (steps + LangevinStep.PLOTTED_STATES - 1)
                        / LangevinStep.PLOTTED_STATES)));
        Map<String, Double> metrics = DataStep.metrics(value);
        LangevinStep.addModeFractions(modes, value.points(), context, metrics);
        return new StepResult(id(), type(), value, metrics, null, 0);
    }
}
