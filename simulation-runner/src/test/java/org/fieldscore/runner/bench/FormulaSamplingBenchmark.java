package org.fieldscore.runner.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.expr.ExpressionLanguage;
import org.fieldscore.runner.expr.Formula;
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
 * What a scenario's safe expression costs: sampling the essay's temperature formula on a 513² grid through the
 * runner's {@link Formula} (parsed by exp4j, run as a stack program) against the same formula written in Java, in
 * grid points per second. The ratio is the price of reading formulas from files instead of compiling them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class FormulaSamplingBenchmark {

    private static final int N = 513;
    private static final String TEXT = "50 + 25*sin(0.5*x)*cos(0.3*y) + 2*y";

    private Grid grid;
    private ScalarField fromFormula;
    private ScalarField inJava;

    /** Compiles the formula once, as a scenario step does. */
    @Setup
    public void setUp() throws Exception {
        grid = Grid.cube(2, N, 0, 10);
        Formula f = new ExpressionLanguage(Map.of()).compile(TEXT, List.of("t", "x", "y"));
        ThreadLocal<double[]> args = ThreadLocal.withInitial(() -> new double[3]);
        fromFormula = ScalarField.of(2, (t, x) -> {
            double[] a = args.get();
            a[0] = t;
            a[1] = x[0];
            a[2] = x[1];
            return f.evaluate(a);
        });
        inJava = ScalarField.of(2, (t, x) -> 50 + 25 * Math.sin(0.5 * x[0]) * Math.cos(0.3 * x[1]) + 2 * x[1]);
    }

    /** @return the field sampled through the expression language */
    @Benchmark
    @OperationsPerInvocation(N * N)
    public SampledScalarField formula() {
        return fromFormula.sample(grid);
    }

    /** @return the same field from compiled Java */
    @Benchmark
    @OperationsPerInvocation(N * N)
    public SampledScalarField java() {
        return inJava.sample(grid);
    }
}
