package org.fieldscore.fields;

/**
 * A real function of time and position, φ(t, x). Implementations must not keep the array {@code x}.
 */
@FunctionalInterface
public interface ScalarFunction {

    /**
     * @param t time
     * @param x position, one entry per space dimension
     * @return φ(t, x)
     */
    double value(double t, double[] x);
}
