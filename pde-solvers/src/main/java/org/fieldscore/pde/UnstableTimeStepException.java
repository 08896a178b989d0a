package org.fieldscore.pde;

import org.fieldscore.fields.InvalidArgumentException;

/**
 * Thrown when an explicit scheme is asked to step beyond its stability limit ({@link StabilityLimits}); carries the
 * requested and the largest stable step as data (argument {@code dt}, valid range {@code <= limit}).
 */
public class UnstableTimeStepException extends InvalidArgumentException {

    private static final long serialVersionUID = 1L;

    private final double requested;
    private final double largestStableStep;

    /**
     * @param what the scheme and its condition, e.g. "explicit diffusion step (k dt sum 1/h^2 &lt;= 1/2)"
     * @param requested the step asked for
     * @param largestStableStep the largest step that satisfies the condition
     */
    public UnstableTimeStepException(String what, double requested, double largestStableStep) {
        super("dt", requested, "<= " + largestStableStep, what + " is unstable for dt = " + requested
                + "; the largest stable time step is dt = " + largestStableStep + " (choose dt <= "
                + largestStableStep + ", an implicit method, or sub-cycling)");
        this.requested = requested;
        this.largestStableStep = largestStableStep;
    }

    /** @return the step asked for */
    public double requested() {
        return requested;
    }

    /** @return the largest stable step */
    public double largestStableStep() {
        return largestStableStep;
    }
}
