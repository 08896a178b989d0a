package org.fieldscore.pde.bench;

import java.util.concurrent.TimeUnit;

import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.SolveReport;
import org.fieldscore.pde.Stopping;
import org.fieldscore.pde.fokkerplanck.FokkerPlanckMethod;
import org.fieldscore.pde.fokkerplanck.FokkerPlanckOperator;
import org.fieldscore.pde.fokkerplanck.FokkerPlanckProblem;
import org.fieldscore.pde.fokkerplanck.FokkerPlanckResult;
import org.fieldscore.pde.fokkerplanck.FokkerPlanckSolver;
import org.fieldscore.pde.fokkerplanck.SplitSteps;
import org.fieldscore.pde.fokkerplanck.StationaryDensity;
import org.fieldscore.pde.internal.EllipticOperator;
import org.fieldscore.pde.internal.solve.PreparedSolve;
import org.fieldscore.pde.internal.solve.SolverPreparation;
import org.fieldscore.pde.internal.stencil.TimeStepKernels;
import org.fieldscore.pde.poisson.PoissonSolvers;
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
 * The Fokker–Planck operator against the explicit diffusion step on the same number of cells (256² and 128³), in
 * milliseconds per application: {@code fokkerPlanckApply} is one L·p of an Ornstein–Uhlenbeck drift with
 * Scharfetter–Gummel fluxes (reads p, the diagonal and two face coefficients per axis), {@code diffusionStep} one
 * fused FTCS update of the diffusion solver (reads u). An explicit Fokker–Planck step is one fused
 * {@code apply(1, dt, p, out)}, the cost of {@code fokkerPlanckApply}. At 256² also implicit Euler steps (ten steps
 * of a run, the score is per run: divide by ten; operator assembly and multigrid set-up included; exp(U)-weighted CG
 * preconditioned by one multigrid V-cycle, and by Jacobi for comparison) and the stationary solve (bordered
 * BiCGSTAB preconditioned by the multigrid, to relative residual 1e-10) against a V(2,2) multigrid Poisson solve to
 * 1e-10 on the same grid.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class FokkerPlanckBenchmark {

    /** The step of the implicit benchmarks, about 13 explicit limits at 256². */
    private static final double SPLIT_STEP = 0.01;

    /** "2" for 256², "3" for 128³. */
    @Param({"2", "3"})
    public int dimension;

    private FokkerPlanckProblem problem;
    private FokkerPlanckOperator operator;
    private double[] p;
    private double[] out;
    private TimeStepKernels diffusion;
    private double[] u;
    private double[] v;
    private double dt;
    private EllipticOperator poisson;
    private double[] rhs;
    private double[] solution;
    private SplitSteps splitEuler;
    private SplitSteps douglas;

    /** Builds an OU problem on [−5, 5]^d and a Dirichlet diffusion/Poisson operator with as many cells. */
    @Setup
    public void setUp() {
        int n = dimension == 2 ? 256 : 128;
        Grid grid = Grid.cube(dimension, n, -5, 5, Centering.CELL);
        problem = FokkerPlanckProblem.on(grid).diffusivity(0.5)
                .potential(ScalarField.of(dimension, (t, x) -> {
                    double s = 0;
                    for (double c : x) {
                        s += c * c;
                    }
                    return s;
                }))
                .initial(ScalarField.of(dimension, (t, x) -> Math.exp(-2 * (x[0] - 1) * (x[0] - 1)))).build();
        operator = FokkerPlanckOperator.of(problem, 0);
        p = problem.initial().sample(grid).copyValues();
        out = new double[p.length];
        poisson = EllipticOperator.of(Grid.cube(dimension, n + 2, 0, 1),
                BoundaryConditions.all(BoundaryCondition.dirichlet(0)), 0);
        diffusion = poisson.steps();
        u = poisson.newArray();
        for (int i = 0; i < u.length; i++) {
            u[i] = (i % 97) / 97.0;
        }
        v = u.clone();
        double h = 1.0 / (n + 1);
        dt = 0.1 * h * h;
        rhs = u.clone();
        solution = poisson.newArray();
        splitEuler = new SplitSteps(problem, FokkerPlanckMethod.SPLIT_IMPLICIT_EULER, SPLIT_STEP);
        douglas = new SplitSteps(problem, FokkerPlanckMethod.DOUGLAS_ADI, SPLIT_STEP);
    }

    /** @return L·p */
    @Benchmark
    public double[] fokkerPlanckApply() {
        operator.apply(p, out);
        return out;
    }

    /** @return one explicit diffusion step */
    @Benchmark
    public double[] diffusionStep() {
        diffusion.explicitUpdate(1, dt, u, 0, null, null, v);
        double[] swap = u;
        u = v;
        v = swap;
        return u;
    }

    /** @return ten implicit Euler steps (2-D only; the score is per run, divide by ten) */
    @Benchmark
    public FokkerPlanckResult implicitEulerTenSteps() {
        if (dimension != 2) {
            return null;
        }
        return FokkerPlanckSolver.of(FokkerPlanckMethod.IMPLICIT_EULER).timeStep(0.01).run(problem, 0.1);
    }

    /** @return ten implicit Euler steps with Jacobi-preconditioned CG (2-D only; divide by ten) */
    @Benchmark
    public FokkerPlanckResult implicitEulerTenStepsJacobi() {
        if (dimension != 2) {
            return null;
        }
        return FokkerPlanckSolver.of(FokkerPlanckMethod.IMPLICIT_EULER).timeStep(0.01).withJacobiPreconditioner()
                .run(problem, 0.1);
    }

    /** @return one split implicit Euler step (operator assembled and lines factored once, as in a run) */
    @Benchmark
    public double[] splitImplicitEulerStep() {
        return splitEuler.step();
    }

    /** @return one Douglas ADI step (operator assembled and lines factored once, as in a run) */
    @Benchmark
    public double[] douglasAdiStep() {
        return douglas.step();
    }

    /** @return ten split implicit Euler steps of a run, assembly and factoring included (2-D only; divide by ten) */
    @Benchmark
    public FokkerPlanckResult splitImplicitEulerTenSteps() {
        if (dimension != 2) {
            return null;
        }
        return FokkerPlanckSolver.of(FokkerPlanckMethod.SPLIT_IMPLICIT_EULER).timeStep(SPLIT_STEP).run(problem, 0.1);
    }

    /** @return ten Douglas ADI steps of a run, assembly and factoring included (2-D only; divide by ten) */
    @Benchmark
    public FokkerPlanckResult douglasAdiTenSteps() {
        if (dimension != 2) {
            return null;
        }
        return FokkerPlanckSolver.of(FokkerPlanckMethod.DOUGLAS_ADI).timeStep(SPLIT_STEP).run(problem, 0.1);
    }

    /** @return the stationary solve to 1e-10 (2-D only) */
    @Benchmark
    public StationaryDensity stationaryTo1e10() {
        if (dimension != 2) {
            return null;
        }
        return FokkerPlanckSolver.stationary(problem, new Stopping(1e-10, 0, 20_000));
    }

    /** @return a V(2,2) multigrid Poisson solve to 1e-10 on as many cells (2-D only) */
    @Benchmark
    public SolveReport poissonMultigridTo1e10() {
        if (dimension != 2) {
            return null;
        }
        java.util.Arrays.fill(solution, 0.0);
        PreparedSolve prepared = SolverPreparation.prepare(PoissonSolvers.byName("multigrid"), poisson);
        return prepared.solve(rhs, solution, Stopping.relative(1e-10));
    }
}
