package org.fieldscore.pde.fokkerplanck;

import java.util.Objects;
import java.util.SplittableRandom;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.pde.StabilityLimits;
import org.fieldscore.pde.internal.krylov.BiCgStab;
import org.fieldscore.pde.internal.krylov.KrylovReport;
import org.fieldscore.pde.internal.krylov.LinearMap;
import org.fieldscore.pde.internal.krylov.Vectors;
import org.fieldscore.pde.internal.krylov.WeightedConjugateGradient;
import org.fieldscore.pde.internal.multigrid.DiffusionMultigrid;
import org.fieldscore.pde.NotConvergedException;
import org.fieldscore.pde.Stopping;

/**
 * Time stepping, the stationary state and the spectral gap of a {@link FokkerPlanckProblem} discretised by
 * {@link FokkerPlanckOperator}.
 *
 * <p>Linear solves (implicit steps, stationary state, inverse iteration): for a drift given by a potential U the
 * operator is self-adjoint in the exp(U)-weighted inner product, and the solves use conjugate gradients in that
 * inner product preconditioned by one multigrid V-cycle of the symmetrised operator (see
 * {@link FokkerPlanckPreconditioner}), stopping when the residual in its norm ‖b − A x‖<sub>w</sub> ≤
 * max(relative·‖b‖<sub>w</sub>, absolute); the stationary state under no-flux walls uses BiCGSTAB on a bordered
 * system with the same multigrid. Otherwise BiCGSTAB, preconditioned for implicit steps by the multigrid of L's
 * symmetric part and else by Jacobi, stopping when
 * ‖b − A x‖₂ ≤ max(relative·‖b‖₂, absolute), with the tolerances of the {@link Stopping} (default relative 10⁻¹¹, at most 20 000
 * iterations) and a solve that does not get there throws {@link NotConvergedException}. Under no-flux and periodic
 * walls the exact step conserves Σ p ΔV; the solve's residual does not sum to zero, so after each implicit step
 * the density is rescaled to the mass the step must have (a change of the order of the stopping tolerance), and
 * mass is conserved to rounding by every method. The operator-split methods
 * ({@link FokkerPlanckMethod#SPLIT_IMPLICIT_EULER}, {@link FokkerPlanckMethod#DOUGLAS_ADI}) solve no system
 * iteratively: each axis factor is solved directly along the grid lines ({@code SplitStepper}), and they report 0
 * linear iterations.
 *
 * <p>Mutable builder-style configuration; each run is independent.
 */
public final class FokkerPlanckSolver {

    /** The condition named in an {@link org.fieldscore.pde.UnstableTimeStepException}. */
    public static final String EXPLICIT_CONDITION = "explicit Fokker-Planck step (dt max_i |L_ii| <= 1)";

    /** The default stopping rule of the linear solves. */
    public static final Stopping DEFAULT_STOPPING = new Stopping(1e-11, 0, 20_000);

    /**
     * Crank–Nicolson's first steps, each taken as two implicit Euler half steps (Rannacher's start-up, R. Rannacher,
     * "Finite element solution of diffusion problems with irregular data", Numer. Math. 43, 309–327, 1984): they
     * damp the stiff modes of rough or sharply peaked initial data, which Crank–Nicolson alone (amplification → −1)
     * would carry as oscillations and negative densities, and keep second order.
     */
    public static final int RANNACHER_STEPS = 2;

    /**
     * The bordered stationary solve with the multigrid gets this many BiCGSTAB iterations (it needs 7–30 where the
     * multigrid works); where it has not converged by then — potentials so steep at the walls that the multigrid's
     * interpolation fails, where BiCGSTAB can diverge — the solve starts again with Jacobi and the full budget.
     */
    static final int MULTIGRID_BORDERED_ITERATIONS = 200;

    /** Work arrays of the stepper besides the operator: density, right-hand side and the Krylov vectors. */
    private static final int WORK_ARRAYS = 11;

    private final FokkerPlanckMethod method;
    private double timeStep = Double.NaN;
    private Stopping stopping = DEFAULT_STOPPING;
    private ProgressListener progress = ProgressListener.NONE;
    private FokkerPlanckObserver observer = FokkerPlanckObserver.NONE;
    private boolean multigrid = true;

    private FokkerPlanckSolver(FokkerPlanckMethod method) {
        this.method = Objects.requireNonNull(method, "method");
    }

    /**
     * @param method the time stepper
     * @return a solver
     */
    public static FokkerPlanckSolver of(FokkerPlanckMethod method) {
        return new FokkerPlanckSolver(method);
    }

    /**
     * @param dt the time step &gt; 0 (shrunk to T/⌈T/dt⌉ so that the run ends at T)
     * @return this solver
     */
    public FokkerPlanckSolver timeStep(double dt) {
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw InvalidArgumentException.of("dt", dt, "finite and > 0");
        }
        this.timeStep = dt;
        return this;
    }

    /**
     * @param s the stopping rule of the linear solves
     * @return this solver
     */
    public FokkerPlanckSolver linearStopping(Stopping s) {
        this.stopping = Objects.requireNonNull(s, "stopping");
        return this;
    }

    /**
     * Jacobi instead of multigrid preconditioning of the implicit steps: cheaper per iteration, and the better
     * choice for a strongly advective drift without potential, where the multigrid of L's symmetric part cuts the
     * iterations by less than its cost (see docs/pde.md).
     *
     * @return this solver
     */
    public FokkerPlanckSolver withJacobiPreconditioner() {
        this.multigrid = false;
        return this;
    }

    /**
     * @param listener progress, one unit per step
     * @return this solver
     */
    public FokkerPlanckSolver progress(ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * @param o called at step 0 and after every step
     * @return this solver
     */
    public FokkerPlanckSolver observer(FokkerPlanckObserver o) {
        this.observer = Objects.requireNonNull(o, "observer");
        return this;
    }

    /**
     * The largest stable explicit step at t = 0, {@link StabilityLimits#explicitFokkerPlanckStep} of the assembled
     * operator's largest outflow rate.
     *
     * @param problem the problem
     * @return the step
     */
    public static double largestStableStep(FokkerPlanckProblem problem) {
        return StabilityLimits.explicitFokkerPlanckStep(FokkerPlanckOperator.of(problem, 0).largestOutflowRate());
    }

    /**
     * The memory a run, a stationary solve or a spectral-gap computation takes: the operator's arrays, the
     * stepper's and Krylov solver's work arrays (8 bytes per point each) and the multigrid preconditioner (its
     * d + 4 fine arrays and {@link DiffusionMultigrid#workingBytes}). It also bounds the operator-split methods, which
     * need the operator, three densities and at most 3d line-solve factors instead of the Krylov and multigrid arrays.
     *
     * @param grid the grid
     * @param gradientDrift whether the drift is given by a potential
     * @param hasSource whether there is a source
     * @return bytes
     */
    public static long workingBytes(Grid grid, boolean gradientDrift, boolean hasSource) {
        int d = grid.spaceDimension();
        long n = grid.pointCount();
        return FokkerPlanckOperator.bytes(grid, gradientDrift, hasSource) + WORK_ARRAYS * 8L * n
                + (d + 4) * 8L * n + DiffusionMultigrid.workingBytes(d, n);
    }

    /**
     * @param problem the problem
     * @param endTime T &gt; 0
     * @return p(T) and statistics
     * @throws org.fieldscore.pde.UnstableTimeStepException when the explicit step exceeds the limit (checked before
     *     the first step, and at every re-assembly of a time-dependent drift)
     * @throws NotConvergedException when a linear solve does not converge
     */
    public FokkerPlanckResult run(FokkerPlanckProblem problem, double endTime) {
        if (Double.isNaN(timeStep)) {
            throw new IllegalStateException("set the time step with timeStep(dt) before run");
        }
        if (!(endTime > 0) || Double.isInfinite(endTime)) {
            throw InvalidArgumentException.of("endTime", endTime, "finite and > 0");
        }
        int steps = (int) Math.max(1, Math.ceil(endTime / timeStep - 1e-9));
        double dt = endTime / steps;
        FokkerPlanckOperator op = FokkerPlanckOperator.of(problem, 0);
        if (method == FokkerPlanckMethod.EXPLICIT_EULER) {
            requireStable(op, dt);
        }
        Grid grid = problem.grid();
        int n = grid.pointCount();
        double[] p = problem.initial().sample(grid).copyValues();
        double[] next = new double[n];
        boolean iterative = method.solvesIteratively();
        double[] rhs = iterative ? new double[n] : null;
        Krylov krylov = iterative ? new Krylov(n) : null;
        FokkerPlanckPreconditioner preconditioner = iterative ? preconditioner(op, multigrid) : null;
        SplitStepper split = iterative || method == FokkerPlanckMethod.EXPLICIT_EULER ? null : new SplitStepper(op);
        boolean timeDependent = problem.driftDependsOnTime();
        double[] middle = method.order() == 2 ? new double[n] : null;
        double volume = grid.cellVolume();
        double initialMass = Vectors.sum(p) * volume;
        double minimum = min(p);
        long linearIterations = 0;
        progress.started("Fokker-Planck " + method.key() + ", " + steps + " steps to t = " + endTime, steps);
        try {
            observer.onStep(new FokkerPlanckState(grid, p, 0, 0));
            for (int step = 1; step <= steps; step++) {
                double t0 = (step - 1) * dt;
                double t1 = step == steps ? endTime : step * dt;
                switch (method) {
                    case EXPLICIT_EULER -> {
                        if (timeDependent && step > 1) {
                            op.assemble(t0);
                            requireStable(op, dt);
                        }
                        op.apply(1, dt, p, next);
                        op.addSource(dt, next);
                    }
                    case IMPLICIT_EULER -> {
                        linearIterations += implicitStep(op, preconditioner, 1, t0, dt, p, next, rhs, krylov);
                    }
                    case CRANK_NICOLSON -> {
                        if (step <= RANNACHER_STEPS) {
                            double half = 0.5 * dt;
                            linearIterations += implicitStep(op, preconditioner, 1, t0, half, p, middle, rhs,
                                    krylov);
                            linearIterations += implicitStep(op, preconditioner, 1, t0 + half, half, middle,
                                    next, rhs, krylov);
                        } else {
                            linearIterations += implicitStep(op, preconditioner, 0.5, t0, dt, p, next, rhs, krylov);
                        }
                    }
                    case SPLIT_IMPLICIT_EULER -> split.implicitEuler(t0, dt, p, next);
                    case DOUGLAS_ADI -> {
                        if (step <= RANNACHER_STEPS) {
                            double half = 0.5 * dt;
                            split.implicitEuler(t0, half, p, middle);
                            split.implicitEuler(t0 + half, half, middle, next);
                        } else {
                            split.douglas(t0, dt, p, next);
                        }
                    }
                    default -> throw new IllegalStateException(method.toString());
                }
                double[] swap = p;
                p = next;
                next = swap;
                minimum = Math.min(minimum, min(p));
                progress.advanced(step, "t = " + t1);
                observer.onStep(new FokkerPlanckState(grid, p, step, t1));
            }
        } finally {
            progress.finished();
        }
        return new FokkerPlanckResult(SampledScalarField.wrap(grid, p), endTime, steps, initialMass,
                Vectors.sum(p) * volume, minimum, linearIterations);
    }

    /**
     * One θ-step (I − θΔt L<sup>n+1</sup>) next = (I + (1 − θ)Δt L<sup>n</sup>) p + Δt s, with the mass restored
     * under no-flux and periodic walls.
     *
     * @return the Krylov iterations
     */
    private long implicitStep(FokkerPlanckOperator op, FokkerPlanckPreconditioner preconditioner, double theta,
            double t0, double dt, double[] p, double[] next, double[] rhs, Krylov krylov) {
        FokkerPlanckProblem problem = op.problem();
        boolean timeDependent = problem.driftDependsOnTime();
        int n = p.length;
        if (theta < 1) {
            if (timeDependent) {
                op.assemble(t0);
            }
            op.apply(1, (1 - theta) * dt, p, rhs);
        } else {
            System.arraycopy(p, 0, rhs, 0, n);
        }
        op.addSource(dt, rhs);
        if (timeDependent) {
            op.assemble(t0 + dt);
            preconditioner.update();
        }
        System.arraycopy(p, 0, next, 0, n);
        double beta = -theta * dt;
        KrylovReport report = krylov.solve((x, out) -> op.apply(1, beta, x, out), op.symmetryWeights(),
                preconditioner.step(theta * dt), rhs, next, stopping);
        if (problem.conservesMass()) {
            restoreMass(next, Vectors.sum(rhs));
        }
        return report.iterations();
    }

    /**
     * Solves the stationary problem L p + s = 0 directly (not by time stepping). Under no-flux and periodic walls
     * without a source, L is singular with the equilibrium as its null vector; the bordered system
     * −L p + γ(Σp/N)·1 = γ/(N ΔV)·1 with γ the mean outflow rate is nonsingular and its solution is the equilibrium
     * with Σ p ΔV = 1 (every column of L sums to zero). With absorbing walls −L p = s is nonsingular.
     *
     * @param problem the problem (a time-dependent drift is taken at t = 0)
     * @param stopping the stopping rule
     * @return the stationary density
     * @throws InvalidArgumentException when no stationary state is defined: a source without absorbing walls (the
     *     mass grows without bound), or absorbing walls without a source (the stationary state is zero)
     * @throws NotConvergedException when the solve does not converge
     */
    public static StationaryDensity stationary(FokkerPlanckProblem problem, Stopping stopping) {
        return stationary(problem, stopping, true);
    }

    /** {@link #stationary(FokkerPlanckProblem, Stopping)} with multigrid or Jacobi preconditioning. */
    static StationaryDensity stationary(FokkerPlanckProblem problem, Stopping stopping, boolean multigrid) {
        Objects.requireNonNull(stopping, "stopping");
        FokkerPlanckOperator op = FokkerPlanckOperator.of(problem, 0);
        Grid grid = problem.grid();
        int n = grid.pointCount();
        boolean conservative = problem.conservesMass();
        if (conservative && op.source() != null) {
            throw new InvalidArgumentException("source", "a source", "no source under no-flux/periodic walls",
                    "a source inside no-flux or periodic walls adds mass forever: there is no stationary state;"
                            + " make a face absorbing or drop the source");
        }
        if (!conservative && op.source() == null) {
            throw new InvalidArgumentException("source", "none", "a source with absorbing walls",
                    "with absorbing walls and no source the stationary density is zero; add a source");
        }
        double[] rhs = new double[n];
        double[] p = new double[n];
        Krylov krylov = new Krylov(n);
        double[] weights = op.symmetryWeights();
        FokkerPlanckPreconditioner preconditioner = preconditioner(op, multigrid && weights != null);
        LinearMap minusL = (x, out) -> op.apply(0, -1, x, out);
        KrylovReport report;
        double volume = grid.cellVolume();
        if (conservative) {
            double gamma = meanOutflow(op.diagonal());
            for (int i = 0; i < n; i++) {
                rhs[i] = gamma / (n * volume);
            }
            LinearMap bordered = (x, out) -> {
                op.apply(0, -1, x, out);
                double shift = gamma * Vectors.sum(x) / n;
                for (int i = 0; i < n; i++) {
                    out[i] += shift;
                }
            };
            report = null;
            if (preconditioner.usesMultigrid()) {
                java.util.Arrays.fill(p, 1 / (n * volume));
                Stopping first = new Stopping(stopping.relative(), stopping.absolute(),
                        Math.min(stopping.maxIterations(), MULTIGRID_BORDERED_ITERATIONS));
                try {
                    report = krylov.nonsymmetric(bordered, preconditioner.bordered(gamma), rhs, p, first);
                } catch (NotConvergedException e) {
                    report = null;
                }
            }
            if (report == null) {
                java.util.Arrays.fill(p, 1 / (n * volume));
                report = krylov.nonsymmetric(bordered, FokkerPlanckPreconditioner.jacobi(op).bordered(gamma), rhs,
                        p, stopping);
            }
        } else {
            System.arraycopy(op.source(), 0, rhs, 0, n);
            report = krylov.solve(minusL, weights, preconditioner.generator(), rhs, p, stopping);
        }
        return new StationaryDensity(SampledScalarField.wrap(grid, p), report.iterations(),
                report.relativeResidual());
    }

    /**
     * The spectral gap λ₁ by inverse iteration: v ← A⁻¹v/‖A⁻¹v‖ with A = −L restricted to densities of zero total
     * (Σ v = 0, the complement of the stationary state; solved with the bordered system of {@link #stationary}, or
     * by conjugate gradients in the exp(U) inner product, in which −L is self-adjoint and singular but consistent on
     * that subspace), or A = −L itself with absorbing walls. The start is a fixed pseudo-random vector (times
     * exp(−U) when there is a potential, so that it has no more weight in the tails than the modes have). The estimate
     * λ = ⟨v, A⁻¹v⟩/⟨A⁻¹v, A⁻¹v⟩ (in the exp(U) inner product when there is one, a Rayleigh quotient) stops when two
     * successive values agree to {@code tolerance} relatively. It converges like (λ₁/λ₂)ᵏ.
     *
     * @param problem the problem (a time-dependent drift is taken at t = 0)
     * @param tolerance relative change of λ between iterations at which to stop, e.g. 1e-10
     * @param maxIterations the cap on inverse iterations
     * @param stopping the stopping rule of each linear solve
     * @return λ₁ and its mode
     * @throws NotConvergedException when the iteration or a solve does not converge
     */
    public static SpectralGap spectralGap(FokkerPlanckProblem problem, double tolerance, int maxIterations,
            Stopping stopping) {
        return spectralGap(problem, tolerance, maxIterations, stopping, true);
    }

    /** {@link #spectralGap(FokkerPlanckProblem, double, int, Stopping)} with multigrid or Jacobi preconditioning. */
    static SpectralGap spectralGap(FokkerPlanckProblem problem, double tolerance, int maxIterations,
            Stopping stopping, boolean multigrid) {
        if (!(tolerance > 0)) {
            throw InvalidArgumentException.of("tolerance", tolerance, "> 0");
        }
        FokkerPlanckOperator op = FokkerPlanckOperator.of(problem, 0);
        Grid grid = problem.grid();
        int n = grid.pointCount();
        boolean conservative = problem.conservesMass();
        double[] diag = op.diagonal();
        double[] weights = op.symmetryWeights();
        double gamma = conservative && weights == null ? meanOutflow(diag) : 0;
        FokkerPlanckPreconditioner preconditioner = preconditioner(op, multigrid && weights != null);
        LinearMap inverse = gamma != 0 ? preconditioner.bordered(gamma) : preconditioner.generator();
        LinearMap a = (x, out) -> {
            op.apply(0, -1, x, out);
            if (gamma != 0) {
                double shift = gamma * Vectors.sum(x) / n;
                for (int i = 0; i < n; i++) {
                    out[i] += shift;
                }
            }
        };
        double[] v = new double[n];
        SplittableRandom random = new SplittableRandom(0x5EED_F0CCL);
        for (int i = 0; i < n; i++) {
            v[i] = (random.nextDouble() - 0.5) / (weights == null ? 1 : weights[i]);
        }
        double[] x = new double[n];
        Krylov krylov = new Krylov(n);
        double lambda = Double.NaN;
        long linear = 0;
        for (int k = 1; k <= maxIterations; k++) {
            if (conservative) {
                removeStationaryPart(v, weights);
            }
            scale(v, 1 / Math.sqrt(Vectors.dot(v, v, weights)));
            java.util.Arrays.fill(x, 0);
            KrylovReport report = weights != null
                    ? krylov.solve(a, weights, inverse, v, x, stopping)
                    : krylov.nonsymmetric(a, inverse, v, x, stopping);
            linear += report.iterations();
            double xx = Vectors.dot(x, x, weights);
            double estimate = Vectors.dot(v, x, weights) / xx;
            System.arraycopy(x, 0, v, 0, n);
            if (Math.abs(estimate - lambda) <= tolerance * Math.abs(estimate)) {
                double max = 0;
                for (double value : v) {
                    max = Math.max(max, Math.abs(value));
                }
                scale(v, 1 / max);
                return new SpectralGap(estimate, SampledScalarField.wrap(grid, v), k, linear);
            }
            lambda = estimate;
        }
        throw new NotConvergedException("inverse iteration for the spectral gap", maxIterations, lambda, Double.NaN,
                tolerance);
    }

    /**
     * Projects v onto Σv = 0 along the stationary state: along exp(−U) (the exp(U)-orthogonal projection) when there
     * are weights, so that the tails, where the weights are large, are not touched; along the constant otherwise.
     */
    private static void removeStationaryPart(double[] v, double[] weights) {
        int n = v.length;
        if (weights == null) {
            double mean = Vectors.sum(v) / n;
            for (int i = 0; i < n; i++) {
                v[i] -= mean;
            }
            return;
        }
        double total = 0;
        for (double w : weights) {
            total += 1 / w;
        }
        double c = Vectors.sum(v) / total;
        for (int i = 0; i < n; i++) {
            v[i] -= c / weights[i];
        }
    }

    private static void scale(double[] v, double c) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= c;
        }
    }

    private static FokkerPlanckPreconditioner preconditioner(FokkerPlanckOperator op, boolean multigrid) {
        return multigrid ? FokkerPlanckPreconditioner.multigrid(op) : FokkerPlanckPreconditioner.jacobi(op);
    }

    private static double meanOutflow(double[] diag) {
        return -Vectors.sum(diag) / diag.length;
    }

    private static void requireStable(FokkerPlanckOperator op, double dt) {
        StabilityLimits.requireStable(EXPLICIT_CONDITION, dt,
                StabilityLimits.explicitFokkerPlanckStep(op.largestOutflowRate()));
    }

    /** Rescales p so that Σp equals the mass the step must have (when p carries a positive total). */
    private static void restoreMass(double[] p, double targetSum) {
        double sum = Vectors.sum(p);
        if (sum > 0 && targetSum > 0) {
            scale(p, targetSum / sum);
        }
    }

    private static double min(double[] p) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : p) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** The two Krylov solvers with their work arrays, and the choice between them. */
    private static final class Krylov {
        private final int n;
        private WeightedConjugateGradient cg;
        private BiCgStab bicgstab;

        Krylov(int n) {
            this.n = n;
        }

        KrylovReport solve(LinearMap a, double[] weights, LinearMap preconditioner, double[] b, double[] x,
                Stopping stopping) {
            if (weights == null) {
                return nonsymmetric(a, preconditioner, b, x, stopping);
            }
            if (cg == null) {
                cg = new WeightedConjugateGradient(n);
            }
            return check("conjugate gradients (exp(U) inner product)", cg.solve(a, weights, preconditioner, b, x,
                    stopping.relative(), stopping.absolute(), stopping.maxIterations()), stopping);
        }

        KrylovReport nonsymmetric(LinearMap a, LinearMap preconditioner, double[] b, double[] x, Stopping stopping) {
            if (bicgstab == null) {
                bicgstab = new BiCgStab(n);
            }
            return check("BiCGSTAB", bicgstab.solve(a, preconditioner, b, x, stopping.relative(),
                    stopping.absolute(), stopping.maxIterations()), stopping);
        }

        private static KrylovReport check(String name, KrylovReport report, Stopping stopping) {
            if (!report.converged()) {
                throw new NotConvergedException(name, report.iterations(), report.residual(),
                        report.relativeResidual(), Math.max(stopping.relative() * report.rhsNorm(),
                                stopping.absolute()));
            }
            return report;
        }
    }
}
