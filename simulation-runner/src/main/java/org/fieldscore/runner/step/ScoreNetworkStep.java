package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.score.estimate.FisherDivergence;
import org.fieldscore.score.model.ScoreModel;
import org.fieldscore.score.neural.MlpScoreNetwork;
import org.fieldscore.score.neural.NoiseConditionalNetworkModel;
import org.fieldscore.score.neural.ScoreNetworkTrainer;
import org.fieldscore.score.neural.TrainingSettings;

/**
 * {@code type: score-network} — learns a score s<sub>θ</sub>(x) from data with a small multilayer perceptron
 * (softplus hidden layers {@code hidden}, Adam with {@code learning-rate}, {@code steps} steps of {@code batch}
 * points drawn with replacement). The {@code objective}:
 *
 * <ul>
 *   <li>{@code sliced-vr} (default) — sliced score matching with the variance-reduced term, E[vᵀ∇(vᵀs) + ½‖s‖²]
 *       (Y. Song, S. Garg, J. Shi and S. Ermon, UAI 2019, eq. 8); the minimiser is the data score;</li>
 *   <li>{@code sliced} — the same with ½(vᵀs)² (eq. 7);</li>
 *   <li>{@code denoising} — denoising score matching at one {@code noise: σ}, E½‖s(x + σz) + z/σ‖² (P. Vincent,
 *       Neural Computation 23, 2011); the minimiser is the score of p ∗ N(0, σ²I);</li>
 *   <li>{@code noise-conditional} — a network s(x, σ) = f(x, log σ)/σ trained by denoising over the geometric
 *       levels from {@code sigma-max} to {@code sigma-min} ({@code levels} of them, the keys of
 *       {@code annealed-langevin}) with weight σ² (Y. Song and S. Ermon, NeurIPS 2019, eq. 6). It can drive
 *       {@code annealed-langevin}; everywhere else it is used at σ = {@code sigma-min}.</li>
 * </ul>
 *
 * The result is a model usable wherever a model step is ({@code score-field} with the score or its divergence,
 * {@code langevin}, comparisons). Metrics: {@code parameters}, {@code final-loss} (the mean batch loss over the last
 * tenth of the steps), for a noise-conditional network its {@code sigma-max}, {@code sigma-min} and
 * {@code noise-levels}, and, with {@code truth: model-id}, {@code fisher-divergence} ½E<sub>p</sub>‖s<sub>θ</sub> −
 * S<sub>p</sub>‖² over the training data with its {@code fisher-divergence-error} (Monte-Carlo standard error).
 *
 * @param header id, type, position
 * @param data the training data
 * @param hidden hidden layer widths
 * @param objective the objective's name
 * @param sigmaMax σ of {@code denoising}, the largest level of {@code noise-conditional}, 1 otherwise
 * @param sigmaMin the smallest level of {@code noise-conditional}, σ<sub>max</sub> otherwise
 * @param levels the number of levels of {@code noise-conditional}, 1 otherwise
 * @param steps Adam steps
 * @param batch batch size
 * @param learningRate Adam's step α
 * @param seed the seed of initialisation and training, or null for the derived one
 * @param truth the true model, or null
 */
public record ScoreNetworkStep(StepHeader header, Reference data, List<Integer> hidden, String objective, double sigmaMax,
        double sigmaMin, int levels, int steps, int batch, double learningRate, Long seed, Reference truth)
        implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("data", "hidden", "objective", "noise", "sigma-max",
            "sigma-min", "levels", "steps", "batch", "learning-rate", "seed", "truth");
    private static final List<String> LEVEL_KEYS = List.of("sigma-max", "sigma-min", "levels");
    /** Objectives. */
    public static final List<String> OBJECTIVES = List.of("sliced-vr", "sliced", "denoising", "noise-conditional");
    /** Metrics of every trained network. */
    static final List<String> TRAINING_METRICS = List.of("parameters", "final-loss");
    /** Metrics of a noise-conditional network: its trained noise range. */
    static final List<String> NOISE_METRICS = List.of("sigma-max", "sigma-min", "noise-levels");

    /** Copies the widths. */
    public ScoreNetworkStep {
        hidden = List.copyOf(hidden);
    }

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Reference data = reading.reference(body.require("data", "the id of a data or sampling step to learn from"));
        List<Integer> hidden = readHidden(body);
        String objective = body.choice("objective", OBJECTIVES, "sliced-vr");
        double max = 1;
        double min = 1;
        int levels = 1;
        if (!objective.equals("denoising") && body.has("noise")) {
            throw body.get("noise").problem("'noise' belongs to 'objective: denoising'"
                    + (objective.equals("noise-conditional") ? "; give 'sigma-max', 'sigma-min' and 'levels'"
                            : "; sliced score matching uses the data as they are"));
        }
        if (!objective.equals("noise-conditional")) {
            for (String k : LEVEL_KEYS) {
                if (body.has(k)) {
                    throw body.get(k).problem("'" + k + "' belongs to 'objective: noise-conditional'");
                }
            }
        }
        if (objective.equals("denoising")) {
            max = body.require("noise", "the noise standard deviation sigma of denoising score matching, e.g. 0.1")
                    .positive();
            min = max;
        } else if (objective.equals("noise-conditional")) {
            max = body.require("sigma-max", "the largest noise level, about the distance between modes").positive();
            ScenarioNode minNode = body.require("sigma-min", "the smallest noise level, small against the data's"
                    + " scale");
            min = minNode.positive();
            if (!(min < max)) {
                throw minNode.problem("sigma-min must be below sigma-max (" + max + "), got " + min);
            }
            levels = body.integer("levels", 2, 1000, 10);
        }
        return new ScoreNetworkStep(header, data, hidden, objective, max, min, levels,
                body.integer("steps", 1, 10_000_000, 2000), body.integer("batch", 1, 1_000_000, 128),
                body.positive("learning-rate", 1e-3), body.has("seed") ? body.get("seed").longValue() : null,
                body.has("truth") ? reading.reference(body.get("truth")) : null);
    }

    /**
     * @param body the step
     * @return the {@code hidden} layer widths (1 to 8 layers of 1 to 4096 units; default [64, 64])
     */
    static List<Integer> readHidden(MapNode body) {
        if (!body.has("hidden")) {
            return List.of(64, 64);
        }
        List<Integer> widths = new ArrayList<>();
        for (ScenarioNode width : body.get("hidden").list(1, 8)) {
            widths.add(width.integer(1, 4096));
        }
        return widths;
    }

    @Override
    public List<Reference> references() {
        return truth == null ? List.of(data) : List.of(data, truth);
    }

    @Override
    public Plan plan(PlanContext context) {
        int d = context.samples(data, "'score-network.data'").components();
        if (truth != null) {
            int dt = context.model(truth, "'score-network.truth'").components();
            if (dt != d) {
                throw truth.problem("the true model '" + truth.id() + "' is " + dt + "-dimensional but the data '"
                        + data.id() + "' has " + d + " coordinates");
            }
        }
        List<String> metrics = new ArrayList<>(TRAINING_METRICS);
        if (conditional()) {
            metrics.addAll(NOISE_METRICS);
        }
        if (truth != null) {
            metrics.addAll(List.of("fisher-divergence", "fisher-divergence-error"));
        }
        long parameters = parameterCount(d);
        boolean tangent = objective.startsWith("sliced");
        double work = 6.0 * (tangent ? 2 : 1) * parameters * batch * steps;
        Plan plan = new Plan(ResultKind.MODEL, null, d, 8 * parameters, 8 * 4 * parameters, work,
                objective + " score matching of a " + layerText(d) + " network (" + parameters + " parameters) on '"
                        + data.id() + "', " + steps + " Adam steps of " + batch
                        + (truth != null ? ", Fisher divergence to '" + truth.id() + "'" : ""), metrics);
        return conditional() ? plan.offering(java.util.EnumSet.of(ModelCapability.BLURRED_SCORES)) : plan;
    }

    /**
     * @param plan the plan of a model-producing step
     * @return whether it is a score network (a model without a log density)
     */
    static boolean isNetwork(Plan plan) {
        return plan.metrics().containsAll(TRAINING_METRICS);
    }

    /**
     * @param plan the plan of a model-producing step
     * @return whether it is a score network trained at one noise level only (one that cannot drive annealed
     *     Langevin dynamics)
     */
    static boolean isSingleLevelNetwork(Plan plan) {
        return isNetwork(plan) && !plan.capabilities().contains(ModelCapability.BLURRED_SCORES);
    }

    private boolean conditional() {
        return objective.equals("noise-conditional");
    }

    private long parameterCount(int d) {
        long count = 0;
        int in = d + (conditional() ? 1 : 0);
        for (int width : hidden) {
            count += (long) (in + 1) * width;
            in = width;
        }
        return count + (long) (in + 1) * d;
    }

    private String layerText(int d) {
        StringBuilder s = new StringBuilder().append(d + (conditional() ? 1 : 0));
        for (int width : hidden) {
            s.append('-').append(width);
        }
        return s.append('-').append(d).toString();
    }

    private TrainingSettings settings(long s) {
        return switch (objective) {
            case "sliced-vr" -> TrainingSettings.sliced(true, steps, batch, learningRate, s);
            case "sliced" -> TrainingSettings.sliced(false, steps, batch, learningRate, s);
            case "denoising" -> TrainingSettings.denoising(sigmaMax, steps, batch, learningRate, s);
            default -> TrainingSettings.noiseConditional(sigmaMax, sigmaMin, levels, steps, batch, learningRate, s);
        };
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        StepValue.Samples samples = context.samples(data);
        int d = samples.dimension();
        long s = seed != null ? seed : context.seedFor(id());
        ScoreModel model;
        Map<String, Double> metrics = new LinkedHashMap<>();
        try {
            int[] widths = hidden.stream().mapToInt(Integer::intValue).toArray();
            MlpScoreNetwork initial = conditional() ? MlpScoreNetwork.createNoiseConditional(d, widths, s)
                    : MlpScoreNetwork.create(d, widths, s);
            // the initialisation and the training streams must differ: one seed for both would correlate them
            ScoreNetworkTrainer.Result trained = ScoreNetworkTrainer.train(initial, samples.points(),
                    settings(s ^ 0x5DEECE66DL), context.progress());
            model = conditional() ? new NoiseConditionalNetworkModel(trained.network(), sigmaMin)
                    : trained.network();
            metrics.put("parameters", (double) initial.parameterCount());
            metrics.put("final-loss", trained.finalLoss(Math.max(1, steps / 10)));
            if (conditional()) {
                metrics.put("sigma-max", sigmaMax);
                metrics.put("sigma-min", sigmaMin);
                metrics.put("noise-levels", (double) levels);
            }
            if (truth != null) {
                FisherDivergence.Estimate f = FisherDivergence.monteCarlo(model, context.model(truth),
                        samples.points());
                metrics.put("fisher-divergence", f.value());
                metrics.put("fisher-divergence-error", f.standardError());
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        return new StepResult(id(), type(), new StepValue.Model(model, objective + " score network "
                + layerText(d) + " trained on '" + data.id() + "'"), metrics, null, 0);
    }
}
