package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.pde.NotConvergedException;
import org.fieldscore.pde.fokkerplanck.FokkerPlanckMethod;
import org.fieldscore.pde.fokkerplanck.FokkerPlanckProblem;
import org.fieldscore.pde.fokkerplanck.FokkerPlanckSolver;
import org.fieldscore.pde.fokkerplanck.SpectralGap;
import org.fieldscore.pde.fokkerplanck.StationaryDensity;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.runner.output.fit.LogLogFit;
import org.fieldscore.runner.output.plot.Figure;
import org.fieldscore.runner.output.plot.LinePlot;
import org.fieldscore.runner.output.plot.PanelFigure;
import org.fieldscore.score.bridge.LangevinVsDensity;
import org.fieldscore.score.model.ScoreModel;
import org.fieldscore.score.model.UnnormalizedModel;
import org.fieldscore.score.sample.ChainStart;
import org.fieldscore.score.sample.UnadjustedLangevin;

/**
 * {@code type: langevin-vs-fokker-planck} — Langevin chains against the Fokker–Planck density they follow. N chains
 * start from N(μ, sd²I) and move by x ← x + (ε/2)S + √ε z on a model's score (ULA or MALA); the Fokker–Planck
 * equation ∂p/∂t = −∇·(½S p) + ½∇²p is solved (Crank–Nicolson, {@link FokkerPlanckStep#langevin}) from the same
 * Gaussian on a cell-centred grid, and at {@code snapshots} times m·{@code snapshot-interval} the chains' histogram
 * is compared with it ({@link LangevinVsDensity}). Also: the directly solved stationary state against exp(log q)/Z;
 * the spectral gap λ₁ against the chains' relaxation (the decay rate of their mean x over the later two thirds of
 * the snapshots, the same rate of the solved density's mean, and with {@code autocorrelation-draws} the rate
 * 2/τ<sub>int</sub> from the integrated autocorrelation time of x at stationarity); with {@code bias-step-sizes},
 * ULA's O(ε) bias: chains at each ε against the density at the last snapshot.
 *
 * <p>Metrics: {@code sampling-ratio} (largest distance over the snapshots in units of the expected sampling
 * distance), {@code sampling-ratio-1} …, {@code stationary-vs-boltzmann}, {@code spectral-gap},
 * {@code mean-relaxation-rate}, {@code density-relaxation-rate}, {@code autocorrelation-rate} and each divided by
 * λ₁ ({@code relaxation-ratio}, {@code density-relaxation-ratio}, {@code autocorrelation-ratio}),
 * {@code bias-ratio-k}, {@code bias-l2-k} (the L2 distance with its expected sampling part removed,
 * {@link LangevinVsDensity.Snapshot#bias}) and {@code bias-slope} (log-log slope of bias-l2 against ε; 1 for an
 * O(ε) bias), {@code lost-fraction}. The result is two pictures:
 * density and histogram side by side at the first, middle and last snapshot, and the relaxation of the mean.
 *
 * @param header id, type, position
 * @param grid the cell-centred grid (the histogram's bins and the solver's cells)
 * @param model the model
 * @param mala whether the chains are MALA
 * @param stepSize ε
 * @param chains N
 * @param startMean μ
 * @param startSd sd
 * @param interval time between snapshots (a whole number of steps ε)
 * @param snapshots number of snapshots
 * @param pdeStep the solver's time step (shrunk to divide the interval)
 * @param biasStepSizes ULA steps for the bias study (empty for none)
 * @param biasChains chains per step of the bias study (large steps are cheap, and the bias is small)
 * @param autocorrelationDraws draws per chain for the autocorrelation time (0 for none)
 * @param seed the seed, or null for the derived one
 */
public record LangevinFokkerPlanckStep(StepHeader header, Grid grid, Reference model, boolean mala, double stepSize,
        int chains, double[] startMean, double startSd, double interval, int snapshots, double pdeStep,
        double[] biasStepSizes, int biasChains, int autocorrelationDraws, Long seed) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("grid", "model", "method", "step-size", "chains", "start",
            "snapshot-interval", "snapshots", "pde-time-step", "bias-step-sizes", "bias-chains", "autocorrelation-draws",
            "seed");
    private static final List<String> START_KEYS = List.of("mean", "sd");
    /** Chains of the autocorrelation run. */
    static final int AUTOCORRELATION_CHAINS = 16;

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Grid grid = reading.grid(body.require("grid", "the name of a cell-centred grid under 'grids:' or an inline"
                + " grid"));
        int d = grid.spaceDimension();
        Reference model = reading.reference(body.require("model", "the id of a model step (its score drives the"
                + " chains and the drift)"));
        boolean mala = body.choice("method", List.of("ula", "mala"), "ula").equals("mala");
        double eps = LangevinStep.stepSize(body);
        double[] mean = new double[d];
        double sd = 1;
        if (body.has("start")) {
            MapNode start = body.get("start").map().allow(START_KEYS);
            if (start.has("mean")) {
                mean = start.get("mean").numbers(d);
            }
            sd = start.positive("sd", 1);
        }
        ScenarioNode intervalNode = body.require("snapshot-interval", "the time between snapshots, a whole number"
                + " of Langevin steps");
        double interval = intervalNode.positive();
        requireWholeSteps(intervalNode, interval, eps, "step-size");
        int m = body.integer("snapshots", 1, 200, 3);
        double pdeStep = body.positive("pde-time-step", interval / 20);
        double[] bias = new double[0];
        if (body.has("bias-step-sizes")) {
            ScenarioNode node = body.get("bias-step-sizes");
            List<ScenarioNode> items = node.list(2, 10);
            bias = new double[items.size()];
            for (int i = 0; i < bias.length; i++) {
                bias[i] = items.get(i).positive();
                requireWholeSteps(items.get(i), m * interval, bias[i], "bias-step-sizes");
            }
        }
        return new LangevinFokkerPlanckStep(header, grid, model, mala, eps,
                body.integer("chains", 10, 1_000_000, 10_000), mean, sd, interval, m, pdeStep, bias,
                body.integer("bias-chains", 10, 1_000_000, 40_000),
                body.integer("autocorrelation-draws", 0, 1_000_000, 0),
                body.has("seed") ? body.get("seed").longValue() : null);
    }

    private static void requireWholeSteps(ScenarioNode node, double time, double eps, String what) {
        double steps = time / eps;
        if (Math.abs(steps - Math.rint(steps)) > 1e-9 * steps || Math.rint(steps) < 1) {
            throw node.problem("the time " + time + " is not a whole number of Langevin steps " + eps + " ("
                    + what + "); valid: a time that is a multiple of the step");
        }
    }

    @Override
    public List<Reference> references() {
        return List.of(model);
    }

    @Override
    public Plan plan(PlanContext context) {
        FokkerPlanckStep.requireGrid(header, grid);
        Plan m = context.model(model, "'langevin-vs-fokker-planck.model'");
        int d = grid.spaceDimension();
        if (m.components() != d) {
            throw model.problem("the model is " + m.components() + "-D but the grid is " + d + "-D; valid: a"
                    + " model of the grid's dimension (chains and density must live in the same space)");
        }
        try {
            if (!mala) {
                UnadjustedLangevin.requireStable(stepSize, m.langevinStepBound());
            }
            for (double e : biasStepSizes) {
                UnadjustedLangevin.requireStable(e, m.langevinStepBound());
            }
        } catch (InvalidArgumentException e) {
            throw header.problem(mala ? "bias-step-sizes" : "step-size", e.getMessage());
        }
        long densities = 8L * grid.pointCount() * (2L * snapshots + 2);
        long chainBytes = 8L * Math.max(chains * (long) snapshots, biasStepSizes.length > 0 ? biasChains : 0) * d;
        long workspace = FokkerPlanckSolver.workingBytes(grid, true, false) + densities + chainBytes;
        double steps = snapshots * interval / stepSize;
        double work = chains * steps * d * 20.0 + biasChains * steps * d * 20.0 * biasStepSizes.length
                + grid.pointCount() * (snapshots * interval / pdeStep) * 400.0 * d;
        List<String> metrics = new ArrayList<>(List.of("sampling-ratio", "lost-fraction", "stationary-vs-boltzmann",
                "stationary-residual", "spectral-gap", "mean-relaxation-rate", "density-relaxation-rate",
                "relaxation-ratio", "density-relaxation-ratio"));
        for (int k = 1; k <= snapshots; k++) {
            metrics.add("sampling-ratio-" + k);
        }
        if (autocorrelationDraws > 0) {
            metrics.add("autocorrelation-rate");
            metrics.add("autocorrelation-ratio");
        }
        for (int k = 1; k <= biasStepSizes.length; k++) {
            metrics.add("bias-ratio-" + k);
            metrics.add("bias-l2-" + k);
        }
        if (biasStepSizes.length > 0) {
            metrics.add("bias-slope");
        }
        return new Plan(ResultKind.VALUES, null, 1, densities, workspace, work, chains + " " + (mala ? "MALA"
                : "ULA") + " chains (step " + stepSize + ") on model '" + model.id() + "' vs the Fokker-Planck"
                + " density on " + grid + ", " + snapshots + " snapshots every " + interval, metrics);
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        long s = seed != null ? seed : context.seedFor(id());
        ScoreModel score = context.model(model);
        int d = grid.spaceDimension();
        Map<String, Double> metrics = new LinkedHashMap<>();
        try {
            FokkerPlanckProblem problem = FokkerPlanckStep.langevin(grid, score, FokkerPlanckStep.LANGEVIN_DIFFUSIVITY)
                    .initial(startDensity()).build();
            int stepsPerSnapshot = (int) Math.ceil(interval / pdeStep - 1e-9);
            List<SampledScalarField> densities = new ArrayList<>();
            FokkerPlanckSolver.of(FokkerPlanckMethod.CRANK_NICOLSON).timeStep(interval / stepsPerSnapshot)
                    .progress(context.progress())
                    .observer(state -> {
                        if (state.step() > 0 && state.step() % stepsPerSnapshot == 0) {
                            densities.add(state.density());
                        }
                    })
                    .run(problem, snapshots * interval);
            ChainStart start = ChainStart.gaussian(startMean, startSd);
            LangevinVsDensity bridge = new LangevinVsDensity(score, mala ? LangevinVsDensity.Sampler.MALA
                    : LangevinVsDensity.Sampler.ULA, stepSize);
            List<LangevinVsDensity.Snapshot> result = bridge.compare(start, chains, s, interval, densities,
                    context.progress()).snapshots();
            double ratio = 0;
            double lost = 0;
            for (int k = 0; k < result.size(); k++) {
                ratio = Math.max(ratio, result.get(k).ratio());
                lost = Math.max(lost, result.get(k).outsideFraction());
                metrics.put("sampling-ratio-" + (k + 1), result.get(k).ratio());
            }
            metrics.put("sampling-ratio", ratio);
            metrics.put("lost-fraction", lost);

            StationaryDensity stationary = FokkerPlanckSolver.stationary(problem,
                    FokkerPlanckSolver.DEFAULT_STOPPING);
            metrics.put("stationary-vs-boltzmann", score instanceof UnnormalizedModel u
                    ? FokkerPlanckStep.boltzmannDifference(stationary.density(), u,
                            FokkerPlanckStep.LANGEVIN_DIFFUSIVITY, grid) : Double.NaN);
            metrics.put("stationary-residual", stationary.relativeResidual());
            SpectralGap gap = FokkerPlanckSolver.spectralGap(problem, 1e-10, 500,
                    FokkerPlanckSolver.DEFAULT_STOPPING);
            metrics.put("spectral-gap", gap.rate());

            double[] moments = momentsOfX(stationary.density());
            double floor = 4 * Math.sqrt(moments[1]) / Math.sqrt(chains);
            int from = result.size() / 3;
            double[] times = new double[result.size() - from];
            double[] chainGap = new double[times.length];
            double[] densityGap = new double[times.length];
            double[] chainMean = new double[result.size()];
            double[] densityMean = new double[result.size()];
            double[] allTimes = new double[result.size()];
            for (int k = 0; k < result.size(); k++) {
                allTimes[k] = result.get(k).time();
                chainMean[k] = result.get(k).mean()[0];
                densityMean[k] = momentsOfX(densities.get(k))[0];
                if (k >= from) {
                    times[k - from] = allTimes[k];
                    chainGap[k - from] = Math.abs(chainMean[k] - moments[0]);
                    densityGap[k - from] = Math.abs(densityMean[k] - moments[0]);
                }
            }
            double chainRate = LangevinVsDensity.relaxationRate(times, chainGap, floor);
            double densityRate = LangevinVsDensity.relaxationRate(times, densityGap, 1e-12);
            metrics.put("mean-relaxation-rate", chainRate);
            metrics.put("density-relaxation-rate", densityRate);
            metrics.put("relaxation-ratio", chainRate / gap.rate());
            metrics.put("density-relaxation-ratio", densityRate / gap.rate());
            if (autocorrelationDraws > 0) {
                int burnIn = (int) Math.round(snapshots * interval / stepSize);
                double iat = bridge.integratedAutocorrelationTime(start, AUTOCORRELATION_CHAINS, burnIn,
                        autocorrelationDraws, 1, s + 1000, 0, ProgressListener.NONE);
                metrics.put("autocorrelation-rate", 2 / iat);
                metrics.put("autocorrelation-ratio", 2 / iat / gap.rate());
            }
            if (biasStepSizes.length > 0) {
                SampledScalarField last = densities.get(densities.size() - 1);
                double[] bias = new double[biasStepSizes.length];
                boolean positive = true;
                for (int k = 0; k < biasStepSizes.length; k++) {
                    LangevinVsDensity.Snapshot snap = new LangevinVsDensity(score, LangevinVsDensity.Sampler.ULA,
                            biasStepSizes[k]).compare(start, biasChains, s + 1 + k, snapshots * interval,
                                    List.of(last), ProgressListener.NONE).snapshots().get(0);
                    bias[k] = snap.bias();
                    positive &= bias[k] > 0;
                    metrics.put("bias-ratio-" + (k + 1), snap.ratio());
                    metrics.put("bias-l2-" + (k + 1), bias[k]);
                }
                metrics.put("bias-slope", positive ? LogLogFit.fit(biasStepSizes, bias).order() : Double.NaN);
            }
            List<Function<String, Figure>> pictures = List.of(
                    title -> snapshotsFigure(title, result, d),
                    title -> relaxationFigure(title, allTimes, chainMean, densityMean, moments[0], gap.rate()));
            return new StepResult(id(), type(), new StepValue.Picture(pictures), metrics, null, 0);
        } catch (NotConvergedException e) {
            throw new StepFailedException(header, "a linear solve did not converge: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
    }

    /** @return the start density N(μ, sd²I) */
    private ScalarField startDensity() {
        double[] mu = startMean.clone();
        double var = startSd * startSd;
        return ScalarField.of(mu.length, (t, x) -> {
            double r2 = 0;
            for (int a = 0; a < x.length; a++) {
                r2 += (x[a] - mu[a]) * (x[a] - mu[a]);
            }
            return Math.exp(-r2 / (2 * var)) / Math.pow(2 * Math.PI * var, 0.5 * x.length);
        });
    }

    /** @return the mean and variance of x (the first coordinate) under a density on the grid */
    private static double[] momentsOfX(SampledScalarField p) {
        Grid g = p.grid();
        double[] x = new double[g.spaceDimension()];
        double m0 = 0;
        double m1 = 0;
        double m2 = 0;
        for (int i = 0; i < p.size(); i++) {
            g.spaceCoordinates(i, x);
            double w = p.valueAt(i);
            m0 += w;
            m1 += w * x[0];
            m2 += w * x[0] * x[0];
        }
        double mean = m1 / m0;
        return new double[] {mean, m2 / m0 - mean * mean};
    }

    private Figure snapshotsFigure(String title, List<LangevinVsDensity.Snapshot> result, int d) {
        int[] shown = result.size() >= 3 ? new int[] {0, result.size() / 2, result.size() - 1}
                : java.util.stream.IntStream.range(0, result.size()).toArray();
        String sub = chains + (mala ? " MALA" : " ULA") + " chains, step " + stepSize
                + "; total variation / expected sampling distance";
        if (d == 2) {
            List<SampledScalarField> fields = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int k : shown) {
                LangevinVsDensity.Snapshot snap = result.get(k);
                fields.add(snap.density());
                labels.add(String.format(java.util.Locale.ROOT, "x — Fokker-Planck, t = %.3g", snap.time()));
                fields.add(snap.histogram());
                labels.add(String.format(java.util.Locale.ROOT, "x — chains, t = %.3g (ratio %.2f)", snap.time(),
                        snap.ratio()));
            }
            return PanelFigure.heatmaps(title, sub, fields, labels, "y", "density p");
        }
        LinePlot plot = LinePlot.titled(title).subtitle(sub).axes(d == 1 ? "x" : "x (first axis)", "density p");
        for (int k : shown) {
            LangevinVsDensity.Snapshot snap = result.get(k);
            String t = String.format(java.util.Locale.ROOT, "t = %.3g", snap.time());
            plot.field("Fokker-Planck, " + t, snap.density());
            plot.field(String.format(java.util.Locale.ROOT, "chains, %s (ratio %.2f)", t, snap.ratio()),
                    snap.histogram());
        }
        return plot.figure();
    }

    private static Figure relaxationFigure(String title, double[] times, double[] chainMean, double[] densityMean,
            double stationaryMean, double rate) {
        int last = times.length - 1;
        double t0 = times[last / 3];
        double g0 = densityMean[last / 3] - stationaryMean;
        return LinePlot.titled(title + ": relaxation of the mean").axes("t", "mean of x")
                .subtitle(String.format(java.util.Locale.ROOT, "spectral gap lambda_1 = %.4g", rate))
                .line("chains", times, chainMean)
                .dashed("Fokker-Planck density", times, densityMean)
                .curve(String.format(java.util.Locale.ROOT, "m_inf + c exp(-lambda_1 t), lambda_1 = %.3g", rate),
                        t -> stationaryMean + g0 * Math.exp(-rate * (t - t0)), times[0], times[last])
                .figure();
    }
}
