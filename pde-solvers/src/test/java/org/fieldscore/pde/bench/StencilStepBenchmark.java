package org.fieldscore.pde.bench;

import java.util.concurrent.TimeUnit;

import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.internal.EllipticOperator;
import org.fieldscore.pde.internal.stencil.TimeStepKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One explicit diffusion (FTCS) step and one leapfrog wave step on a 256³ vertex grid (254³ updated cells, as
 * {@code ftcs.c 256}), in cell updates per second. Both are the fused kernel
 * {@link TimeStepKernels#explicitUpdate} as {@code DiffusionSolver} and {@code WaveSolver} call it once per step of
 * a source-free problem with homogeneous boundary data (no additive term); the leapfrog step writes φ<sup>n+1</sup>
 * over φ<sup>n−1</sup>, as the wave solver does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class StencilStepBenchmark {

    private static final int N = 256;
    private static final int CELLS = (N - 2) * (N - 2) * (N - 2);

    private TimeStepKernels steps;
    private double[] u;
    private double[] v;
    private double dt;

    /** Fills the state like the C reference. */
    @Setup
    public void setUp() {
        EllipticOperator operator = EllipticOperator.of(Grid.cube(3, N, 0, 1),
                BoundaryConditions.all(BoundaryCondition.dirichlet(0)), 0);
        steps = operator.steps();
        u = operator.newArray();
        for (int i = 0; i < u.length; i++) {
            u[i] = (i % 97) / 97.0;
        }
        v = u.clone();
        double h = 1.0 / (N - 1);
        dt = 0.1 * h * h;
    }

    /** @return the new state */
    @Benchmark
    @OperationsPerInvocation(CELLS)
    public double[] ftcsStep() {
        steps.explicitUpdate(1, dt, u, 0, null, null, v);
        double[] swap = u;
        u = v;
        v = swap;
        return u;
    }

    /** @return the new state */
    @Benchmark
    @OperationsPerInvocation(CELLS)
    public double[] leapfrogStep() {
        steps.explicitUpdate(2, dt, v, -1, u, null, u);
        double[] swap = u;
        u = v;
        v = swap;
        return v;
    }
}
