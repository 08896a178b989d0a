package org.fieldscore.fields;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.testing.Closeness;
import org.fieldscore.fields.testing.Convergence;
import org.junit.jupiter.api.Test;

/** The shared test assertions pass what they should and fail, with full messages, on what they should not. */
class TestSupportTest {

    @Test
    void observedOrdersOfHalvedAndGeneralSpacings() {
        assertArrayEquals(new double[] {2, 2}, Convergence.observedOrders(new double[] {1, 0.25, 0.0625}), 1e-12);
        assertArrayEquals(new double[] {1}, Convergence.observedOrders(new double[] {0.3, 0.1}, new double[] {3, 1}),
                1e-12);
        assertArrayEquals(new double[] {2, 2}, Convergence.observedOrders(n -> 1.0 / ((double) n * n), 8), 1e-12);
    }

    @Test
    void orderAssertionPassesWithinTheToleranceAndNamesEveryOrderOtherwise() {
        assertDoesNotThrow(() -> Convergence.assertObservedOrder("ok", 2, new double[] {1, 0.26, 0.0625}));
        AssertionError e = assertThrows(AssertionError.class,
                () -> Convergence.assertObservedOrder("slow", 2, new double[] {1, 0.5, 0.125}));
        assertTrue(e.getMessage().contains("slow") && e.getMessage().contains("[1.0, 2.0]")
                && e.getMessage().contains("[1.0, 0.5, 0.125]") && e.getMessage().contains("2.0 ± 0.15"),
                e.getMessage());
        assertThrows(AssertionError.class, () -> Convergence.assertObservedOrder("tight", 2, 0.01, new double[] {1, 0.26}));
        assertThrows(AssertionError.class, () -> Convergence.assertObservedOrder("general", 1, 0.15,
                new double[] {0.3, 0.1}, new double[] {9, 1}));
    }

    @Test
    void orderAssertionFailsOnTooFewOrDegenerateErrors() {
        assertThrows(AssertionError.class, () -> Convergence.assertObservedOrder("one", 2, new double[] {1.0}));
        assertThrows(AssertionError.class, () -> Convergence.assertObservedOrder("none", 2, new double[0]));
        assertThrows(AssertionError.class, () -> Convergence.assertObservedOrder("nan", 2, new double[] {1, Double.NaN, 0.0625}));
        assertThrows(AssertionError.class, () -> Convergence.assertObservedOrder("zero", 2, new double[] {1, 0, 0}));
        assertThrows(AssertionError.class, () -> Convergence.assertObservedOrder("exact", 2, new double[] {0, 0}));
    }

    @Test
    void logLogSlopeIsTheLeastSquaresOrder() {
        double[] n = {1e3, 1e4, 1e5};
        double[] e = {1.05 / Math.sqrt(1e3), 0.97 / Math.sqrt(1e4), 1.0 / Math.sqrt(1e5)};
        assertDoesNotThrow(() -> Convergence.assertLogLogSlope("root n", -0.5, 0.05, n, e));
        AssertionError a = assertThrows(AssertionError.class, () -> Convergence.assertLogLogSlope("first order", -1,
                0.1, n, e));
        assertTrue(a.getMessage().contains("first order") && a.getMessage().contains("log-log slope"), a.getMessage());
        assertThrows(AssertionError.class, () -> Convergence.assertLogLogSlope("one point", 1, 1, new double[] {1},
                new double[] {1}));
        assertThrows(AssertionError.class, () -> Convergence.assertLogLogSlope("nan", -0.5, 1, n,
                new double[] {1, Double.NaN, 0.01}));
    }

    @Test
    void closenessIsRelativeOrAbsoluteAndNanAware() {
        assertDoesNotThrow(() -> Closeness.assertRelativelyClose("ok", 100, 100.5, 1e-2));
        assertDoesNotThrow(() -> Closeness.assertClose("abs", 0, 1e-9, 1e-6, 1e-8));
        assertDoesNotThrow(() -> Closeness.assertClose("nan", Double.NaN, Double.NaN, 0, 0));
        assertDoesNotThrow(() -> Closeness.assertClose("inf", Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0,
                0));
        assertThrows(AssertionError.class, () -> Closeness.assertRelativelyClose("zero", 0, 1e-300, 1));
        assertThrows(AssertionError.class, () -> Closeness.assertClose("actual nan", 1, Double.NaN, 1, 1));
        assertThrows(AssertionError.class, () -> Closeness.assertClose("expected nan", Double.NaN, 1, 1, 1));
        assertThrows(AssertionError.class, () -> Closeness.assertClose("inf", 1, Double.POSITIVE_INFINITY, 1, 1));
        AssertionError e = assertThrows(AssertionError.class,
                () -> Closeness.assertRelativelyClose("far", 100, 102, 1e-2));
        assertTrue(e.getMessage().contains("far") && e.getMessage().contains("expected 100.0")
                && e.getMessage().contains("actual 102.0") && e.getMessage().contains("absolute difference 2.0")
                && e.getMessage().contains("relative difference 0.02") && e.getMessage().contains("relative 0.01"),
                e.getMessage());
    }

    @Test
    void arrayClosenessChecksLengthAndEveryElement() {
        assertDoesNotThrow(() -> Closeness.assertClose("ok", new double[] {1, 2}, new double[] {1, 2 + 1e-12}, 1e-9,
                0));
        assertThrows(AssertionError.class, () -> Closeness.assertClose("length", new double[] {1, 2},
                new double[] {1}, 1, 1));
        AssertionError e = assertThrows(AssertionError.class, () -> Closeness.assertRelativelyClose("second",
                new double[] {1, 2}, new double[] {1, 3}, 0.1));
        assertTrue(e.getMessage().contains("second [1]"), e.getMessage());
    }
}
