package org.fieldscore.runner.output.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.VectorXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * Draws the items of a {@link VectorXYDataset} as arrows whose head is part of the same geometry as the shaft: the
 * head is {@value #HEAD_SHARE} of the arrow's length but at most {@value #MAX_HEAD_PIXELS} pixels, so short arrows
 * get small heads and a halo drawn with this renderer (wider, light) lies exactly under the arrow drawn on top.
 */
final class ArrowRenderer extends AbstractXYItemRenderer {

    private static final long serialVersionUID = 1L;
    /** Head length as a share of the arrow's length. */
    static final double HEAD_SHARE = 0.35;
    /** Largest head length in pixels. */
    static final double MAX_HEAD_PIXELS = 9;
    /** Head half-width as a share of the head length. */
    private static final double HEAD_HALF_WIDTH = 0.45;

    private final Color colour;
    private final float width;
    private final String legendLabel;

    /**
     * @param colour the colour of shaft and head
     * @param width the stroke width in pixels (a halo is the same arrow, wider and lighter)
     * @param legendLabel the legend entry (a line in the arrows' colour), or null for none
     */
    ArrowRenderer(Color colour, float width, String legendLabel) {
        this.colour = colour;
        this.width = width;
        this.legendLabel = legendLabel;
    }

    @Override
    public LegendItem getLegendItem(int datasetIndex, int series) {
        if (legendLabel == null || series != 0) {
            return null;
        }
        return new LegendItem(legendLabel, null, null, null, new Line2D.Double(-8, 0, 8, 0),
                new BasicStroke(width), colour);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
        VectorXYDataset vectors = (VectorXYDataset) dataset;
        double x = vectors.getXValue(series, item);
        double y = vectors.getYValue(series, item);
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        double x0 = domainAxis.valueToJava2D(x, dataArea, xEdge);
        double y0 = rangeAxis.valueToJava2D(y, dataArea, yEdge);
        double x1 = domainAxis.valueToJava2D(x + vectors.getVectorXValue(series, item), dataArea, xEdge);
        double y1 = rangeAxis.valueToJava2D(y + vectors.getVectorYValue(series, item), dataArea, yEdge);
        Path2D head = head(x0, y0, x1, y1);
        if (head == null) {
            return;
        }
        double length = Math.hypot(x1 - x0, y1 - y0);
        double h = headLength(length);
        double bx = x1 - (x1 - x0) * h / length;
        double by = y1 - (y1 - y0) * h / length;
        g2.setPaint(colour);
        g2.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g2.draw(new Line2D.Double(x0, y0, bx, by));
        g2.fill(head);
        g2.draw(head);
    }

    /**
     * @param length arrow length in pixels
     * @return its head length: {@value #HEAD_SHARE} · length, at most {@value #MAX_HEAD_PIXELS}
     */
    static double headLength(double length) {
        return Math.min(MAX_HEAD_PIXELS, HEAD_SHARE * length);
    }

    /**
     * @return the triangular head of the arrow from (x0, y0) to (x1, y1) in pixels, or null when the arrow is
     *     shorter than half a pixel
     */
    static Path2D head(double x0, double y0, double x1, double y1) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        if (!(length >= 0.5)) {
            return null;
        }
        double ux = (x1 - x0) / length;
        double uy = (y1 - y0) / length;
        double h = headLength(length);
        double half = HEAD_HALF_WIDTH * h;
        double bx = x1 - ux * h;
        double by = y1 - uy * h;
        Path2D.Double head = new Path2D.Double();
        head.moveTo(x1, y1);
        head.lineTo(bx - uy * half, by + ux * half);
        head.lineTo(bx + uy * half, by - ux * half);
        head.closePath();
        return head;
    }
}
