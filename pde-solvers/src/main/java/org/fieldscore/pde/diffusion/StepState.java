package org.fieldscore.pde.diffusion;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.pde.internal.EllipticOperator;

/**
 * A view of a time stepper's state during a {@link StepObserver} call. Not to be kept after the call.
 */
public final class StepState {

    private final EllipticOperator operator;
    private final double[] unknowns;
    private final int step;
    private final double time;
    private final double cellVolume;

    /**
     * @param operator the discretisation
     * @param unknowns the padded state array
     * @param step the step number, 0 for the initial state
     * @param time the time
     */
    StepState(EllipticOperator operator, double[] unknowns, int step, double time) {
        this.operator = operator;
        this.unknowns = unknowns;
        this.step = step;
        this.time = time;
        this.cellVolume = operator.grid().cellVolume();
    }

    /** @return the step number (0 = initial state) */
    public int step() {
        return step;
    }

    /** @return the time */
    public double time() {
        return time;
    }

    /** @return a snapshot of φ on the grid (allocates; Dirichlet boundary points carry g(t, x)) */
    public SampledScalarField field() {
        return SampledScalarField.wrap(operator.grid(), operator.mapping().gather(unknowns, time));
    }

    /**
     * @return the total amount ∫φ dV over the unknowns, with the quadrature weights of the discretisation (the
     *     quantity the schemes conserve exactly under zero-flux walls)
     */
    public double totalHeat() {
        double[] ones = operator.newArray();
        java.util.Arrays.fill(ones, 1.0);
        return operator.vectors().weightedDot(unknowns, ones) * cellVolume;
    }
}
