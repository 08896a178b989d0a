package org.fieldscore.pde.bench;

import java.util.concurrent.TimeUnit;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.diffusion.HeatKernelSmoothing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exact-score PDE solve of a score-based diffusion model: the heat-kernel smoothing of the mixture
 * 0.8·N((5, 5), I) + 0.2·N((−5, −5), I) on a 512² grid over [−20, 20]² at ten levels σ geometric from 2h (h ≈ 0.078, the finest the grid resolves) to 10 (a kernel of radius 511 cells, as wide as the
 * grid), every level convolved from p₀, in milliseconds per solve of all ten.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class HeatKernelBenchmark {

    private SampledScalarField density;
    private double[] sigmas;

    /** Samples the mixture on the grid and sets the ten levels. */
    @Setup
    public void setUp() {
        Grid grid = Grid.cube(2, 512, -20, 20);
        double[] v = new double[grid.pointCount()];
        double[] x = new double[2];
        for (int i = 0; i < v.length; i++) {
            grid.spaceCoordinates(i, x);
            double a = (x[0] - 5) * (x[0] - 5) + (x[1] - 5) * (x[1] - 5);
            double b = (x[0] + 5) * (x[0] + 5) + (x[1] + 5) * (x[1] + 5);
            v[i] = (0.8 * Math.exp(-0.5 * a) + 0.2 * Math.exp(-0.5 * b)) / (2 * Math.PI);
        }
        density = SampledScalarField.of(grid, v);
        double h = grid.spacing(0);
        double smallest = 2 * h;
        double largest = 10;
        sigmas = new double[10];
        for (int k = 0; k < 10; k++) {
            sigmas[k] = smallest * Math.pow(largest / smallest, k / 9.0);
        }
    }

    /** Ten levels, each from p₀. */
    @Benchmark
    public SampledScalarField[] tenLevels512() {
        return HeatKernelSmoothing.solve(density, sigmas);
    }
}
