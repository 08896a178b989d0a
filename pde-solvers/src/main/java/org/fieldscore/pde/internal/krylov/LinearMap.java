package org.fieldscore.pde.internal.krylov;

/** A matrix-free linear map on flat arrays: out = A·x (out and x never alias). */
@FunctionalInterface
public interface LinearMap {

    /**
     * @param x the argument
     * @param out receives A·x
     */
    void apply(double[] x, double[] out);
}
