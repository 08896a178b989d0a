package org.fieldscore.runner.output.plot;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;

/**
 * An {@link XYPlot} whose data area has equal scales on both axes (one unit of x is as many pixels as one unit of
 * y), as a map must: before drawing, the plot area is narrowed or shortened, centred, until the data area has the
 * axes' aspect ratio.
 */
final class EqualAspectPlot extends XYPlot {

    private static final long serialVersionUID = 1L;

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        // the axes' space depends a little on the area (tick labels), so fit twice
        Rectangle2D fitted = equalAspectArea(g2, area, area);
        super.draw(g2, equalAspectArea(g2, area, fitted), anchor, parentState, info);
    }

    /**
     * @param full the plot's whole area
     * @param trial the area the axes' space is measured in
     * @return the part of the full area, centred, whose data area has the axes' aspect ratio
     */
    private Rectangle2D equalAspectArea(Graphics2D g2, Rectangle2D full, Rectangle2D trial) {
        Rectangle2D area = full;
        double xRange = getDomainAxis() == null ? 0 : getDomainAxis().getRange().getLength();
        double yRange = getRangeAxis() == null ? 0 : getRangeAxis().getRange().getLength();
        if (!(xRange > 0) || !(yRange > 0)) {
            return area;
        }
        Rectangle2D inner = (Rectangle2D) trial.clone();
        getInsets().trim(inner);
        AxisSpace space = calculateAxisSpace(g2, inner);
        double extraWidth = full.getWidth() - trial.getWidth();
        double extraHeight = full.getHeight() - trial.getHeight();
        Rectangle2D data = space.shrink(inner, null);
        getAxisOffset().trim(data);
        data.setRect(data.getX(), data.getY(), data.getWidth() + extraWidth, data.getHeight() + extraHeight);
        double wanted = yRange / xRange;
        double w = data.getWidth();
        double h = data.getHeight();
        if (!(w > 0) || !(h > 0)) {
            return area;
        }
        if (h / w > wanted) {
            double cut = h - wanted * w;
            return new Rectangle2D.Double(area.getX(), area.getY() + cut / 2, area.getWidth(), area.getHeight() - cut);
        }
        double cut = w - h / wanted;
        return new Rectangle2D.Double(area.getX() + cut / 2, area.getY(), area.getWidth() - cut, area.getHeight());
    }
}
