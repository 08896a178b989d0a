package org.fieldscore.fields.bench;

import java.util.concurrent.TimeUnit;

import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.kernel.LaplacianKernel;
import org.fieldscore.fields.ops.FiniteDifferences;
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
 * Throughput of the 3-D order-2 Laplacian on a 256³ field, in interior cell updates per second (the unit of the
 * C peer {@code ftcs.c}: (n − 2)³ updates per sweep).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class LaplacianBenchmark {

    private static final int N = 256;
    private static final int UPDATES = (N - 2) * (N - 2) * (N - 2);

    private Grid grid;
    private double[] in;
    private double[] out;
    private FiniteDifferences differences;

    /** Fills the input the way the C peer does. */
    @Setup
    public void setUp() {
        grid = Grid.cube(3, N, 0, 1);
        in = new double[grid.pointCount()];
        out = new double[grid.pointCount()];
        for (int i = 0; i < in.length; i++) {
            in[i] = (i % 97) / 97.0;
        }
        differences = FiniteDifferences.order(2);
    }

    /** @return the output, so the work is not eliminated */
    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public double[] interiorKernel() {
        LaplacianKernel.secondOrder(new int[] {N, N, N}, new double[] {1, 1, 1}, in, out);
        return out;
    }

    /** @return the output: the kernel plus the one-sided closure of the boundary shell */
    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public double[] withBoundaryClosure() {
        differences.laplacian(grid, in, out);
        return out;
    }
}
