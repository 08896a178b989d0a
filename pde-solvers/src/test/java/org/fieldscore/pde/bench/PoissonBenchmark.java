package org.fieldscore.pde.bench;

import java.util.concurrent.TimeUnit;

import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.internal.EllipticOperator;
import org.fieldscore.pde.internal.solve.PreparedSolve;
import org.fieldscore.pde.internal.solve.SolverPreparation;
import org.fieldscore.pde.poisson.PoissonSolvers;
import org.fieldscore.pde.SolveReport;
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
 * 3-D 7-point Dirichlet Poisson on the unit cube with n³ unknowns (a vertex grid of n + 2 points per axis), the
 * setting of the peers ({@code scipy_poisson.py}, PETSc PCMG, HPGMG): set-up (hierarchy, factorisation, transform
 * plans) plus solve, seconds per solve. The right-hand side is sampled once outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class PoissonBenchmark {

    /** Unknowns per axis. */
    @Param({"127", "255"})
    public int unknowns;

    private EllipticOperator operator;
    private double[] rhs;
    private double[] solution;

    /** Samples f = sin(3x) y e^z + 1 on the grid. */
    @Setup
    public void setUp() {
        Grid grid = Grid.cube(3, unknowns + 2, 0, 1);
        operator = EllipticOperator.of(grid, BoundaryConditions.all(BoundaryCondition.dirichlet(0)), 0);
        rhs = operator.newArray();
        operator.mapping().sample(0, ScalarField.of(3, (t, x) -> Math.sin(3 * x[0]) * x[1] * Math.exp(x[2]) + 1)::value, rhs);
        solution = operator.newArray();
    }

    private SolveReport solve(String name, Stopping stopping) {
        java.util.Arrays.fill(solution, 0.0);
        PreparedSolve prepared = SolverPreparation.prepare(PoissonSolvers.byName(name), operator);
        return prepared.solve(rhs, solution, stopping);
    }

    /** @return the report of a V(2,2) multigrid solve to relative residual 1e-10 */
    @Benchmark
    public SolveReport multigridTo1e10() {
        return solve("multigrid", Stopping.relative(1e-10));
    }

    /** @return the report of FMG followed by V-cycles to relative residual 1e-10 */
    @Benchmark
    public SolveReport fmgTo1e10() {
        return solve("fmg", Stopping.relative(1e-10));
    }

    /** @return the report of one full-multigrid cycle (discretisation accuracy) */
    @Benchmark
    public SolveReport fmgOneCycle() {
        return solve("fmg", new Stopping(1e-10, 0, 1));
    }

    /** @return the report of multigrid-preconditioned CG to 1e-10 */
    @Benchmark
    public SolveReport multigridCgTo1e10() {
        return solve("cg-multigrid", Stopping.relative(1e-10));
    }
}
