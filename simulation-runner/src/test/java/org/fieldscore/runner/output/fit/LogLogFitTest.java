package org.fieldscore.runner.output.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LogLogFitTest {

    @Test
    void exactPowerLawsAreRecovered() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            double order = random.nextDouble(-3, 5);
            double c = Math.exp(random.nextDouble(-10, 10));
            int n = random.nextInt(2, 9);
            double[] h = new double[n];
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                h[i] = Math.pow(2, -i - random.nextDouble());
                e[i] = c * Math.pow(h[i], order);
            }
            LogLogFit fit = LogLogFit.fit(h, e);
            // Exact data: only rounding in log/exp, a few ulps of values of order 10.
            assertEquals(order, fit.order(), 1e-10);
            assertEquals(Math.log(c), fit.logCoefficient(), 1e-9);
            assertEquals(1.0, fit.rSquared(), 1e-12);
            assertEquals(e[0], fit.predict(h[0]), 1e-9 * e[0]);
        }
    }

    @Test
    void matchesTheClosedFormLeastSquaresSlope() {
        // Points (ln x, ln y) = (0, 0), (1, 1), (2, 3): slope = Sxy/Sxx = 1.5, intercept = 4/3 - 1.5 = -1/6,
        // residuals 1/6, -1/3, 1/6 -> SSR = 1/6, SST = 14/3, R² = 1 - (1/6)/(14/3) = 27/28.
        double[] x = {1, Math.E, Math.E * Math.E};
        double[] y = {1, Math.E, Math.exp(3)};
        LogLogFit fit = LogLogFit.fit(x, y);
        assertEquals(1.5, fit.order(), 1e-14);
        assertEquals(-1.0 / 6.0, fit.logCoefficient(), 1e-14);
        assertEquals(27.0 / 28.0, fit.rSquared(), 1e-14);
        assertEquals(3, fit.points());
    }

    @Test
    void badInputIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogLogFit.fit(new double[] {1, 2}, new double[] {1, 0}));
        assertTrue(e.getMessage().contains("y[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.fit(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.fit(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.fit(new double[] {2, 2}, new double[] {1, 3}));
        assertThrows(IllegalArgumentException.class,
                () -> LogLogFit.fit(new double[] {1, Double.NaN}, new double[] {1, 3}));
    }
}
