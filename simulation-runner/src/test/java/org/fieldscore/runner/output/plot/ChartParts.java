package org.fieldscore.runner.output.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;

/** What tests read off a rendered chart: its colour bar and the text of its subtitles. */
final class ChartParts {

    private ChartParts() {
    }

    /** @return the chart's colour bar, or null when it has none */
    static PaintScaleLegend colourBar(JFreeChart chart) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof PaintScaleLegend bar) {
                return bar;
            }
        }
        return null;
    }

    /** @return the text of every subtitle, one per line */
    static String subtitles(JFreeChart chart) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t) {
                s.append(t.getText()).append('\n');
            }
        }
        return s.toString();
    }
}
