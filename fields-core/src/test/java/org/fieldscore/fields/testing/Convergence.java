package org.fieldscore.fields.testing;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

import org.opentest4j.AssertionFailedError;

/**
 * Observed convergence orders and assertions on them. From errors e_k at spacings h_k the observed orders are
 * log(e_k / e_{k+1}) / log(h_k / h_{k+1}), i.e. log2(e_k / e_{k+1}) when every spacing is half the one before.
 * Every assertion needs at least two errors and checks every consecutive pair; a NaN, infinite, zero or negative
 * error gives a non-finite order and fails. Failure messages list all errors, spacings and orders.
 */
public final class Convergence {

    /** Tolerance on an observed order, as the design's numerics conventions state. */
    public static final double ORDER_TOLERANCE = 0.15;

    private Convergence() {
    }

    /**
     * @param errors errors at spacings h, h/2, h/4 …
     * @return the observed orders log2(e_k / e_{k+1}), one fewer than the errors
     */
    public static double[] observedOrders(double[] errors) {
        double[] orders = new double[Math.max(0, errors.length - 1)];
        for (int k = 0; k < orders.length; k++) {
            orders[k] = Math.log(errors[k] / errors[k + 1]) / Math.log(2);
        }
        return orders;
    }

    /**
     * @param spacings the spacings (or step sizes, or any resolution parameter the error is a power of), one per
     *     error
     * @param errors the errors at those spacings
     * @return the observed orders log(e_k / e_{k+1}) / log(h_k / h_{k+1}), one fewer than the errors
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static double[] observedOrders(double[] spacings, double[] errors) {
        if (spacings.length != errors.length) {
            throw new IllegalArgumentException(spacings.length + " spacings for " + errors.length + " errors");
        }
        double[] orders = new double[Math.max(0, errors.length - 1)];
        for (int k = 0; k < orders.length; k++) {
            orders[k] = Math.log(errors[k] / errors[k + 1]) / Math.log(spacings[k] / spacings[k + 1]);
        }
        return orders;
    }

    /**
     * Asserts that every observed order of errors at halved spacings lies within {@link #ORDER_TOLERANCE} of the
     * expected order.
     *
     * @param what description for the failure message
     * @param expected theoretical order
     * @param errors errors at spacings h, h/2, h/4 …, at least two
     */
    public static void assertObservedOrder(String what, double expected, double[] errors) {
        assertObservedOrder(what, expected, ORDER_TOLERANCE, errors);
    }

    /**
     * Asserts that every observed order of errors at halved spacings lies within {@code tolerance} of the expected
     * order.
     *
     * @param what description for the failure message
     * @param expected theoretical order
     * @param tolerance largest allowed |observed − expected|
     * @param errors errors at spacings h, h/2, h/4 …, at least two
     */
    public static void assertObservedOrder(String what, double expected, double tolerance, double[] errors) {
        check(what, expected, tolerance, null, errors, observedOrders(errors));
    }

    /**
     * Asserts that every observed order of errors at arbitrary spacings lies within {@code tolerance} of the expected
     * order.
     *
     * @param what description for the failure message
     * @param expected theoretical order
     * @param tolerance largest allowed |observed − expected|
     * @param spacings the spacings, one per error
     * @param errors the errors, at least two
     */
    public static void assertObservedOrder(String what, double expected, double tolerance, double[] spacings,
            double[] errors) {
        check(what, expected, tolerance, spacings, errors, observedOrders(spacings, errors));
    }

    /**
     * @param x the resolution parameter (spacing, sample size …), one per error, all positive
     * @param errors the errors, all positive
     * @return the least-squares slope of log(error) against log(x): the order p of error ∝ x^p fitted over all points
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static double logLogSlope(double[] x, double[] errors) {
        if (x.length != errors.length) {
            throw new IllegalArgumentException(x.length + " abscissae for " + errors.length + " errors");
        }
        int n = x.length;
        double mx = 0;
        double me = 0;
        for (int k = 0; k < n; k++) {
            mx += Math.log(x[k]) / n;
            me += Math.log(errors[k]) / n;
        }
        double num = 0;
        double den = 0;
        for (int k = 0; k < n; k++) {
            double dx = Math.log(x[k]) - mx;
            num += dx * (Math.log(errors[k]) - me);
            den += dx * dx;
        }
        return num / den;
    }

    /**
     * Asserts that the least-squares log-log slope of the errors against x ({@link #logLogSlope}) lies within
     * {@code tolerance} of the expected one. Needs at least two distinct x.
     *
     * @param what description for the failure message
     * @param expected the expected slope (e.g. 2 against a spacing, −0.5 against a sample size)
     * @param tolerance largest allowed |fitted − expected|
     * @param x the resolution parameter, one per error
     * @param errors the errors
     */
    public static void assertLogLogSlope(String what, double expected, double tolerance, double[] x,
            double[] errors) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("slope tolerance must be >= 0, got " + tolerance);
        }
        double slope = logLogSlope(x, errors);
        if (!(Math.abs(slope - expected) <= tolerance)) {
            throw new AssertionFailedError(what + ": log-log slope " + slope + ", expected " + expected + " ± "
                    + tolerance + "; errors " + Arrays.toString(errors) + " at " + Arrays.toString(x)
                    + ", pairwise orders " + Arrays.toString(observedOrders(x, errors)));
        }
    }

    /**
     * @param error error as a function of the number of cells along an axis
     * @param cells the coarsest number of cells
     * @param levels how many resolutions: cells, 2·cells, 4·cells …
     * @return the errors at those resolutions
     */
    public static double[] errorsAtDoubledCells(IntToDoubleFunction error, int cells, int levels) {
        double[] errors = new double[levels];
        for (int k = 0; k < levels; k++) {
            errors[k] = error.applyAsDouble(cells << k);
        }
        return errors;
    }

    /**
     * @param error error as a function of the number of cells along an axis
     * @param cells the coarsest number of cells; the others are 2× and 4× that
     * @return the two observed orders log2(e_h / e_{h/2}) and log2(e_{h/2} / e_{h/4})
     */
    public static double[] observedOrders(IntToDoubleFunction error, int cells) {
        return observedOrders(errorsAtDoubledCells(error, cells, 3));
    }

    /**
     * Asserts that both observed orders from errors at cells, 2·cells and 4·cells lie within
     * {@link #ORDER_TOLERANCE} of the expected order.
     *
     * @param what description for the failure message
     * @param expected theoretical order
     * @param error error as a function of the number of cells
     * @param cells coarsest number of cells
     */
    public static void assertOrder(String what, double expected, IntToDoubleFunction error, int cells) {
        assertObservedOrder(what, expected, errorsAtDoubledCells(error, cells, 3));
    }

    private static void check(String what, double expected, double tolerance, double[] spacings, double[] errors,
            double[] orders) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("order tolerance must be >= 0, got " + tolerance);
        }
        StringBuilder failures = new StringBuilder();
        if (orders.length == 0) {
            failures.append(" (an observed order needs at least two errors)");
        }
        for (int k = 0; k < orders.length; k++) {
            if (!(Math.abs(orders[k] - expected) <= tolerance)) {
                failures.append(" order ").append(k).append(" = ").append(orders[k]).append(';');
            }
        }
        if (failures.length() > 0) {
            throw new AssertionFailedError(what + ": observed orders " + Arrays.toString(orders) + ", expected "
                    + expected + " ± " + tolerance + "; off:" + failures + " errors " + Arrays.toString(errors)
                    + (spacings == null ? " at halved spacings" : " at spacings " + Arrays.toString(spacings)));
        }
    }
}
