package org.fieldscore.fields;

/**
 * A vector-valued function of time and position written into a caller-supplied array (no allocation).
 */
@FunctionalInterface
public interface VectorFunction {

    /**
     * @param t time
     * @param x position, one entry per space dimension
     * @param out receives the components
     */
    void value(double t, double[] x, double[] out);
}
