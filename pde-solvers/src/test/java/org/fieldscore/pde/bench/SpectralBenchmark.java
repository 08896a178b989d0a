package org.fieldscore.pde.bench;

import java.util.concurrent.TimeUnit;

import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.internal.EllipticOperator;
import org.fieldscore.pde.internal.solve.PreparedSolve;
import org.fieldscore.pde.internal.solve.SolverPreparation;
import org.fieldscore.pde.SolveReport;
import org.fieldscore.pde.poisson.SpectralSolver;
import org.fieldscore.pde.Stopping;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The spectral Dirichlet Poisson solve with n³ unknowns on a vertex grid, as scipy's DST-I solve in
 * {@code scipy_poisson.py} (run there with the same n): 127 (sine transforms through FFTs of length 128) and 128
 * (length 129 = 3·43, JTransforms' slow path).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class SpectralBenchmark {

    /** Unknowns per axis. */
    @Param({"127", "128"})
    public int unknowns;

    private EllipticOperator operator;
    private PreparedSolve prepared;
    private double[] rhs;
    private double[] solution;

    /** Samples the right-hand side and prepares the transforms. */
    @Setup
    public void setUp() {
        Grid grid = Grid.cube(3, unknowns + 2, 0, 1);
        operator = EllipticOperator.of(grid, BoundaryConditions.all(BoundaryCondition.dirichlet(0)), 0);
        rhs = operator.newArray();
        operator.mapping().sample(0, ScalarField.of(3, (t, x) -> Math.sin(3 * x[0]) * x[1] * Math.exp(x[2]) + 1)::value, rhs);
        solution = operator.newArray();
        prepared = SolverPreparation.prepare(new SpectralSolver(), operator);
    }

    /** @return the report of one exact solve */
    @Benchmark
    public SolveReport spectralSolve() {
        return prepared.solve(rhs, solution, Stopping.DEFAULT);
    }
}
