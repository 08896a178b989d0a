package org.fieldscore.pde.internal.krylov;

/**
 * How a Krylov solve ended.
 *
 * @param iterations iterations performed
 * @param residual the final ‖b − A x‖₂
 * @param rhsNorm ‖b‖₂
 * @param converged whether the stopping rule was met
 */
public record KrylovReport(int iterations, double residual, double rhsNorm, boolean converged) {

    /** @return ‖b − A x‖₂ / ‖b‖₂ (the residual itself when b = 0) */
    public double relativeResidual() {
        return rhsNorm > 0 ? residual / rhsNorm : residual;
    }
}
