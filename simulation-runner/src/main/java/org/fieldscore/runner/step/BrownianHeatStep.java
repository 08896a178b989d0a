package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.pde.bridge.BrownianVsHeat;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.runner.output.fit.LogLogFit;

/**
 * {@code type: brownian-vs-heat} — the bridge between Brownian particles and the heat equation
 * ({@link BrownianVsHeat}): N particles released at {@code origin} with dX = √(2k) dW, the diffusion solver
 * started from a δ there, and the heat kernel, compared at {@code snapshots} times. The result is the particles'
 * histogram over time. Metrics (maxima over the snapshots): {@code histogram-vs-solver}, {@code histogram-vs-kernel},
 * {@code solver-vs-kernel} (total variation distances), {@code sampling-ratio} (histogram-vs-solver divided by
 * the distance N independent draws are expected to have), {@code lost-fraction}; with {@code particle-counts} the
 * first snapshot is repeated for each N and {@code error-slope} is the fitted exponent of histogram-vs-solver
 * against N (−½ for Monte-Carlo error).
 *
 * @param header id, type, position
 * @param grid the grid (bins and solver)
 * @param diffusivity k
 * @param origin x₀
 * @param particles N
 * @param timeStep dt
 * @param stepsPerSnapshot steps between snapshots
 * @param snapshots number of snapshots
 * @param particleCounts N values for the convergence fit (empty for none)
 * @param seed the seed, or null for the derived one
 */
public record BrownianHeatStep(StepHeader header, Grid grid, double diffusivity, double[] origin, int particles,
        double timeStep, int stepsPerSnapshot, int snapshots, int[] particleCounts, Long seed) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("grid", "diffusivity", "origin", "particles", "time-step",
            "steps-per-snapshot", "snapshots", "particle-counts", "seed");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        ScenarioNode gridNode = body.require("grid", "the name of a grid under 'grids:' or an inline grid");
        Grid grid = reading.grid(gridNode);
        double[] origin = body.has("origin") ? body.get("origin").numbers(grid.spaceDimension())
                : new double[grid.spaceDimension()];
        if (!grid.contains(origin)) {
            throw body.get("origin").problem("the origin must lie inside the grid " + grid);
        }
        int[] counts = new int[0];
        if (body.has("particle-counts")) {
            List<ScenarioNode> items = body.get("particle-counts").list(2, 20);
            counts = new int[items.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = items.get(i).integer(10, 10_000_000);
            }
        }
        return new BrownianHeatStep(header, grid,
                body.require("diffusivity", "the diffusion constant k > 0").positive(), origin,
                body.integer("particles", 10, 10_000_000, 10_000),
                body.require("time-step", "the time step dt > 0 of particles and solver").positive(),
                body.integer("steps-per-snapshot", 1, 1_000_000, 100), body.integer("snapshots", 1, 100, 3), counts,
                body.has("seed") ? body.get("seed").longValue() : null);
    }

    @Override
    public List<Reference> references() {
        return List.of();
    }

    @Override
    public Plan plan(PlanContext context) {
        long bytes = 8L * grid.pointCount() * snapshots;
        long particleBytes = 8L * particles * grid.spaceDimension() * snapshots;
        double work = (double) particles * stepsPerSnapshot * snapshots * grid.spaceDimension() * 20
                + (double) grid.pointCount() * stepsPerSnapshot * snapshots * 10;
        return new Plan(ResultKind.TIME_SERIES, grid, 1, bytes, particleBytes + 4 * bytes, work,
                particles + " Brownian particles vs diffusion solver vs heat kernel on " + grid + ", "
                        + snapshots + " snapshots every " + stepsPerSnapshot * timeStep,
                List.of("histogram-vs-solver", "histogram-vs-kernel", "solver-vs-kernel", "sampling-ratio",
                        "lost-fraction", "error-slope"));
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        long s = seed != null ? seed : context.seedFor(id());
        BrownianVsHeat bridge = new BrownianVsHeat(diffusivity, origin);
        List<BrownianVsHeat.Snapshot> result;
        try {
            result = bridge.run(grid, particles, timeStep, stepsPerSnapshot, snapshots, s, context.progress());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<Double> times = new ArrayList<>();
        List<SampledScalarField> histograms = new ArrayList<>();
        double hs = 0;
        double hk = 0;
        double sk = 0;
        double ratio = 0;
        double lost = 0;
        for (BrownianVsHeat.Snapshot snap : result) {
            times.add(snap.time());
            histograms.add(snap.histogram());
            hs = Math.max(hs, snap.histogramVsSolver());
            hk = Math.max(hk, snap.histogramVsKernel());
            sk = Math.max(sk, snap.solverVsKernel());
            ratio = Math.max(ratio, snap.histogramVsSolver() / snap.expectedSamplingDistance());
            lost = Math.max(lost, snap.outsideFraction());
        }
        metrics.put("histogram-vs-solver", hs);
        metrics.put("histogram-vs-kernel", hk);
        metrics.put("solver-vs-kernel", sk);
        metrics.put("sampling-ratio", ratio);
        metrics.put("lost-fraction", lost);
        if (particleCounts.length > 0) {
            double[] n = new double[particleCounts.length];
            double[] error = new double[particleCounts.length];
            for (int i = 0; i < n.length; i++) {
                n[i] = particleCounts[i];
                error[i] = bridge.run(grid, particleCounts[i], timeStep, stepsPerSnapshot, 1, s + i,
                        ProgressListener.NONE).get(0).histogramVsSolver();
                metrics.put("histogram-vs-solver-n" + particleCounts[i], error[i]);
            }
            metrics.put("error-slope", LogLogFit.fit(n, error).order());
        }
        return new StepResult(id(), type(), new StepValue.TimeSeries(times, histograms, "1/volume"), metrics, null, 0);
    }
}
