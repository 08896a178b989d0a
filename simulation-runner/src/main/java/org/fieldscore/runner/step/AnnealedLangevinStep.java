package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.pde.diffusion.HeatKernelSmoothing;
import org.fieldscore.pde.fokkerplanck.FokkerPlanckProblem;
import org.fieldscore.pde.fokkerplanck.OrnsteinUhlenbeckMarginals;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.score.model.GridNoiseConditionalScore;
import org.fieldscore.score.model.NoiseConditionalScore;
import org.fieldscore.score.model.ScoreModel;
import org.fieldscore.score.model.UnnormalizedModel;
import org.fieldscore.score.sample.AnnealedLangevin;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.ChainStart;
import org.fieldscore.score.sample.EnsembleStatistics;

/**
 * {@code type: annealed-langevin} — annealed Langevin dynamics (Y. Song and S. Ermon, NeurIPS 2019): chains walk
 * through noise levels σ from {@code sigma-max} down to {@code sigma-min} (geometric schedule, {@code levels}
 * levels, {@code steps-per-level} steps each) with the score of the model blurred by N(0, σ²I); large early noise
 * lets chains cross between modes, so mode weights are respected. The model must be a normal or a Gaussian mixture
 * (whose blurred scores are known in closed form) or a noise-conditional {@code score-network}
 * ({@link org.fieldscore.score.neural.NoiseConditionalNetworkModel}) — or, with {@code grid}, any model with a log
 * density (a formula model): its density on that grid is blurred exactly by the heat equation at every level
 * ({@link HeatKernelSmoothing}) and the scores are the field gradients of the logs, of accuracy {@code order} 2 or 4
 * ({@link GridNoiseConditionalScore}). With {@code grid}, {@code data} (a data or sampling step) may take the place of
 * {@code model}: the initial density is then the histogram of its points on the grid's cells
 * ({@link GridNoiseConditionalScore#histogramOnGrid}), blurred the same way. {@code noising: ornstein-uhlenbeck}
 * takes the levels from the VP route instead, the Ornstein–Uhlenbeck Fokker–Planck solve at u = ln(1 + σ²)
 * ({@link OrnsteinUhlenbeckMarginals}; a cell-centred grid), and {@code noising: heat} (the default) names the heat
 * route. The result is each chain's final state; metrics are the sample means and
 * variances and, with {@code modes: mixture-id}, the fraction of samples in each mode; with {@code keep: statistics}
 * only mergeable statistics of the chains are kept ({@link KeptStatistics}).
 *
 * @param header id, type, position
 * @param model the model (normal or mixture), or null with {@code data}
 * @param sigmaMax σ₁
 * @param sigmaMin σ<sub>L</sub>
 * @param levels L
 * @param stepSize ε, the step at σ<sub>L</sub>
 * @param stepsPerLevel T
 * @param chains number of chains (= samples)
 * @param seed the seed, or null for the derived one
 * @param start where chains start
 * @param modes a mixture model defining the modes, or null
 * @param grid the grid of the exact noised scores by the heat equation, or null for the model's own blurred scores
 * @param order the accuracy order of the grid scores' gradient
 * @param gridNode where the grid is declared (null without one)
 * @param data the data whose histogram on the grid is the initial density, or null with {@code model}
 * @param noising the route to the noised levels on the grid: {@code heat} or {@code ornstein-uhlenbeck}
 * @param kept the statistics kept instead of the samples ({@code keep: statistics}), or null
 */
public record AnnealedLangevinStep(StepHeader header, Reference model, double sigmaMax, double sigmaMin, int levels,
        double stepSize, int stepsPerLevel, int chains, Long seed, ChainStart start, Reference modes, Grid grid,
        int order, ScenarioNode gridNode, Reference data, String noising, KeptStatistics kept) implements ChainStep {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("model", "data", "sigma-max", "sigma-min", "levels", "step-size",
            "steps-per-level", "chains", "start", "seed", "modes", "grid", "order", "noising", "keep", "bins");
    /** The routes to the noised levels on a grid: the heat equation (VE) or the OU Fokker–Planck equation (VP). */
    public static final List<String> NOISINGS = List.of("heat", "ornstein-uhlenbeck");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Reference data = null;
        Reference model = null;
        if (body.has("data")) {
            if (body.has("model")) {
                throw body.get("data").problem("'data' and 'model' exclude each other: give 'model' for a model's"
                        + " density, or 'data' with a 'grid' for the histogram of data");
            }
            if (!body.has("grid")) {
                throw body.get("data").problem("'data' needs a 'grid': the histogram of the data on its cells is the"
                        + " density that is blurred");
            }
            data = reading.reference(body.get("data"));
        } else {
            model = reading.reference(body.require("model", "the id of a model or fit step (normal or mixture), or"
                    + " 'data' with a 'grid'"));
        }
        double max = body.require("sigma-max", "the largest noise level, about the distance between modes")
                .positive();
        ScenarioNode minNode = body.require("sigma-min", "the smallest noise level, small against the target's"
                + " scale");
        double min = minNode.positive();
        if (!(min < max)) {
            throw minNode.problem("sigma-min must be below sigma-max (" + max + "), got " + min);
        }
        ScenarioNode gridNode = body.has("grid") ? body.get("grid") : null;
        Grid grid = gridNode == null ? null : reading.grid(gridNode);
        String noising = body.choice("noising", NOISINGS, "heat");
        if (grid != null) {
            if (noising.equals("ornstein-uhlenbeck")) {
                try {
                    FokkerPlanckProblem.requireGrid(grid);
                } catch (InvalidArgumentException e) {
                    throw gridNode.problem(e.getMessage() + " (for 'noising: ornstein-uhlenbeck')");
                }
            }
            try {
                // the OU marginal of level σ is the level shrunk by m = (1 + σ²)^(−½): its blur is σ·m
                double blur = noising.equals("heat") ? min : min / Math.sqrt(1 + min * min);
                HeatKernelSmoothing.requireResolved(grid, blur);
            } catch (InvalidArgumentException e) {
                throw minNode.problem(e.getMessage());
            }
        } else {
            for (String key : List.of("order", "noising")) {
                if (body.has(key)) {
                    throw body.get(key).problem("'" + key + "' belongs to the exact noised scores on a 'grid'");
                }
            }
        }
        int order = body.integer("order", 2, 4, 2);
        if (order != 2 && order != 4) {
            throw body.get("order").problem("order must be 2 or 4, got " + order);
        }
        return new AnnealedLangevinStep(header, model, max, min, body.integer("levels", 1, 1000, 10),
                LangevinStep.stepSize(body), body.integer("steps-per-level", 1, 1_000_000, 100),
                KeptStatistics.chains(body, KeptStatistics.requested(body), 10_000_000, 1000),
                body.has("seed") ? body.get("seed").longValue() : null, LangevinStep.start(body.get("start")),
                body.has("modes") ? reading.reference(body.get("modes")) : null, grid, order, gridNode, data, noising,
                KeptStatistics.read(body, reading, 1, false));
    }

    @Override
    public List<Reference> references() {
        List<Reference> refs = new ArrayList<>();
        refs.add(data != null ? data : model);
        if (modes != null) {
            refs.add(modes);
        }
        return refs;
    }

    /** @return the density's source: the model, or the data of the histogram */
    private Reference source() {
        return data != null ? data : model;
    }

    @Override
    public Plan plan(PlanContext context) {
        Plan target = data != null ? context.samples(data, "'annealed-langevin.data'")
                : context.model(model, "'annealed-langevin.model'");
        int d = target.components();
        long bytes = 8L * chains * d;
        long workspace = bytes;
        if (data != null) {
            if (grid.spaceDimension() != d || grid.hasTime()) {
                throw gridNode.problem("the data '" + data.id() + "' have " + d + " coordinates; the grid must be a "
                        + d + "-D space grid, got " + grid);
            }
            workspace += 8L * grid.pointCount() * ((long) levels * (d + 3) + 2 + d);
        } else if (grid != null) {
            if (ScoreNetworkStep.isNetwork(target)) {
                throw model.problem("'" + model.id() + "' is a score network, which has no log density to blur on"
                        + " the grid; drop 'grid' to use its own noise-conditional scores");
            }
            if (grid.spaceDimension() != d || grid.hasTime()) {
                throw gridNode.problem("the model '" + model.id() + "' is " + d + "-dimensional; the grid must be a "
                        + d + "-D space grid, got " + grid);
            }
            // per level the density, its log, log-gradient (d components) and Laplacian; plus p₀, its log and points
            workspace += 8L * grid.pointCount() * ((long) levels * (d + 3) + 2 + d);
        } else {
            if (ScoreNetworkStep.isSingleLevelNetwork(target)) {
                throw model.problem("'" + model.id() + "' is a score network trained at one noise level; annealed"
                        + " Langevin needs the score at every level: train it with 'objective: noise-conditional'");
            }
            context.model(model, "'annealed-langevin.model'", ModelCapability.BLURRED_SCORES);
        }
        double work = 20.0 * d * chains * levels * stepsPerLevel
                + (grid == null ? 0 : 2.0 * levels * grid.pointCount() * maxAxis(grid));
        String summary = "annealed Langevin on '" + source().id() + "'" + (data != null ? " (histogram)" : "")
                + ", sigma " + sigmaMax + " to " + sigmaMin + " in " + levels + " levels x " + stepsPerLevel
                + " steps, " + chains + " chains";
        List<String> modeMetrics = LangevinStep.modeMetrics(modes, d, context);
        if (kept != null) {
            return new Plan(ResultKind.SCALAR_FIELD, kept.bins(), 1, kept.resultBytes(),
                    workspace - bytes + kept.workspaceBytes(d), work, summary + ", statistics kept",
                    kept.metricNames(d, modeMetrics));
        }
        List<String> metrics = new ArrayList<>(DataStep.metricNames(d));
        metrics.addAll(modeMetrics);
        return new Plan(ResultKind.SAMPLES, null, d, bytes, workspace, work, summary, metrics);
    }

    private static int maxAxis(Grid grid) {
        int n = 0;
        for (int a = 0; a < grid.spaceDimension(); a++) {
            n = Math.max(n, grid.size(a));
        }
        return n;
    }

    /**
     * The exact noised scores of a model's density on a grid: the heat-kernel solve at the levels, then the field
     * gradients of the logs (shared with {@code score-field}'s {@code noise}).
     *
     * @param density the model
     * @param grid the grid
     * @param sigmas the levels
     * @param order 2 or 4
     * @return the grid scores
     */
    static GridNoiseConditionalScore gridScores(UnnormalizedModel density, Grid grid, double[] sigmas, int order) {
        return blurredOnGrid(GridNoiseConditionalScore.densityOnGrid(density, grid), sigmas, order);
    }

    /** @return the exact noised scores of a density on a grid: the heat-kernel levels and their log-gradients */
    private static GridNoiseConditionalScore blurredOnGrid(SampledScalarField p0, double[] sigmas, int order) {
        return new GridNoiseConditionalScore(p0, sigmas, HeatKernelSmoothing.solve(p0, sigmas), order);
    }

    /** @return the exact noised scores of p₀ at this step's levels by its noising route */
    private GridNoiseConditionalScore noised(SampledScalarField p0) {
        double[] sigmas = AnnealedLangevin.geometricSchedule(sigmaMax, sigmaMin, levels);
        return noising.equals("heat") ? blurredOnGrid(p0, sigmas, order)
                : GridNoiseConditionalScore.fromOrnsteinUhlenbeck(p0, sigmas, OrnsteinUhlenbeckMarginals.solve(p0,
                        sigmas), order);
    }

    private NoiseConditionalScore gridScores(ScoreModel m) {
        if (!(m instanceof UnnormalizedModel density)) {
            throw new IllegalStateException("'" + model.id() + "' was validated as a model with a log density");
        }
        return noised(GridNoiseConditionalScore.densityOnGrid(density, grid));
    }

    @Override
    public int ensembleSize() {
        return chains;
    }

    @Override
    public int dimension(RunContext context) {
        return data != null ? context.samples(data).dimension() : context.model(model).dimension();
    }

    @Override
    public EnsembleStatistics.ChainBlocks sampler(RunContext context, ProgressListener listener) {
        NoiseConditionalScore blurred;
        if (data != null) {
            blurred = noised(GridNoiseConditionalScore.histogramOnGrid(context.samples(data).points(), grid));
        } else if (grid != null) {
            ScoreModel target = context.model(model);
            blurred = gridScores(target);
        } else if (context.model(model) instanceof NoiseConditionalScore b) {
            blurred = b;
        } else {
            throw new IllegalStateException("'" + model.id() + "' was validated as a model with blurred scores");
        }
        AnnealedLangevin sampler = new AnnealedLangevin(blurred, sigmaMax, sigmaMin, levels, stepSize, stepsPerLevel);
        long s = seed != null ? seed : context.seedFor(id());
        return (first, count) -> sampler.run(count, first, s, 0, start, listener);
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
        StepValue.Samples value = new StepValue.Samples(d, samples.copyValues(), DataStep.axisNames(d));
        Map<String, Double> metrics = DataStep.metrics(value);
        LangevinStep.addModeFractions(modes, value.points(), context, metrics);
        return new StepResult(id(), type(), value, metrics, null, 0);
    }
}
