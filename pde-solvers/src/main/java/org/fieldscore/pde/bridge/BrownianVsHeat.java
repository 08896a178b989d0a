package org.fieldscore.pde.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.density.GridDensities;
import org.fieldscore.fields.density.GridHistogram;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.fields.progress.ItemCounter;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.fields.random.SeededStreams;
import org.fieldscore.fields.source.Deposition;
import org.fieldscore.fields.source.PointSource;
import org.fieldscore.pde.analytic.AnalyticSolutions;
import org.fieldscore.pde.diffusion.DiffusionMethod;
import org.fieldscore.pde.diffusion.DiffusionProblem;
import org.fieldscore.pde.diffusion.DiffusionSolver;

/**
 * Bridge: Brownian particles and the heat equation. N particles start at x₀ and move by dX = √(2k) dW, exactly:
 * x ← x + √(2k·dt) z with z ~ N(0, I), so each step adds variance 2k·dt per axis. This is the essay's Langevin
 * update x ← x + (ε/2)S + √ε z with score S = 0 and step ε = 2k·dt, and particle i draws from the seeded stream i
 * ({@link SeededStreams}) as Langevin chain i does, so the particles are the chains of a zero-score Langevin run
 * with the same seed, on every thread count. Their density
 * solves ∂p/∂t = k∇²p with p(0) = δ(x − x₀), whose free-space solution is the heat kernel
 * (4πkt)<sup>−d/2</sup> exp(−|x − x₀|²/(4kt)). The diffusion solver is started from the δ deposited on the grid
 * (cloud in cell) inside zero-flux walls; at each snapshot time the particle histogram, the solver's field and the
 * heat kernel are compared in total variation.
 *
 * <p>The histogram's total variation from the truth is a sampling error of expected size
 * ½ Σ<sub>b</sub> √(2 p<sub>b</sub>(1 − p<sub>b</sub>)/(πN)) over the bins b (p<sub>b</sub> the bin probability), so
 * it falls like 1/√N; {@link GridDensities#expectedSamplingDistance} evaluates that formula from the solver's field.
 * The histogram is the {@link GridHistogram} on the grid's cells.
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
            throw InvalidArgumentException.of("diffusivity", diffusivity, "finite and > 0");
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
            throw InvalidArgumentException.of("dt", dt, "finite and > 0");
        }
        if (particles < 1) {
            throw InvalidArgumentException.of("particles", particles, "at least 1");
        }
        if (stepsPerSnapshot < 1) {
            throw InvalidArgumentException.of("stepsPerSnapshot", stepsPerSnapshot, "at least 1");
        }
        if (snapshots < 1) {
            throw InvalidArgumentException.of("snapshots", snapshots, "at least 1");
        }
        if ((long) particles * snapshots * origin.length > Integer.MAX_VALUE - 8) {
            throw new InvalidArgumentException("particles", particles, "at most " + (Integer.MAX_VALUE - 8)
                    / ((long) snapshots * origin.length) + " for " + snapshots + " snapshots", particles
                    + " particles × " + snapshots + " snapshots × " + origin.length + " coordinates exceed one array");
        }
        if (grid.hasTime() || grid.spaceDimension() != origin.length) {
            throw new InvalidArgumentException("grid", grid, "a " + origin.length + "-D space grid", "origin has "
                    + origin.length + " coordinates, the grid is " + grid);
        }
        int d = origin.length;
        double[] all = moveParticles(particles, dt, stepsPerSnapshot, snapshots, seed, listener);

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
                    GridDensities.totalVariation(histogram.density(), pde),
                    GridDensities.totalVariation(histogram.density(), exact),
                    GridDensities.totalVariation(pde, exact),
                    GridDensities.expectedSamplingDistance(pde, particles), histogram.outsideFraction()));
        }
        return result;
    }

    /**
     * Moves the particles: particle i starts at x₀ and takes x ← x + √(2k·dt) z with z drawn from its own stream.
     *
     * @return row-major positions, particle i's snapshot m at [(i·snapshots + m)·d, … + d)
     */
    private double[] moveParticles(int particles, double dt, int stepsPerSnapshot, int snapshots, long seed,
            ProgressListener listener) {
        int d = origin.length;
        double root = Math.sqrt(2 * diffusivity * dt);
        double[] positions = new double[particles * snapshots * d];
        ItemCounter counter = new ItemCounter(listener, particles);
        listener.started("Brownian particles, " + particles + " × " + (long) stepsPerSnapshot * snapshots
                + " steps", particles);
        try {
            ParallelLoops.forRange(0, particles, 64, (from, to) -> {
                double[] x = new double[d];
                for (int p = from; p < to; p++) {
                    SplittableRandom random = SeededStreams.stream(seed, p);
                    System.arraycopy(origin, 0, x, 0, d);
                    for (int m = 0; m < snapshots; m++) {
                        for (int s = 0; s < stepsPerSnapshot; s++) {
                            for (int i = 0; i < d; i++) {
                                x[i] += root * random.nextGaussian();
                            }
                        }
                        System.arraycopy(x, 0, positions, (p * snapshots + m) * d, d);
                    }
                    counter.finishedOne();
                }
            });
        } finally {
            listener.finished();
        }
        return positions;
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
     * @param outsideFraction the fraction of particles outside the grid's cells
     */
    public record Snapshot(double time, SampledScalarField histogram, SampledScalarField solver,
            SampledScalarField heatKernel, double histogramVsSolver, double histogramVsKernel, double solverVsKernel,
            double expectedSamplingDistance, double outsideFraction) {
    }
}
