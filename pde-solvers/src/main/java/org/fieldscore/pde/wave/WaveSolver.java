package org.fieldscore.pde.wave;

import java.util.Objects;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.bc.Face;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.pde.StabilityLimits;
import org.fieldscore.pde.TemporalBlocking;
import org.fieldscore.pde.UnstableTimeStepException;
import org.fieldscore.pde.internal.EllipticOperator;

/**
 * Leapfrog (Störmer–Verlet) integration of a {@link WaveProblem} with the second-order Laplacian of
 * {@link org.fieldscore.pde.poisson.PoissonProblem} (Aφ + q, q the boundary data):
 * <pre>
 *   (1 + γΔt/2) φ<sup>n+1</sup> = 2φ<sup>n</sup> − (1 − γΔt/2) φ<sup>n−1</sup> + Δt²[c²(Aφ<sup>n</sup> + q<sup>n</sup>) − gρ<sup>n</sup>],
 *   φ<sup>1</sup> = φ<sup>0</sup> + Δt v<sup>0</sup> + ½Δt²[c²(Aφ<sup>0</sup> + q<sup>0</sup>) − gρ<sup>0</sup> − γv<sup>0</sup>],
 * </pre>
 * second order in Δt and h, stable for c·Δt·√(Σ1/h²) ≤ 1 (CFL); a larger step is refused with
 * {@link UnstableTimeStepException}. Absorbing faces get Mur's first-order update after each step. The requested Δt
 * is shrunk to T/⌈T/Δt⌉. Two time levels are stored: φ<sup>n+1</sup> is written over φ<sup>n−1</sup>. Runs with
 * boundary data and density constant in time, no absorbing face, no observer and no energy monitor advance several
 * steps per pass over memory where that pays ({@link TemporalBlocking}), with the same result bit for bit.
 * Immutable.
 */
public final class WaveSolver {

    /** The leapfrog step's stability condition, as messages name it. */
    public static final String CFL_CONDITION = "leapfrog wave step (CFL: c dt sqrt(sum 1/h^2) <= 1)";

    private final double timeStep;
    private final WaveObserver observer;
    private final ProgressListener progress;
    private final boolean monitorEnergy;
    private final TemporalBlocking blocking;

    private WaveSolver(double timeStep, WaveObserver observer, ProgressListener progress, boolean monitorEnergy,
                       TemporalBlocking blocking) {
        this.timeStep = timeStep;
        this.observer = observer;
        this.progress = progress;
        this.monitorEnergy = monitorEnergy;
        this.blocking = blocking;
    }

    /**
     * @param dt the time step &gt; 0
     * @return a leapfrog solver
     */
    public static WaveSolver leapfrog(double dt) {
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("time step must be finite and > 0, got " + dt);
        }
        return new WaveSolver(dt, WaveObserver.NONE, ProgressListener.NONE, false, TemporalBlocking.AUTO);
    }

    /** @param o called after every step @return a copy */
    public WaveSolver observer(WaveObserver o) {
        return new WaveSolver(timeStep, Objects.requireNonNull(o, "observer"), progress, monitorEnergy, blocking);
    }

    /** @param listener receives one report per step @return a copy */
    public WaveSolver progress(ProgressListener listener) {
        return new WaveSolver(timeStep, observer, Objects.requireNonNull(listener, "listener"), monitorEnergy,
                blocking);
    }

    /** @param on whether to record the discrete energy after every step (one extra operator application) @return a copy */
    public WaveSolver monitorEnergy(boolean on) {
        return new WaveSolver(timeStep, observer, progress, on, blocking);
    }

    /**
     * @param setting whether steps 2 … N advance several steps per pass over memory (default
     *     {@link TemporalBlocking#AUTO}: where it pays); the results are the same bit for bit either way
     * @return a copy
     */
    public WaveSolver temporalBlocking(TemporalBlocking setting) {
        return new WaveSolver(timeStep, observer, progress, monitorEnergy, Objects.requireNonNull(setting, "setting"));
    }

    /**
     * @param problem a problem
     * @return 1/(c√(Σ1/h²)), the CFL limit
     */
    public static double largestStableStep(WaveProblem problem) {
        return StabilityLimits.leapfrogStep(problem.grid(), problem.speed());
    }

    /**
     * @param problem the problem
     * @param endTime T &gt; 0
     * @return φ(T), the number of steps and the energy history
     * @throws UnstableTimeStepException when Δt violates the CFL condition
     */
    public WaveResult run(WaveProblem problem, double endTime) {
        if (!(endTime > 0) || Double.isInfinite(endTime)) {
            throw new IllegalArgumentException("end time must be finite and > 0, got " + endTime);
        }
        int steps = StabilityLimits.stepCount(endTime, timeStep);
        double dt = endTime / steps;
        double limit = largestStableStep(problem);
        StabilityLimits.requireStable(CFL_CONDITION, dt, limit);
        EllipticOperator op = EllipticOperator.of(problem.grid(), problem.boundaries(), 0);
        double c2 = problem.speed() * problem.speed();
        double g = problem.coupling().value();
        double gamma = problem.damping();
        double[] prev = op.newArray();
        double[] cur = op.newArray();
        double[] velocity = op.newArray();
        double[] q = op.newArray();
        double[] rho = op.newArray();
        double[] forcing = op.newArray();
        op.mapping().sample(0, problem.initial()::value, prev);
        if (problem.initialVelocity() != null) {
            op.mapping().sample(0, problem.initialVelocity()::value, velocity);
        }
        boolean boundaryDependsOnTime = op.lifting().dependsOnTime();
        op.lifting().addBoundaryTerms(0, q);
        if (problem.density() != null) {
            op.mapping().sample(0, problem.density()::value, rho);
        }
        Face[] absorbing = problem.absorbingFaces().toArray(new Face[0]);
        double[] kappa = new double[absorbing.length];
        for (int f = 0; f < absorbing.length; f++) {
            double h = problem.grid().spacing(absorbing[f].axis());
            double cdt = problem.speed() * dt;
            kappa[f] = (cdt - h) / (cdt + h);
        }
        double[] energy = new double[monitorEnergy ? steps : 0];
        progress.started("leapfrog, " + steps + " steps to t = " + endTime, steps);
        try {
            for (int i = 0; i < forcing.length; i++) {
                forcing[i] = dt * velocity[i] + 0.5 * dt * dt * (c2 * q[i] - g * rho[i] - gamma * velocity[i]);
            }
            op.steps().explicitUpdate(1, 0.5 * dt * dt * c2, prev, 0, null, forcing, cur);
            for (int f = 0; f < absorbing.length; f++) {
                op.steps().murUpdate(absorbing[f].axis(), absorbing[f].side() < 0 ? 0 : 1, kappa[f], prev, cur);
            }
            finishStep(op, cur, prev, 1, dt, problem, energy, endTime, steps);
            double damp = 1 + 0.5 * gamma * dt;
            double s = 2 / damp;
            double a = dt * dt * c2 / damp;
            double b = -(1 - 0.5 * gamma * dt) / damp;
            double[] term = null;
            boolean constantForcing = !boundaryDependsOnTime && !problem.densityDependsOnTime();
            int perPass = 1;
            if (constantForcing && steps > 1) {
                term = forcing(op, dt, c2, g, damp, q, rho, forcing);
                if (absorbing.length == 0 && observer == WaveObserver.NONE && !monitorEnergy) {
                    int arrays = term == null ? 2 : 3;
                    perPass = blocking.resolve(op.steps().profitablePass(arrays));
                }
            }
            for (int n = 1; perPass > 1 && n < steps; n += perPass) {
                int count = Math.min(perPass, steps - n);
                double[] last = op.steps().explicitSteps(count, perPass, s, a, b, true, term, cur, prev);
                if (last != cur) {
                    prev = cur;
                    cur = last;
                }
                for (int m = n + 1; m <= n + count; m++) {
                    finishStep(op, cur, prev, m, dt, problem, energy, endTime, steps);
                }
            }
            for (int n = 1; perPass == 1 && n < steps; n++) {
                double t = n * dt;
                if (boundaryDependsOnTime) {
                    java.util.Arrays.fill(q, 0.0);
                    op.lifting().addBoundaryTerms(t, q);
                }
                if (problem.density() != null && problem.densityDependsOnTime()) {
                    op.mapping().sample(t, problem.density()::value, rho);
                }
                if (!constantForcing) {
                    term = forcing(op, dt, c2, g, damp, q, rho, forcing);
                }
                double[] next = prev;
                op.steps().explicitUpdate(s, a, cur, b, prev, term, next);
                for (int f = 0; f < absorbing.length; f++) {
                    op.steps().murUpdate(absorbing[f].axis(), absorbing[f].side() < 0 ? 0 : 1, kappa[f], cur, next);
                }
                prev = cur;
                cur = next;
                finishStep(op, cur, prev, n + 1, dt, problem, energy, endTime, steps);
            }
        } finally {
            progress.finished();
        }
        double[] values = op.mapping().gather(cur, endTime);
        for (Face f : absorbing) {
            op.mapping().copyFixedLayer(f.axis(), f.side() < 0 ? 0 : 1, cur, values);
        }
        return new WaveResult(SampledScalarField.wrap(problem.grid(), values), endTime, steps, energy);
    }

    /** The leapfrog step's additive term Δt²(c²q − gρ)/(1 + γΔt/2) into forcing; null while it vanishes. */
    private static double[] forcing(EllipticOperator op, double dt, double c2, double g, double damp,
                                    double[] q, double[] rho, double[] forcing) {
        for (int i = 0; i < forcing.length; i++) {
            forcing[i] = dt * dt * (c2 * q[i] - g * rho[i]) / damp;
        }
        return op.vectors().norm(forcing) == 0 ? null : forcing;
    }

    private void finishStep(EllipticOperator op, double[] cur, double[] prev, int step, double dt, WaveProblem problem,
                            double[] energy, double endTime, int steps) {
        double t = step == steps ? endTime : step * dt;
        if (energy.length > 0) {
            energy[step - 1] = WaveStepState.energy(op, cur, prev, dt, problem.speed());
        }
        progress.advanced(step, "t = " + t);
        observer.onStep(new WaveStepState(op, cur, prev, step, t, dt, problem.speed()));
    }
}
