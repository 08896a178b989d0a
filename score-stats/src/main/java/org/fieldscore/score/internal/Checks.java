package org.fieldscore.score.internal;

/**
 * Argument checks shared by the score-stats packages; every failure names the argument, the bad value and what
 * would be valid.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * @param v values
     * @param name argument name
     */
    public static void requireFinite(double[] v, String name) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + v[i] + " is not finite");
            }
        }
    }

    /**
     * Checks flat row-major samples: length a multiple of d, every value finite.
     *
     * @param samples T·d values, sample t at [t·d, (t+1)·d)
     * @param d dimension
     * @return T, the number of samples
     */
    public static int requireSamples(double[] samples, int d) {
        int count = requireSampleShape(samples, d);
        for (int i = 0; i < samples.length; i++) {
            if (!Double.isFinite(samples[i])) {
                throw new IllegalArgumentException("sample " + (i / d) + ", coordinate " + (i % d) + " is "
                        + samples[i] + "; samples must be finite");
            }
        }
        return count;
    }

    /**
     * Checks only the shape of flat row-major samples (for kernels that detect non-finite values on the fly and
     * then call {@link #requireSamples} to name the culprit).
     *
     * @param samples T·d values
     * @param d dimension
     * @return T
     */
    public static int requireSampleShape(double[] samples, int d) {
        requirePositive(d, "dimension");
        if (samples.length == 0 || samples.length % d != 0) {
            throw new IllegalArgumentException("samples must hold T·d values with d = " + d + ", got "
                    + samples.length + " values (not a positive multiple of " + d + ")");
        }
        return samples.length / d;
    }

    /**
     * @param m a matrix
     * @param d the required size
     * @param name argument name
     */
    public static void requireSquare(double[][] m, int d, String name) {
        if (m.length != d) {
            throw new IllegalArgumentException(name + " must be " + d + "×" + d + ", got " + m.length + " rows");
        }
        for (int i = 0; i < d; i++) {
            if (m[i].length != d) {
                throw new IllegalArgumentException(name + " must be " + d + "×" + d + ", row " + i + " has "
                        + m[i].length + " entries");
            }
            requireFinite(m[i], name + "[" + i + "]");
        }
    }

    /**
     * @param v a count
     * @param name argument name
     */
    public static void requirePositive(int v, String name) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + v);
        }
    }

    /**
     * @param v a value
     * @param name argument name
     */
    public static void requirePositive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
        }
    }

    /**
     * @param v a value
     * @param name argument name
     */
    public static void requireNonNegative(double v, String name) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be non-negative and finite, got " + v);
        }
    }

    /**
     * @param x a point
     * @param d the model dimension
     */
    public static void requireDimension(double[] x, int d) {
        if (x.length != d) {
            throw new IllegalArgumentException("point has " + x.length + " coordinates but the model has dimension "
                    + d);
        }
    }
}
