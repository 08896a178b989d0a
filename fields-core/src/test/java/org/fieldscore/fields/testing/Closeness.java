package org.fieldscore.fields.testing;

import java.util.Arrays;

import org.opentest4j.AssertionFailedError;

/**
 * NaN-aware closeness assertions with relative and absolute tolerances. A value passes when
 * |actual − expected| &le; max(absolute, relative·|expected|); NaN passes only when NaN is expected, and an infinity
 * only when the same infinity is expected. Failure messages state the expected and actual values, the absolute and
 * relative difference and the tolerances.
 */
public final class Closeness {

    private Closeness() {
    }

    /**
     * @param expected the expected value
     * @param actual the actual value
     * @param relative relative tolerance, &ge; 0
     * @param absolute absolute tolerance, &ge; 0
     * @return whether actual is within max(absolute, relative·|expected|) of expected (NaN only matches NaN)
     */
    public static boolean isClose(double expected, double actual, double relative, double absolute) {
        if (!(relative >= 0) || !(absolute >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, got relative " + relative + ", absolute "
                    + absolute);
        }
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return expected == actual;
        }
        return Math.abs(actual - expected) <= Math.max(absolute, relative * Math.abs(expected));
    }

    /**
     * Asserts |actual − expected| &le; relative·|expected|.
     *
     * @param what description for the failure message
     * @param expected the expected value
     * @param actual the actual value
     * @param relative relative tolerance, &ge; 0
     */
    public static void assertRelativelyClose(String what, double expected, double actual, double relative) {
        assertClose(what, expected, actual, relative, 0);
    }

    /**
     * Asserts |actual − expected| &le; max(absolute, relative·|expected|).
     *
     * @param what description for the failure message
     * @param expected the expected value
     * @param actual the actual value
     * @param relative relative tolerance, &ge; 0
     * @param absolute absolute tolerance, &ge; 0
     */
    public static void assertClose(String what, double expected, double actual, double relative, double absolute) {
        if (!isClose(expected, actual, relative, absolute)) {
            throw new AssertionFailedError(what + ": " + describe(expected, actual, relative, absolute), expected,
                    actual);
        }
    }

    /**
     * Asserts elementwise closeness of two arrays of the same length (see {@link #assertClose}).
     *
     * @param what description for the failure message
     * @param expected the expected values
     * @param actual the actual values
     * @param relative relative tolerance, &ge; 0
     * @param absolute absolute tolerance, &ge; 0
     */
    public static void assertClose(String what, double[] expected, double[] actual, double relative,
            double absolute) {
        if (expected.length != actual.length) {
            throw new AssertionFailedError(what + ": expected " + expected.length + " values, got " + actual.length
                    + ": expected " + Arrays.toString(expected) + ", actual " + Arrays.toString(actual));
        }
        for (int i = 0; i < expected.length; i++) {
            if (!isClose(expected[i], actual[i], relative, absolute)) {
                throw new AssertionFailedError(what + " [" + i + "]: "
                        + describe(expected[i], actual[i], relative, absolute) + "; expected "
                        + Arrays.toString(expected) + ", actual " + Arrays.toString(actual), expected, actual);
            }
        }
    }

    /**
     * Asserts elementwise |actual − expected| &le; relative·|expected|.
     *
     * @param what description for the failure message
     * @param expected the expected values
     * @param actual the actual values
     * @param relative relative tolerance, &ge; 0
     */
    public static void assertRelativelyClose(String what, double[] expected, double[] actual, double relative) {
        assertClose(what, expected, actual, relative, 0);
    }

    private static String describe(double expected, double actual, double relative, double absolute) {
        double difference = Math.abs(actual - expected);
        return "expected " + expected + ", actual " + actual + ", absolute difference " + difference
                + ", relative difference " + difference / Math.abs(expected) + "; tolerance relative " + relative
                + ", absolute " + absolute + " (allowed " + Math.max(absolute, relative * Math.abs(expected)) + ")";
    }
}
