package org.fieldscore.pde.diffusion;

import java.util.Objects;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.pde.StabilityLimits;
import org.fieldscore.pde.TemporalBlocking;
import org.fieldscore.pde.UnstableTimeStepException;
import org.fieldscore.pde.poisson.MultigridSolver;
import org.fieldscore.pde.internal.EllipticOperator;
import org.fieldscore.pde.internal.solve.PreparedSolve;
import org.fieldscore.pde.internal.solve.SolverPreparation;
import org.fieldscore.pde.poisson.PoissonSolver;
import org.fieldscore.pde.SolveReport;
import org.fieldscore.pde.Stopping;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.AdaptiveStepsizeIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * Integrates a {@link DiffusionProblem} in time. The space discretisation is the method of lines with the
 * second-order Laplacian A of {@link org.fieldscore.pde.poisson.PoissonProblem}: dφ/dt = k(Aφ + q(t)) + S(t), q
 * carrying the boundary data.
 * <ul>
 *   <li>explicit Euler (FTCS): φ ← φ + Δt[k(Aφ + q) + S], stable for k·Δt·Σ1/h² ≤ ½ (the largest eigenvalue of −A is
 *       at most 4Σ1/h²); a larger step is refused with {@link UnstableTimeStepException}, or split into equal
 *       sub-steps when {@link #subCycle(boolean)} is on;</li>
 *   <li>implicit Euler: (A − σ)φ<sup>n+1</sup> = −σφ<sup>n</sup> − q<sup>n+1</sup> − S<sup>n+1</sup>/k, σ = 1/(kΔt);</li>
 *   <li>Crank–Nicolson: (A − σ)φ<sup>n+1</sup> = −σφ<sup>n</sup> − Aφ<sup>n</sup> − (q<sup>n</sup> + q<sup>n+1</sup>)
 *       − (S<sup>n</sup> + S<sup>n+1</sup>)/k, σ = 2/(kΔt) (Crank &amp; Nicolson 1947);</li>
 *   <li>Dormand–Prince 8(5,3) and 5(4) (Hipparchus, adaptive; Δt is then the observer interval).</li>
 * </ul>
 * The requested Δt is shrunk to T/⌈T/Δt⌉ so that the steps end at T; the explicit method's sub-steps all have the
 * same Δt. Runs of the explicit method with boundary data and sources constant in time and no observer advance
 * several steps per pass over memory where that pays ({@link TemporalBlocking}), with the same result bit for bit.
 * Immutable: the configuration methods return modified copies.
 */
public final class DiffusionSolver {

    /** The explicit method's stability condition, as messages name it. */
    public static final String EXPLICIT_CONDITION = "explicit diffusion step (k dt sum 1/h^2 <= 1/2)";

    /** Largest number of unknowns for the method-of-lines integrators. */
    public static final int MAX_ODE_UNKNOWNS = 200_000;

    private final DiffusionMethod method;
    private final double timeStep;
    private final PoissonSolver linearSolver;
    private final Stopping stopping;
    private final boolean subCycle;
    private final ProgressListener progress;
    private final StepObserver observer;
    private final double odeTolerance;
    private final TemporalBlocking blocking;

    private DiffusionSolver(DiffusionMethod method, double timeStep, PoissonSolver linearSolver, Stopping stopping,
                            boolean subCycle, ProgressListener progress, StepObserver observer, double odeTolerance,
                            TemporalBlocking blocking) {
        this.method = method;
        this.timeStep = timeStep;
        this.linearSolver = linearSolver;
        this.stopping = stopping;
        this.subCycle = subCycle;
        this.progress = progress;
        this.observer = observer;
        this.odeTolerance = odeTolerance;
        this.blocking = blocking;
    }

    /**
     * @param method the time integrator
     * @return a solver with multigrid linear solves to relative residual 1e-12, no sub-cycling, no observers; set
     *     the time step before running
     */
    public static DiffusionSolver of(DiffusionMethod method) {
        return new DiffusionSolver(Objects.requireNonNull(method, "method"), Double.NaN, MultigridSolver.vCycle(),
                new Stopping(1e-12, 0, 100), false, ProgressListener.NONE, StepObserver.NONE, 1e-9,
                TemporalBlocking.AUTO);
    }

    /**
     * @param dt the time step (observer interval for the adaptive integrators), &gt; 0
     * @return a copy with that step
     */
    public DiffusionSolver timeStep(double dt) {
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("time step must be finite and > 0, got " + dt);
        }
        return new DiffusionSolver(method, dt, linearSolver, stopping, subCycle, progress, observer, odeTolerance,
                blocking);
    }

    /**
     * @param solver the solver of the implicit methods' linear systems
     * @return a copy
     */
    public DiffusionSolver linearSolver(PoissonSolver solver) {
        return new DiffusionSolver(method, timeStep, Objects.requireNonNull(solver, "solver"), stopping, subCycle,
                progress, observer, odeTolerance, blocking);
    }

    /**
     * @param s stopping criterion of each linear solve
     * @return a copy
     */
    public DiffusionSolver linearStopping(Stopping s) {
        return new DiffusionSolver(method, timeStep, linearSolver, Objects.requireNonNull(s, "stopping"), subCycle,
                progress, observer, odeTolerance, blocking);
    }

    /**
     * @param on whether the explicit method splits a too-large step into stable sub-steps instead of refusing it
     * @return a copy
     */
    public DiffusionSolver subCycle(boolean on) {
        return new DiffusionSolver(method, timeStep, linearSolver, stopping, on, progress, observer, odeTolerance,
                blocking);
    }

    /**
     * @param listener receives one report per step
     * @return a copy
     */
    public DiffusionSolver progress(ProgressListener listener) {
        return new DiffusionSolver(method, timeStep, linearSolver, stopping, subCycle,
                Objects.requireNonNull(listener, "listener"), observer, odeTolerance, blocking);
    }

    /**
     * @param stepObserver called for the initial state and after every step (or the steps it names, {@link
     *     StepObserver#atSteps})
     * @return a copy
     */
    public DiffusionSolver observer(StepObserver stepObserver) {
        return new DiffusionSolver(method, timeStep, linearSolver, stopping, subCycle, progress,
                Objects.requireNonNull(stepObserver, "observer"), odeTolerance, blocking);
    }

    /**
     * @param relative relative (and, scaled by the initial maximum, absolute) tolerance of the adaptive integrators
     * @return a copy
     */
    public DiffusionSolver odeTolerance(double relative) {
        if (!(relative > 0) || relative >= 1) {
            throw new IllegalArgumentException("ODE tolerance must be in (0, 1), got " + relative);
        }
        return new DiffusionSolver(method, timeStep, linearSolver, stopping, subCycle, progress, observer, relative,
                blocking);
    }

    /**
     * @param setting whether the explicit method advances several steps per pass over memory (default
     *     {@link TemporalBlocking#AUTO}: where it pays); the results are the same bit for bit either way
     * @return a copy
     */
    public DiffusionSolver temporalBlocking(TemporalBlocking setting) {
        return new DiffusionSolver(method, timeStep, linearSolver, stopping, subCycle, progress, observer, odeTolerance,
                Objects.requireNonNull(setting, "setting"));
    }

    /**
     * @param problem a problem
     * @return 1/(2k Σ1/h²), the largest stable explicit step
     */
    public static double largestStableStep(DiffusionProblem problem) {
        return StabilityLimits.explicitDiffusionStep(problem.grid(), problem.diffusivity());
    }

    /**
     * @param problem the problem
     * @param endTime T &gt; 0
     * @return φ(T) and statistics
     * @throws UnstableTimeStepException when the explicit step is unstable and sub-cycling is off
     * @throws org.fieldscore.pde.NotConvergedException when a linear solve does not converge
     */
    public DiffusionResult run(DiffusionProblem problem, double endTime) {
        if (Double.isNaN(timeStep)) {
            throw new IllegalStateException("set the time step with timeStep(dt) before run");
        }
        if (!(endTime > 0) || Double.isInfinite(endTime)) {
            throw new IllegalArgumentException("end time must be finite and > 0, got " + endTime);
        }
        int steps = StabilityLimits.stepCount(endTime, timeStep);
        double dt = endTime / steps;
        int subSteps = 1;
        if (method == DiffusionMethod.EXPLICIT_EULER) {
            double limit = largestStableStep(problem);
            if (!subCycle) {
                StabilityLimits.requireStable(EXPLICIT_CONDITION, dt, limit);
            }
            subSteps = StabilityLimits.subSteps(dt, limit);
        }
        Run run = new Run(problem);
        progress.started(method.key() + ", " + steps + " steps to t = " + endTime, steps);
        try {
            observer.onStep(new StepState(run.op, run.u, 0, 0));
            if (method == DiffusionMethod.EXPLICIT_EULER) {
                run.explicitSteps(steps, subSteps, dt, endTime);
            } else {
                for (int n = 1; n <= steps; n++) {
                    double t0 = (n - 1) * dt;
                    double t1 = stepEnd(n, steps, dt, endTime);
                    if (method == DiffusionMethod.IMPLICIT_EULER || method == DiffusionMethod.CRANK_NICOLSON) {
                        run.implicitStep(t0, t1);
                    } else {
                        run.odeStep(t0, t1);
                    }
                    stepDone(run, n, t1);
                }
            }
        } finally {
            progress.finished();
        }
        return new DiffusionResult(SampledScalarField.wrap(problem.grid(), run.op.mapping().gather(run.u, endTime)), endTime,
                steps, subSteps, run.linearIterations);
    }

    private static double stepEnd(int n, int steps, double dt, double endTime) {
        return n == steps ? endTime : n * dt;
    }

    private void stepDone(Run run, int n, double t) {
        progress.advanced(n, "t = " + t);
        if (observer.nextObservedStep(n) == n) {
            observer.onStep(new StepState(run.op, run.u, n, t));
        }
    }

    /** The state of one run. */
    private final class Run {
        final DiffusionProblem problem;
        final EllipticOperator op;
        final double k;
        double[] u;
        double[] next;
        final double[] q;
        final double[] qNext;
        final double[] source;
        final double[] sourceNext;
        final double[] rhs;
        /** The explicit step's additive term: rhs, or null while it vanishes. */
        double[] explicitTerm;
        final boolean boundaryDependsOnTime;
        PreparedSolve prepared;
        double preparedStep = Double.NaN;
        double forcingStep = Double.NaN;
        long linearIterations;
        double[] packed;
        AdaptiveStepsizeIntegrator integrator;

        Run(DiffusionProblem problem) {
            this.problem = problem;
            this.op = EllipticOperator.of(problem.grid(), problem.boundaries(), 0);
            this.k = problem.diffusivity();
            u = op.newArray();
            op.mapping().sample(0, problem.initial()::value, u);
            next = op.newArray();
            q = op.newArray();
            qNext = op.newArray();
            source = op.newArray();
            sourceNext = op.newArray();
            rhs = op.newArray();
            boundaryDependsOnTime = op.lifting().dependsOnTime();
            boundaryTerms(0, q);
            sourceAt(0, source);
            boundaryTerms(0, qNext);
            sourceAt(0, sourceNext);
        }

        void boundaryTerms(double t, double[] into) {
            java.util.Arrays.fill(into, 0.0);
            op.lifting().addBoundaryTerms(t, into);
        }

        void sourceAt(double t, double[] into) {
            if (problem.hasSource()) {
                op.mapping().sample(t, problem::source, into);
            }
        }

        /** Refreshes the arrays at time t when the data depend on time. */
        void dataAt(double t, double[] qInto, double[] sInto) {
            if (boundaryDependsOnTime) {
                boundaryTerms(t, qInto);
            }
            if (problem.sourceDependsOnTime()) {
                sourceAt(t, sInto);
            }
        }

        /**
         * The explicit method: steps × subSteps sub-steps of the same Δt = dt/subSteps. With boundary data and sources
         * constant in time, they go in temporally blocked passes where that pays (or as the {@link TemporalBlocking}
         * setting says), in groups of whole steps that are whole passes and end at every step the observer needs.
         */
        void explicitSteps(int steps, int subSteps, double dt, double endTime) {
            double h = dt / subSteps;
            boolean constantData = !boundaryDependsOnTime && !problem.sourceDependsOnTime();
            int perPass = 1;
            if (constantData) {
                forcing(0, h);
                int arrays = explicitTerm == null ? 2 : 3;
                perPass = blocking.resolve(op.steps().profitablePass(arrays));
            }
            int group = perPass / gcd(perPass, subSteps);
            int count;
            for (int n = 1; n <= steps; n += count) {
                count = (int) Math.min(Math.min(group, steps - n + 1), (long) observer.nextObservedStep(n) - n + 1);
                if (constantData) {
                    double[] last = op.steps().explicitSteps(count * subSteps, perPass, 1, k * h, 0, false,
                            explicitTerm, u, next);
                    if (last == next) {
                        next = u;
                        u = last;
                    }
                } else {
                    double t0 = (n - 1) * dt;
                    double t1 = stepEnd(n, steps, dt, endTime);
                    for (int s = 0; s < subSteps; s++) {
                        explicitStep(t0 + (t1 - t0) * s / subSteps, h);
                    }
                }
                for (int m = n; m < n + count; m++) {
                    stepDone(this, m, stepEnd(m, steps, dt, endTime));
                }
            }
        }

        private static int gcd(int a, int b) {
            return b == 0 ? a : gcd(b, a % b);
        }

        /** The explicit step's additive term Δt(kq + S) at time t, or null while it vanishes. */
        void forcing(double t, double dt) {
            dataAt(t, q, source);
            for (int i = 0; i < rhs.length; i++) {
                rhs[i] = dt * (k * q[i] + source[i]);
            }
            explicitTerm = op.vectors().norm(rhs) == 0 ? null : rhs;
            forcingStep = dt;
        }

        void explicitStep(double t, double dt) {
            if (dt != forcingStep || boundaryDependsOnTime || problem.sourceDependsOnTime()) {
                forcing(t, dt);
            }
            op.steps().explicitUpdate(1, k * dt, u, 0, null, explicitTerm, next);
            double[] swap = u;
            u = next;
            next = swap;
        }

        void implicitStep(double t0, double t1) {
            double dt = t1 - t0;
            boolean cn = method == DiffusionMethod.CRANK_NICOLSON;
            double sigma = (cn ? 2 : 1) / (k * dt);
            if (prepared == null || Math.abs(dt - preparedStep) > 1e-12 * dt) {
                prepared = SolverPreparation.prepare(linearSolver, op.withShift(sigma));
                preparedStep = dt;
            }
            dataAt(t0, q, source);
            dataAt(t1, qNext, sourceNext);
            if (cn) {
                op.stencil().apply(u, rhs);
                for (int i = 0; i < rhs.length; i++) {
                    rhs[i] = -sigma * u[i] - rhs[i] - (q[i] + qNext[i]) - (source[i] + sourceNext[i]) / k;
                }
            } else {
                for (int i = 0; i < rhs.length; i++) {
                    rhs[i] = -sigma * u[i] - qNext[i] - sourceNext[i] / k;
                }
            }
            SolveReport report = prepared.solve(rhs, u, stopping);
            report.requireConverged();
            linearIterations += report.iterations();
        }

        void odeStep(double t0, double t1) {
            int n = op.unknownCount();
            if (n > MAX_ODE_UNKNOWNS) {
                throw new IllegalArgumentException("the method-of-lines integrators are for small grids: " + n
                        + " unknowns exceed " + MAX_ODE_UNKNOWNS + "; use crank-nicolson or explicit-euler");
            }
            if (integrator == null) {
                packed = new double[n];
                op.layout().pack(u, packed);
                double scale = 0;
                for (double v : packed) {
                    scale = Math.max(scale, Math.abs(v));
                }
                double absolute = odeTolerance * Math.max(scale, 1e-300);
                integrator = method == DiffusionMethod.DORMAND_PRINCE_853
                        ? new DormandPrince853Integrator(1e-14, t1 - t0, absolute, odeTolerance)
                        : new DormandPrince54Integrator(1e-14, t1 - t0, absolute, odeTolerance);
                integrator.setMaxEvaluations(Integer.MAX_VALUE);
            }
            double[] work = op.newArray();
            double[] lap = op.newArray();
            double[] qt = op.newArray();
            double[] st = op.newArray();
            OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
                @Override
                public int getDimension() {
                    return n;
                }

                @Override
                public double[] computeDerivatives(double t, double[] y) {
                    op.layout().unpack(y, work);
                    op.stencil().apply(work, lap);
                    boundaryTerms(t, qt);
                    if (problem.hasSource()) {
                        op.mapping().sample(t, problem::source, st);
                    }
                    for (int i = 0; i < lap.length; i++) {
                        lap[i] = k * (lap[i] + qt[i]) + st[i];
                    }
                    double[] dy = new double[n];
                    op.layout().pack(lap, dy);
                    return dy;
                }
            };
            packed = integrator.integrate(ode, new ODEState(t0, packed), t1).getPrimaryState();
            op.layout().unpack(packed, u);
        }
    }
}
