package org.fieldscore.runner.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.fields.source.Deposition;
import org.fieldscore.fields.source.PointSource;
import org.fieldscore.pde.analytic.AnalyticSolutions;
import org.fieldscore.pde.diffusion.DiffusionMethod;
import org.fieldscore.pde.diffusion.DiffusionProblem;
import org.fieldscore.pde.diffusion.DiffusionSolver;
import org.fieldscore.score.model.ScoreModel;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.ChainSettings;
import org.fieldscore.score.sample.ChainStart;
import org.fieldscore.score.sample.UnadjustedLangevin;

/**
 * Bridge: Brownian particles and the heat equation. N particles start at x₀ and move by dX = √(2k) dW — the essay's
 * Langevin update with score S = 0 and step ε = 2k·dt, so each step adds variance 2k·dt per axis. Their density
 * solves ∂p/∂t = k∇²p with p(0) = δ(x − x₀), whose free-space solution is the heat kernel
 * (4πkt)<sup>−d/2</sup> exp(−|x − x₀|²/(4kt)). The diffusion solver is started from the δ deposited on the grid
 * (cloud in cell) inside zero-flux walls; at each snapshot time the particle histogram, the solver's field and the
 * heat kernel are compared in total variation.
 *
 * <p>The histogram's total variation from the truth is a sampling error of expected size
 * ½ Σ<sub>b</sub> √(2 p<sub>b</sub>(1 − p<sub>b</sub>)/(πN)) over the bins b (p<sub>b</sub> the bin probability), so
 * it falls like 1/√N; {@link #expectedSamplingDistance} evaluates that formula from the solver's field.
 */
public final class BrownianVsHeat {

    private final double diffusivity;
    private final double[] origin;

    /**
     * @param diffusivity k &gt; 0
     * @param origin x₀, where every particle starts and the δ sits
     */
    public BrownianVsHeat(double diffusivity, double[] origin) {
        if (!(diffusivity > 0) || !Double.isFinite(diffusivity)) {
            throw new IllegalArgumentException("diffusivity k must be finite and > 0, got " + diffusivity);
        }
        this.diffusivity = diffusivity;
        this.origin = Objects.requireNonNull(origin, "origin").clone();
    }

    /**
     * Runs both halves and compares them at the snapshot times m·interval, m = 1 … snapshots.
     *
     * @param grid a vertex-centred space grid (histogram bins are its points' cells), large enough that the walls
     *     do not matter over the run
     * @param particles N
     * @param dt the particles' time step (and the solver's, sub-cycled when the explicit limit requires)
     * @param stepsPerSnapshot time steps between snapshots
     * @param snapshots number of snapshots
     * @param seed the particles' seed
     * @param listener progress
     * @return one comparison per snapshot
     */
    public List<Snapshot> run(Grid grid, int particles, double dt, int stepsPerSnapshot, int snapshots, long seed,
            ProgressListener listener) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("time step dt must be finite and > 0, got " + dt);
        }
        if (stepsPerSnapshot < 1 || snapshots < 1) {
            throw new IllegalArgumentException("steps per snapshot and snapshots must be at least 1, got "
                    + stepsPerSnapshot + " and " + snapshots);
        }
        if (grid.spaceDimension() != origin.length) {
            throw new IllegalArgumentException("origin has " + origin.length + " coordinates, the grid "
                    + grid.spaceDimension() + " dimensions");
        }
        int d = origin.length;
        ChainSamples paths = new UnadjustedLangevin(zeroScore(d), 2 * diffusivity * dt).run(
                new ChainSettings(particles, 0, snapshots, stepsPerSnapshot, seed, 0,
                        ChainSettings.DEFAULT_DIVERGENCE_RADIUS),
                ChainStart.at(origin), listener);

        DiffusionProblem heat = DiffusionProblem.on(grid).diffusivity(diffusivity)
                .boundaries(BoundaryConditions.all(BoundaryCondition.neumann(0)))
                .initial(new PointSource(origin, 1.0).deposit(grid, Deposition.CLOUD_IN_CELL))
                .build();
        double interval = stepsPerSnapshot * dt;
        List<SampledScalarField> solved = new ArrayList<>();
        DiffusionSolver.of(DiffusionMethod.EXPLICIT_EULER).timeStep(dt).subCycle(true)
                .observer(state -> {
                    if (state.step() > 0 && state.step() % stepsPerSnapshot == 0) {
                        solved.add(state.field());
                    }
                })
                .run(heat, snapshots * interval);

        ScalarField kernel = AnalyticSolutions.heatKernel(d, diffusivity, 1.0, origin);
        List<Snapshot> result = new ArrayList<>();
        double[] all = paths.copyValues();
        for (int m = 0; m < snapshots; m++) {
            double time = (m + 1) * interval;
            double[] positions = new double[particles * d];
            for (int c = 0; c < particles; c++) {
                System.arraycopy(all, (c * snapshots + m) * d, positions, c * d, d);
            }
            GridHistogram.Estimate histogram = GridHistogram.of(grid, positions);
            SampledScalarField pde = solved.get(m);
            SampledScalarField exact = ScalarField.of(d, (t, x) -> kernel.value(time, x)).sample(grid);
            result.add(new Snapshot(time, histogram.density(), pde, exact,
                    GridHistogram.totalVariation(histogram.density(), pde),
                    GridHistogram.totalVariation(histogram.density(), exact),
                    GridHistogram.totalVariation(pde, exact),
                    expectedSamplingDistance(pde, particles), histogram.lostFraction()));
        }
        return result;
    }

    /**
     * The expected total variation between a density p on the grid's cells and the histogram of N independent
     * draws from it, ½ Σ<sub>b</sub> √(2 p<sub>b</sub>(1 − p<sub>b</sub>)/(πN)) (the mean absolute deviation of a
     * binomial count in the normal approximation).
     *
     * @param density p on a grid (bin probability p<sub>b</sub> = p·ΔV)
     * @param samples N
     * @return the expected distance
     */
    public static double expectedSamplingDistance(SampledScalarField density, int samples) {
        double volume = density.grid().cellVolume();
        double s = 0;
        for (int b = 0; b < density.size(); b++) {
            double p = Math.max(0, density.valueAt(b) * volume);
            s += Math.sqrt(2 * p * (1 - Math.min(1, p)) / (Math.PI * samples));
        }
        return 0.5 * s;
    }

    private static ScoreModel zeroScore(int d) {
        return new ScoreModel() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public void score(double[] x, double[] out) {
                java.util.Arrays.fill(out, 0.0);
            }

            @Override
            public double scoreDivergence(double[] x) {
                return 0;
            }
        };
    }

    /**
     * The three densities at one time and their distances.
     *
     * @param time t
     * @param histogram the particles' histogram density
     * @param solver the diffusion solver's field
     * @param heatKernel the heat kernel on the grid
     * @param histogramVsSolver total variation between histogram and solver
     * @param histogramVsKernel total variation between histogram and heat kernel
     * @param solverVsKernel total variation between solver and heat kernel (discretisation error)
     * @param expectedSamplingDistance the histogram's expected distance from the solver's field for N draws
     * @param lostFraction particles outside the grid
     */
    public record Snapshot(double time, SampledScalarField histogram, SampledScalarField solver,
            SampledScalarField heatKernel, double histogramVsSolver, double histogramVsKernel, double solverVsKernel,
            double expectedSamplingDistance, double lostFraction) {
    }
}
