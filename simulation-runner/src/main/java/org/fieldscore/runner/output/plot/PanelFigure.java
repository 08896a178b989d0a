package org.fieldscore.runner.output.plot;

import java.util.List;

import org.fieldscore.fields.SampledScalarField;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;

/**
 * Heatmaps of several fields on one 2-D grid side by side in one chart, sharing the vertical axis and one colour
 * scale over all of them, so that equal colours mean equal values in every panel (for example a solved density
 * next to a histogram of samples at several times).
 */
public final class PanelFigure {

    /** Pixels per panel across. */
    static final int PANEL_WIDTH = 330;

    private PanelFigure() {
    }

    /**
     * @param title the chart title
     * @param subtitle a line under it, or null
     * @param fields the panels' fields, all on the same 2-D space grid
     * @param panelLabels each panel's horizontal-axis label (what it shows and the axis with its unit)
     * @param yLabel the shared vertical axis label
     * @param valueLabel the colour bar's label
     * @return the figure
     */
    public static Figure heatmaps(String title, String subtitle, List<SampledScalarField> fields,
            List<String> panelLabels, String yLabel, String valueLabel) {
        if (fields.isEmpty() || fields.size() != panelLabels.size()) {
            throw new IllegalArgumentException("one label per panel, at least one panel; got " + fields.size()
                    + " fields and " + panelLabels.size() + " labels");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SampledScalarField f : fields) {
            fields.get(0).grid().requireSame(f.grid());
            lo = Math.min(lo, f.min());
            hi = Math.max(hi, f.max());
        }
        ColourScale scale = ColourScale.sequential(Math.min(0, lo), hi);
        NumberAxis y = ChartStyle.numberAxis(yLabel);
        y.setRange(fields.get(0).grid().lower(1), fields.get(0).grid().upper(1));
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(y);
        combined.setGap(12);
        PaintScaleLegend legend = null;
        for (int k = 0; k < fields.size(); k++) {
            JFreeChart panel = MapPlot.titled(panelLabels.get(k)).axes(panelLabels.get(k), yLabel)
                    .heatmap(fields.get(k), valueLabel, scale).figure().chart();
            for (Object s : panel.getSubtitles()) {
                if (s instanceof PaintScaleLegend l && legend == null) {
                    legend = l;
                }
            }
            XYPlot plot = panel.getXYPlot();
            combined.add(plot, 1);
        }
        JFreeChart chart = ChartStyle.chart(title, subtitle, combined, false);
        if (legend != null) {
            chart.addSubtitle(legend);
        }
        double aspect = (fields.get(0).grid().upper(1) - fields.get(0).grid().lower(1))
                / (fields.get(0).grid().upper(0) - fields.get(0).grid().lower(0));
        int height = (int) Math.round(PANEL_WIDTH * Math.max(0.4, Math.min(2.0, aspect))) + 170;
        return new Figure(chart, PANEL_WIDTH * fields.size() + 200, height);
    }
}
