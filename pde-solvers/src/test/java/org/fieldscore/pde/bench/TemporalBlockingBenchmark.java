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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 100 explicit diffusion (FTCS) steps on a 256³ vertex grid with homogeneous Dirichlet boundary (254³ updated cells
 * per step, as {@code peers/ftcs.c 256 100}), in cell updates per second: {@code ftcsHundredSteps} in the
 * temporally blocked passes the solver chooses ({@link TimeStepKernels#profitablePass}, or the steps per pass of
 * the parameter when it is not 0), {@code ftcsHundredStepsSweep} one sweep per step, as {@code DiffusionSolver} ran
 * them before temporal blocking. Same initial state and Δt = 0.1h² as the C peer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class TemporalBlockingBenchmark {

    private static final int N = 256;
    private static final int STEPS = 100;
    private static final long CELLS = (long) (N - 2) * (N - 2) * (N - 2) * STEPS;

    /** Steps per blocked pass; 0 for the solver's choice. */
    @Param({"0"})
    public int stepsPerPass;

    private TimeStepKernels steps;
    private double[] u;
    private double[] v;
    private double dt;
    private int perPass;

    /** Fills the state like the C peer. */
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
        perPass = stepsPerPass > 0 ? stepsPerPass : steps.profitablePass(2);
    }

    /** @return the state after 100 steps in blocked passes */
    @Benchmark
    @OperationsPerInvocation((int) CELLS)
    public double[] ftcsHundredSteps() {
        return steps.explicitSteps(STEPS, perPass, 1, dt, 0, false, null, u, v);
    }

    /** @return the state after 100 steps, one sweep each */
    @Benchmark
    @OperationsPerInvocation((int) CELLS)
    public double[] ftcsHundredStepsSweep() {
        return steps.explicitSteps(STEPS, 1, 1, dt, 0, false, null, u, v);
    }
}
