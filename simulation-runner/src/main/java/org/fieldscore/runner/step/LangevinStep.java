package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.score.diagnostics.ChainDiagnostics;
import org.fieldscore.score.model.ScoreModel;
import org.fieldscore.score.model.UnnormalizedModel;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.ChainSettings;
import org.fieldscore.score.sample.ChainStart;
import org.fieldscore.score.sample.EnsembleStatistics;
import org.fieldscore.score.sample.MetropolisAdjustedLangevin;
import org.fieldscore.score.sample.UnadjustedLangevin;

/**
 * {@code type: langevin} — samples with the essay's Langevin dynamics x ← x + (ε/2)S(x) + √ε z, driven by a model's
 * score ({@code model: id}) or by any vector field on a grid ({@code score: id}, e.g. S = −∇φ/T of a solved
 * potential). {@code method: mala} adds the Metropolis correction (models with a log density only). Reports the
 * acceptance rate and, over the chains, the smallest effective sample size and the largest split-R̂ of the
 * coordinates (A. Vehtari et al., Bayesian Analysis 16(2), 2021), with the sample mean and variance; with
 * {@code modes: mixture-id} also the fraction of samples in each mixture component's mode. With {@code keep:
 * statistics} only mergeable statistics of the chains are kept ({@link KeptStatistics}).
 *
 * @param header id, type, position
 * @param model the model, or null
 * @param field the score field, or null
 * @param mala whether the Metropolis correction is used
 * @param stepSize ε
 * @param settings chains, burn-in, draws, thinning (seed filled in at run time when not given)
 * @param seed the seed, or null for the derived one
 * @param start where chains start
 * @param modes a mixture model whose components define modes for the mode-fraction metrics, or null
 * @param kept the statistics kept instead of the samples ({@code keep: statistics}), or null
 */
public record LangevinStep(StepHeader header, Reference model, Reference field, boolean mala, double stepSize,
        ChainSettings settings, Long seed, ChainStart start, Reference modes, KeptStatistics kept)
        implements ChainStep {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LangevinStep.class);
    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("model", "score", "method", "step-size", "chains", "burn-in",
            "draws", "thin", "start", "seed", "modes", "keep-paths", "keep", "bins");
    /** States of a kept path that are drawn. */
    static final int PLOTTED_STATES = 300;
    private static final List<String> START_KEYS = List.of("lower", "upper", "sd");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        if (body.has("model") == body.has("score")) {
            throw header.problem("", "give either 'model' (the id of a model or fit step) or 'score' (the id of a"
                    + " vector field step used as the score)");
        }
        Reference model = body.has("model") ? reading.reference(body.get("model")) : null;
        Reference field = body.has("score") ? reading.reference(body.get("score")) : null;
        boolean mala = body.choice("method", List.of("ula", "mala"), "ula").equals("mala");
        double eps = stepSize(body);
        Long seed = body.has("seed") ? body.get("seed").longValue() : null;
        ChainSettings settings = chainSettings(header, body, KeptStatistics.requested(body));
        return new LangevinStep(header, model, field, mala, eps, settings, seed,
                start(body.get("start")), body.has("modes") ? reading.reference(body.get("modes")) : null,
                KeptStatistics.read(body, reading, settings.draws(), true));
    }

    /**
     * Checks the optional {@code modes} reference of a sampler: a mixture model whose components define the modes.
     *
     * @param modes the reference, or null
     * @param dimension the samples' dimension
     * @param context earlier plans
     * @return the metric names mode-fraction-0, … (empty without modes)
     */
    static List<String> modeMetrics(Reference modes, int dimension, PlanContext context) {
        if (modes == null) {
            return List.of();
        }
        Plan p = context.model(modes, "'modes'");
        int k = ModelStep.mixtureComponents(p);
        if (k == 0 || p.components() != dimension) {
            throw modes.problem("'modes' needs a mixture model step of dimension " + dimension + "; '" + modes.id()
                    + "' is not one");
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add("mode-fraction-" + c);
        }
        return names;
    }

    /**
     * Adds the fraction of samples attributed to each mixture component (largest responsibility).
     *
     * @param modes the mixture's reference, or null
     * @param samples row-major samples
     * @param context results so far
     * @param metrics receives mode-fraction-0, …
     */
    static void addModeFractions(Reference modes, double[] samples, RunContext context, Map<String, Double> metrics) {
        if (modes != null && context.model(modes) instanceof org.fieldscore.score.model.GaussianMixtureModel mixture) {
            double[] fractions = org.fieldscore.score.diagnostics.ModeOccupation.fractions(samples, mixture);
            for (int c = 0; c < fractions.length; c++) {
                metrics.put("mode-fraction-" + c, fractions[c]);
            }
        }
    }

    /** Reads {@code step-size}, shared by the steps that run Langevin chains. */
    static double stepSize(MapNode body) {
        return body.require("step-size", "the Langevin step ε > 0 (time step and noise variance)").positive();
    }

    /**
     * Reads {@code chains}, {@code burn-in}, {@code draws}, {@code thin} and {@code keep-paths} (the number of chains
     * whose whole path is kept for plots; the seed is filled in at run time).
     */
    static ChainSettings chainSettings(StepHeader header, MapNode body) {
        return chainSettings(header, body, false);
    }

    /**
     * As {@link #chainSettings(StepHeader, MapNode)}; when only statistics are kept, chains run block by block and
     * neither the 10 000-chain nor the 50 000 000-point limit of kept samples applies.
     */
    static ChainSettings chainSettings(StepHeader header, MapNode body, boolean statistics) {
        int chains = KeptStatistics.chains(body, statistics, 10_000, 4);
        int burnIn = body.integer("burn-in", 0, Integer.MAX_VALUE, 1000);
        int draws = body.integer("draws", 1, Integer.MAX_VALUE, 1000);
        int thin = body.integer("thin", 1, 1_000_000, 1);
        if (!statistics && (long) chains * draws > 50_000_000L) {
            throw header.problem("draws", "chains x draws = " + (long) chains * draws
                    + " points is too many to keep; valid: at most 50 000 000, or 'keep: statistics'");
        }
        int paths = body.integer("keep-paths", 0, Math.min(chains, 20), 0);
        return new ChainSettings(chains, burnIn, draws, thin, 0L, paths, ChainSettings.DEFAULT_DIVERGENCE_RADIUS);
    }

    /** Reads {@code start}: a point, {@code {lower, upper}} or {@code {sd}}; default a standard normal. */
    static ChainStart start(ScenarioNode node) {
        if (node == null) {
            return ChainStart.gaussian(1.0);
        }
        if (node.isList()) {
            return ChainStart.at(node.numbers());
        }
        MapNode m = node.map().allow(START_KEYS);
        if (m.has("sd")) {
            return ChainStart.gaussian(m.get("sd").positive());
        }
        double lower = m.require("lower", "the lower corner coordinate of the uniform start box").number();
        ScenarioNode upperNode = m.require("upper", "the upper corner coordinate, > lower");
        double upper = upperNode.number();
        if (!(upper > lower)) {
            throw upperNode.problem("must be > lower (" + lower + "), got " + upper);
        }
        return ChainStart.uniform(lower, upper);
    }

    @Override
    public List<Reference> references() {
        List<Reference> refs = new ArrayList<>(List.of(model != null ? model : field));
        if (modes != null) {
            refs.add(modes);
        }
        return refs;
    }

    @Override
    public Plan plan(PlanContext context) {
        int d;
        if (model != null) {
            Plan m = context.model(model, "'langevin.model'");
            d = m.components();
            if (!mala) {
                try {
                    UnadjustedLangevin.requireStable(stepSize, m.langevinStepBound());
                } catch (InvalidArgumentException e) {
                    throw header.problem("step-size", e.getMessage());
                }
            }
        } else {
            Plan f = context.vectorField(field, "'langevin.score'");
            d = f.grid().spaceDimension();
            if (f.components() != d || f.grid().hasTime()) {
                throw field.problem("a score field needs one component per space dimension on a space grid; '"
                        + field.id() + "' has " + f.components() + " components on " + f.grid());
            }
            if (mala) {
                throw header.problem("method", "MALA needs a log density; a score field has none. Use method: ula,"
                        + " or a model step");
            }
        }
        String summary = (mala ? "MALA" : "unadjusted Langevin") + " on " + (model != null ? "model '" + model.id()
                + "'" : "score field '" + field.id() + "'") + ", step " + stepSize + ", " + settings.chains()
                + " chains x (" + settings.burnIn() + " burn-in + " + settings.draws() + " draws)";
        double work = (double) settings.chains() * settings.stepsPerChain() * d * 20;
        if (kept != null) {
            List<String> metrics = kept.metricNames(d, modeMetrics(modes, d, context));
            return new Plan(ResultKind.SCALAR_FIELD, kept.bins(), 1, kept.resultBytes(), kept.workspaceBytes(d),
                    work, summary + ", statistics kept", metrics);
        }
        long points = (long) settings.chains() * settings.draws();
        List<String> metrics = new ArrayList<>(DataStep.metricNames(d));
        metrics.addAll(List.of("acceptance-rate", "ess-min", "rhat-max"));
        metrics.addAll(modeMetrics(modes, d, context));
        return new Plan(ResultKind.SAMPLES, null, d, 8 * points * d, 8 * points * d, work, summary, metrics);
    }

    @Override
    public int ensembleSize() {
        return settings.chains();
    }

    @Override
    public int dimension(RunContext context) {
        return model != null ? context.model(model).dimension() : context.vector(field).components();
    }

    @Override
    public EnsembleStatistics.ChainBlocks sampler(RunContext context, ProgressListener listener) {
        long s = seed != null ? seed : context.seedFor(id());
        ScoreModel score = model != null ? context.model(model) : ScoreModel.of(context.vector(field));
        if (mala && !(score instanceof UnnormalizedModel)) {
            throw new IllegalArgumentException("MALA needs a model with a log density");
        }
        return (first, count) -> {
            int recorded = Math.max(0, Math.min(settings.recordedChains(), first + count) - first);
            ChainSettings cs = new ChainSettings(count, settings.burnIn(), settings.draws(), settings.thin(), s,
                    recorded, settings.divergenceRadius());
            return mala ? new MetropolisAdjustedLangevin((UnnormalizedModel) score, stepSize).run(cs, first, start,
                    listener) : new UnadjustedLangevin(score, stepSize).run(cs, first, start, listener);
        };
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        ChainSamples samples;
        try {
            if (kept != null) {
                return kept.result(id(), type(), summariseAllChains(context), modes);
            }
            samples = runAllChains(context);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        int d = samples.dimension();
        StepValue.Samples value = new StepValue.Samples(d, samples.copyValues(), DataStep.axisNames(d),
                planarPaths(samples));
        Map<String, Double> metrics = DataStep.metrics(value);
        metrics.put("acceptance-rate", samples.acceptanceRate());
        ChainDiagnostics diagnostics = ChainDiagnostics.of(samples);
        metrics.put("ess-min", diagnostics.essMin());
        metrics.put("rhat-max", diagnostics.rhatMax());
        addModeFractions(modes, value.points(), context, metrics);
        MixingCheck.warning(metrics).ifPresent(w -> LOG.warn("step '{}': {}", id(), w));
        return new StepResult(id(), type(), value, metrics, null, 0);
    }

    /**
     * The recorded chains' first {@value #PLOTTED_STATES} states (the way in from the start, which a plot can still
     * show) in their first two coordinates (one coordinate twice in 1-D).
     */
    private static List<double[]> planarPaths(ChainSamples samples) {
        return planarPaths(samples, 1);
    }

    /**
     * Every {@code stride}-th recorded state, at most {@value #PLOTTED_STATES} of them from the start, in the first
     * two coordinates.
     *
     * @param samples the samples with recorded chains
     * @param stride the spacing of the plotted states, ≥ 1
     * @return one planar path per recorded chain
     */
    static List<double[]> planarPaths(ChainSamples samples, int stride) {
        List<double[]> paths = new java.util.ArrayList<>();
        int d = samples.dimension();
        for (int c = 0; c < samples.recordedChains(); c++) {
            double[] path = samples.trajectory(c);
            int states = path.length / d;
            int steps = Math.min((states + stride - 1) / stride, PLOTTED_STATES);
            double[] xy = new double[2 * steps];
            for (int k = 0; k < steps; k++) {
                int state = Math.min(states - 1, k * stride);
                xy[2 * k] = path[state * d];
                xy[2 * k + 1] = path[state * d + Math.min(1, d - 1)];
            }
            paths.add(xy);
        }
        return paths;
    }
}
