package org.fieldscore.runner.output.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.AttributedCharacterIterator;
import java.text.CharacterIterator;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/**
 * Where the major ticks of log-log axes fall: on whole powers of ten when the axis spans a decade or more (a reader
 * reads 1E-4, 1E-3 at once, not 10^-3.2 = 6.3E-4), at finer steps with at most two significant digits when it spans
 * less; and always inside the axis's range.
 */
class LogLogTicksTest {

    private static final Rectangle2D DATA_AREA = new Rectangle2D.Double(60, 20, 600, 400);

    /** The major ticks of an axis laid out in a rendered chart. */
    private static List<ValueTick> majorTicks(JFreeChart chart, ValueAxis axis, RectangleEdge edge) {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, 800, 600));
            List<ValueTick> major = new ArrayList<>();
            for (Object t : axis.refreshTicks(g, new AxisState(), DATA_AREA, edge)) {
                ValueTick tick = (ValueTick) t;
                if (tick.getTickType() == TickType.MAJOR) {
                    major.add(tick);
                }
            }
            return major;
        } finally {
            g.dispose();
        }
    }

    private static JFreeChart convergence(double[] h, double[] error) {
        return LinePlot.titled("convergence").axes("h", "error").logLog().convergence("solver", h, error).figure()
                .chart();
    }

    @Test
    void axesSpanningDecadesHaveTheirMajorTicksOnWholePowersOfTen() {
        // h from 1/8 to 1/512 (1.8 decades), errors of a second-order method from 1e-2 to 2.4e-6 (3.6 decades)
        double[] h = {1.0 / 8, 1.0 / 32, 1.0 / 128, 1.0 / 512};
        double[] error = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            error[i] = 0.64 * h[i] * h[i];
        }
        JFreeChart chart = convergence(h, error);
        for (ValueAxis axis : List.of(chart.getXYPlot().getDomainAxis(), chart.getXYPlot().getRangeAxis())) {
            assertTrue(axis instanceof LogAxis, axis.getClass().getName());
            RectangleEdge edge = axis == chart.getXYPlot().getDomainAxis() ? RectangleEdge.BOTTOM : RectangleEdge.LEFT;
            List<ValueTick> ticks = majorTicks(chart, axis, edge);
            int decades = (int) Math.floor(Math.log10(axis.getUpperBound()) - Math.log10(axis.getLowerBound()));
            assertTrue(ticks.size() >= decades, axis.getLabel() + ": " + ticks.size() + " ticks over " + decades
                    + " decades");
            for (ValueTick tick : ticks) {
                double exponent = Math.log10(tick.getValue());
                assertEquals(Math.rint(exponent), exponent, 1e-9, axis.getLabel() + " tick at " + tick.getValue()
                        + " is not a power of ten");
                assertTrue(tick.getValue() >= axis.getLowerBound() * (1 - 1e-12)
                        && tick.getValue() <= axis.getUpperBound() * (1 + 1e-12), "inside the axis");
                assertTrue(label(tick).matches("1E-?\\d+"), "labelled as a power of ten: " + label(tick));
            }
        }
    }

    @Test
    void anAxisSpanningLessThanADecadeKeepsFinerTicksWithTwoSignificantDigits() {
        double[] h = {0.1, 0.08, 0.06, 0.05};
        double[] error = {3e-3, 2.2e-3, 1.5e-3, 1.2e-3};
        JFreeChart chart = convergence(h, error);
        LogAxis x = (LogAxis) chart.getXYPlot().getDomainAxis();
        assertTrue(x.getUpperBound() < 10 * x.getLowerBound(), "less than a decade");
        List<ValueTick> ticks = majorTicks(chart, x, RectangleEdge.BOTTOM);
        assertTrue(ticks.size() >= 2, "a short axis still carries numbers: " + ticks.size());
        boolean offDecade = false;
        for (ValueTick tick : ticks) {
            double exponent = Math.log10(tick.getValue());
            offDecade |= Math.abs(exponent - Math.rint(exponent)) > 1e-6;
            assertTrue(label(tick).matches("\\d(\\.\\d)?E-?\\d+"), "two significant digits at most: " + label(tick));
        }
        assertTrue(offDecade, "ticks between the powers of ten");
        assertFalse(ticks.isEmpty());
    }

    /** @return the text a tick is labelled with (a log axis's ticks carry it as an attributed string) */
    private static String label(Tick tick) {
        if (tick instanceof LogTick log && log.getAttributedLabel() != null) {
            AttributedCharacterIterator chars = log.getAttributedLabel().getIterator();
            StringBuilder text = new StringBuilder();
            for (char c = chars.first(); c != CharacterIterator.DONE; c = chars.next()) {
                text.append(c);
            }
            return text.toString();
        }
        return tick.getText();
    }
}
