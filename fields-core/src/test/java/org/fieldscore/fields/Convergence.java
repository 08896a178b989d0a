package org.fieldscore.fields;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/** Observed convergence orders from errors at successively halved spacings. */
public final class Convergence {

    /** Tolerance on an observed order, as the design's numerics conventions state. */
    public static final double ORDER_TOLERANCE = 0.15;

    private Convergence() {
    }

    /**
     * @param error error as a function of the number of cells along an axis
     * @param cells the coarsest number of cells; the others are 2× and 4× that
     * @return the two observed orders log2(e_h / e_{h/2}) and log2(e_{h/2} / e_{h/4})
     */
    public static double[] observedOrders(IntToDoubleFunction error, int cells) {
        double e1 = error.applyAsDouble(cells);
        double e2 = error.applyAsDouble(2 * cells);
        double e3 = error.applyAsDouble(4 * cells);
        return new double[] {log2(e1 / e2), log2(e2 / e3)};
    }

    /**
     * Asserts that both observed orders lie within {@link #ORDER_TOLERANCE} of the expected order.
     *
     * @param what description for the failure message
     * @param expected theoretical order
     * @param error error as a function of the number of cells
     * @param cells coarsest number of cells
     */
    public static void assertOrder(String what, double expected, IntToDoubleFunction error, int cells) {
        double[] orders = observedOrders(error, cells);
        for (double o : orders) {
            assertTrue(Math.abs(o - expected) <= ORDER_TOLERANCE,
                    what + ": observed orders " + Arrays.toString(orders) + ", expected " + expected + " ± "
                            + ORDER_TOLERANCE);
        }
    }

    private static double log2(double r) {
        return Math.log(r) / Math.log(2);
    }
}
