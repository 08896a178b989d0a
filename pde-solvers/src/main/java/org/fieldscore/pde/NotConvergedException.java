package org.fieldscore.pde;

/**
 * Thrown when a result is used as a solution although its solver stopped before reaching its tolerance.
 */
public class NotConvergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param solver the solver's name
     * @param iterations iterations performed
     * @param residual the final residual norm
     * @param relativeResidual the final residual relative to ‖b‖
     * @param threshold the residual norm that was required
     */
    public NotConvergedException(String solver, int iterations, double residual, double relativeResidual,
                                 double threshold) {
        super(solver + " did not converge: after " + iterations + " iterations the residual is " + residual
                + " (relative " + relativeResidual + "), the stopping criterion asked for <= " + threshold
                + "; raise maxIterations, loosen the tolerance or choose another solver");
    }
}
