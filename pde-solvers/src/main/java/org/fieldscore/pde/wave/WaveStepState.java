package org.fieldscore.pde.wave;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.pde.internal.EllipticOperator;

/**
 * A view of the leapfrog state φ<sup>n</sup> (with φ<sup>n−1</sup>) during a {@link WaveObserver} call.
 */
public final class WaveStepState {

    private final EllipticOperator operator;
    private final double[] current;
    private final double[] previous;
    private final int step;
    private final double time;
    private final double dt;
    private final double speed;

    WaveStepState(EllipticOperator operator, double[] current, double[] previous, int step, double time, double dt,
                  double speed) {
        this.operator = operator;
        this.current = current;
        this.previous = previous;
        this.step = step;
        this.time = time;
        this.dt = dt;
        this.speed = speed;
    }

    /** @return the step number (1 after the first step) */
    public int step() {
        return step;
    }

    /** @return the time */
    public double time() {
        return time;
    }

    /** @return a snapshot of φ on the grid (allocates) */
    public SampledScalarField field() {
        return SampledScalarField.wrap(operator.grid(), operator.mapping().gather(current, time));
    }

    /**
     * The discrete energy that leapfrog conserves exactly without sources, damping, boundary data or absorbing faces
     * (Strikwerda, <i>Finite Difference Schemes</i>, §8.2):
     * E<sup>n−½</sup> = ½‖(φ<sup>n</sup> − φ<sup>n−1</sup>)/Δt‖²<sub>W</sub> − (c²/2)⟨φ<sup>n</sup>, Aφ<sup>n−1</sup>⟩<sub>W</sub>,
     * times the cell volume.
     *
     * @return E
     */
    public double energy() {
        return energy(operator, current, previous, dt, speed);
    }

    static double energy(EllipticOperator op, double[] current, double[] previous, double dt, double speed) {
        double[] diff = op.newArray();
        double[] ap = op.newArray();
        op.layout().copyUnknowns(current, diff);
        op.vectors().axpy(-1, previous, diff);
        double kinetic = op.vectors().weightedDot(diff, diff) / (dt * dt);
        double[] prev = previous.clone();
        op.stencil().apply(prev, ap);
        double potential = -speed * speed * op.vectors().weightedDot(current, ap);
        return 0.5 * (kinetic + potential) * op.grid().cellVolume();
    }
}
