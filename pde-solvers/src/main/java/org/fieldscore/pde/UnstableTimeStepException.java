package org.fieldscore.pde;

/**
 * Thrown when an explicit scheme is asked to step beyond its stability limit; carries the largest stable step.
 */
public class UnstableTimeStepException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final double largestStableStep;

    /**
     * @param what the scheme and its condition, e.g. "explicit diffusion step (k dt sum 1/h^2 <= 1/2)"
     * @param requested the requested step
     * @param largestStableStep the largest step that satisfies the condition
     */
    public UnstableTimeStepException(String what, double requested, double largestStableStep) {
        super(what + " is unstable for dt = " + requested + "; the largest stable time step is dt = "
                + largestStableStep + " (choose dt <= " + largestStableStep + ", an implicit method, or sub-cycling)");
        this.largestStableStep = largestStableStep;
    }

    /** @return the largest stable step */
    public double largestStableStep() {
        return largestStableStep;
    }
}
