package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.score.estimate.FisherDivergence;
import org.fieldscore.score.model.ExactSampler;
import org.fieldscore.score.model.NoiseConditionalScore;
import org.fieldscore.score.neural.DiffusionTraining;
import org.fieldscore.score.neural.TimeConditionalScoreNetwork;
import org.fieldscore.score.sde.FisherDivergenceOverTime;
import org.fieldscore.score.sde.ScoreSde;
import org.fieldscore.score.sde.TimeConditionalModel;

/**
 * {@code type: diffusion-network} — a time-conditional score network s(x, t) = f(x, e(t))/s(t) for the forward
 * {@code sde} (keys as {@code diffusion-sampler}), trained on {@code data} by denoising score matching over t with
 * {@code weighting} {@code sigma-squared} (λ = s², default) or {@code likelihood} (λ = g²), Adam with an exponential
 * moving average of the weights ({@code ema-decay}); the average is the result. The model offers blurred scores at
 * every noise level the SDE covers, so it drives {@code annealed-langevin} and {@code diffusion-sampler}. With a
 * {@code truth} (a normal or mixture model) it reports the Fisher divergence to the exact marginal score at each of
 * the {@code times}: {@code fisher-divergence-t<k>} and its {@code -error}.
 *
 * @param header id, type, position
 * @param data the training data
 * @param sde the SDE
 * @param weighting the loss weighting
 * @param hidden hidden widths
 * @param frequencies K of the time embedding
 * @param steps Adam steps
 * @param batch batch size
 * @param learningRate Adam's α
 * @param emaDecay μ
 * @param seed seed or null
 * @param truth the true model or null
 * @param times the times of the Fisher divergence
 */
public record DiffusionNetworkStep(StepHeader header, Reference data, ScoreSde sde, String weighting,
        List<Integer> hidden, int frequencies, int steps, int batch, double learningRate, double emaDecay, Long seed,
        Reference truth, List<Double> times) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("data", "sde", "sigma-min", "sigma-max", "beta-min", "beta-max",
            "epsilon", "weighting", "hidden", "frequencies", "steps", "batch", "learning-rate", "ema-decay", "seed",
            "truth", "times");

    /** Weightings. */
    public static final List<String> WEIGHTINGS = List.of("sigma-squared", "likelihood");

    /** Copies the lists. */
    public DiffusionNetworkStep {
        hidden = List.copyOf(hidden);
        times = List.copyOf(times);
    }

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Reference data = reading.reference(body.require("data", "the id of a data or sampling step to learn from"));
        ScoreSde sde = DiffusionSamplerStep.readSde(body);
        List<Integer> hidden = ScoreNetworkStep.readHidden(body);
        List<Double> times = List.of(sde.epsilon(), 0.1, 0.3, 0.5, 0.7, 1.0);
        if (body.has("times")) {
            List<Double> t = new ArrayList<>();
            double previous = 0;
            for (ScenarioNode n : body.get("times").list(1, 100)) {
                double v = n.number();
                if (!(v >= sde.epsilon() && v <= 1)) {
                    throw n.problem("a time must be in [epsilon, 1] = [" + sde.epsilon() + ", 1], got " + v);
                }
                if (!(v > previous)) {
                    throw n.problem("times must increase, got " + v + " after " + previous);
                }
                previous = v;
                t.add(v);
            }
            times = t;
        }
        double ema = body.has("ema-decay") ? body.get("ema-decay").number() : 0.999;
        if (!(ema >= 0 && ema < 1)) {
            throw body.get("ema-decay").problem("ema-decay must be in [0, 1), got " + ema);
        }
        return new DiffusionNetworkStep(header, data, sde, body.choice("weighting", WEIGHTINGS, "sigma-squared"),
                hidden, body.integer("frequencies", 1, 64, 4), body.integer("steps", 1, 10_000_000, 2000),
                body.integer("batch", 1, 1_000_000, 128), body.positive("learning-rate", 1e-3), ema,
                body.has("seed") ? body.get("seed").longValue() : null,
                body.has("truth") ? reading.reference(body.get("truth")) : null, times);
    }

    @Override
    public List<Reference> references() {
        return truth == null ? List.of(data) : List.of(data, truth);
    }

    private long parameterCount(int d) {
        long count = 0;
        int in = d + 2 * frequencies + 1;
        for (int width : hidden) {
            count += (long) (in + 1) * width;
            in = width;
        }
        return count + (long) (in + 1) * d;
    }

    @Override
    public Plan plan(PlanContext context) {
        int d = context.samples(data, "'diffusion-network.data'").components();
        List<String> metrics = new ArrayList<>(ScoreNetworkStep.TRAINING_METRICS);
        if (truth != null) {
            context.model(truth, "'diffusion-network.truth'", ModelCapability.DRAWS);
            int dt = context.model(truth, "'diffusion-network.truth'", ModelCapability.BLURRED_SCORES).components();
            if (dt != d) {
                throw truth.problem("the true model '" + truth.id() + "' is " + dt + "-dimensional but the data '"
                        + data.id() + "' has " + d + " coordinates");
            }
            for (int k = 0; k < times.size(); k++) {
                metrics.add("fisher-divergence-t" + k);
                metrics.add("fisher-divergence-t" + k + "-error");
                metrics.add("time-t" + k);
            }
        }
        long parameters = parameterCount(d);
        return new Plan(ResultKind.MODEL, null, d, 8 * parameters, 8 * 6 * parameters,
                6.0 * parameters * batch * steps, "denoising score matching over t (" + sde.name() + ", " + weighting
                        + ") of a time-conditional network (" + parameters + " parameters) on '" + data.id() + "', "
                        + steps + " Adam steps of " + batch, metrics)
                .offering(EnumSet.of(ModelCapability.BLURRED_SCORES));
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        StepValue.Samples samples = context.samples(data);
        int d = samples.dimension();
        long s = seed != null ? seed : context.seedFor(id());
        Map<String, Double> metrics = new LinkedHashMap<>();
        TimeConditionalModel model;
        try {
            int[] widths = hidden.stream().mapToInt(Integer::intValue).toArray();
            TimeConditionalScoreNetwork initial = TimeConditionalScoreNetwork.create(sde, d, frequencies, widths, s);
            DiffusionTraining.Result trained = DiffusionTraining.train(initial, samples.points(),
                    new DiffusionTraining.Settings(weighting.equals("likelihood")
                            ? DiffusionTraining.Weighting.LIKELIHOOD : DiffusionTraining.Weighting.SIGMA_SQUARED,
                            steps, batch, learningRate, emaDecay, s ^ 0x5DEECE66DL), context.progress());
            model = new TimeConditionalModel(sde, trained.average());
            double[] losses = trained.losses();
            double tail = 0;
            int window = Math.max(1, steps / 10);
            for (int i = losses.length - window; i < losses.length; i++) {
                tail += losses[i] / window;
            }
            metrics.put("parameters", (double) initial.network().parameterCount());
            metrics.put("final-loss", tail);
            if (truth != null) {
                if (!(context.model(truth) instanceof NoiseConditionalScore blurred
                        && context.model(truth) instanceof ExactSampler sampler)) {
                    throw new IllegalStateException("'" + truth.id() + "' was validated as a model with draws");
                }
                double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
                FisherDivergence.Estimate[] f = FisherDivergenceOverTime.estimate(sde, trained.average(),
                        sde.score(blurred), sampler.draw(Math.min(samples.count(), 4000), s + 1), t, s + 2);
                for (int k = 0; k < t.length; k++) {
                    metrics.put("fisher-divergence-t" + k, f[k].value());
                    metrics.put("fisher-divergence-t" + k + "-error", f[k].standardError());
                    metrics.put("time-t" + k, t[k]);
                }
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        return new StepResult(id(), type(), new StepValue.Model(model, "time-conditional score network ("
                + sde.name() + ") trained on '" + data.id() + "'"), metrics, null, 0);
    }
}
