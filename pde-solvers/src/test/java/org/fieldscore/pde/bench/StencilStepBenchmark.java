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
 * Explicit steps on a 256³ vertex grid with homogeneous Dirichlet boundary (254³ updated cells per step, as
 * {@code peers/ftcs.c 256}), in cell updates per second, with the C peer's initial state and Δt = 0.1h².
 * {@code ftcsStep} and {@code leapfrogStep} are one step of the fused kernel {@link TimeStepKernels#explicitUpdate}
 * as {@code DiffusionSolver} and {@code WaveSolver} call it for a source-free problem with homogeneous boundary data
 * (no additive term); the leapfrog step writes φ<sup>n+1</sup> over φ<sup>n−1</sup>, as the wave solver does.
 * {@code ftcsHundredSteps} is 100 FTCS steps in the temporally blocked passes the solver chooses
 * ({@link TimeStepKernels#profitablePass}), {@code ftcsHundredStepsSweep} the same 100 steps one sweep each (as
 * {@code peers/ftcs.c 256 100}).
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
    private static final int STEPS = 100;

    private TimeStepKernels steps;
    private double[] u;
    private double[] v;
    private double dt;
    private int perPass;

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
        perPass = steps.profitablePass(2);
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

    /** @return the state after 100 steps in blocked passes */
    @Benchmark
    @OperationsPerInvocation(CELLS * STEPS)
    public double[] ftcsHundredSteps() {
        return steps.explicitSteps(STEPS, perPass, 1, dt, 0, false, null, u, v);
    }

    /** @return the state after 100 steps, one sweep each */
    @Benchmark
    @OperationsPerInvocation(CELLS * STEPS)
    public double[] ftcsHundredStepsSweep() {
        return steps.explicitSteps(STEPS, 1, 1, dt, 0, false, null, u, v);
    }
}
