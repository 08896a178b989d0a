package org.fieldscore.runner.output.plot;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;

import org.jfree.chart.renderer.PaintScale;

/**
 * A continuous colour scale from a value range to colours, linear in RGB between evenly spaced anchor colours.
 * Values outside the range get the end colours; NaN is drawn light grey. Immutable.
 */
public final class ColourScale implements PaintScale, Serializable {

    private static final long serialVersionUID = 1L;

    /** Weather-map palette: deep blue (cold) through cyan, green, yellow and orange to deep red (hot). */
    private static final int[] WEATHER = {0x2b0f8c, 0x2160d8, 0x28b8e8, 0x4fd08b, 0xc8e04a, 0xffd23c, 0xff8a26,
        0xe0301e, 0x8c0a1e};
    /** Diverging palette: blue for negative, white at zero, red for positive. */
    private static final int[] DIVERGING = {0x1f3f99, 0x5b8fd6, 0xb9d3f0, 0xf7f7f7, 0xf4bda8, 0xdb6450, 0x9b1b1e};
    private static final Color MISSING = new Color(0xdddddd);

    private final double lower;
    private final double upper;
    private final int[] anchors;

    private ColourScale(double lower, double upper, int[] anchors) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("colour scale bounds must be finite, got [" + lower + ", " + upper + "]");
        }
        if (!(upper > lower)) {
            double pad = lower == 0 ? 0.5 : Math.abs(lower) * 1e-3;
            this.lower = lower - pad;
            this.upper = upper + pad;
        } else {
            this.lower = lower;
            this.upper = upper;
        }
        this.anchors = anchors;
    }

    /**
     * @param lower value drawn deep blue
     * @param upper value drawn deep red (a range of zero width is widened slightly so constant fields draw)
     * @return the weather-map scale of the essay's temperature maps
     */
    public static ColourScale weatherMap(double lower, double upper) {
        return new ColourScale(lower, upper, WEATHER);
    }

    /**
     * @param maxAbs the largest magnitude; the scale runs over [−maxAbs, maxAbs] with white at zero
     * @return a blue–white–red scale for signed quantities (divergence, residuals, errors)
     */
    public static ColourScale diverging(double maxAbs) {
        double m = Math.abs(maxAbs) > 0 ? Math.abs(maxAbs) : 1.0;
        return new ColourScale(-m, m, DIVERGING);
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return colour(value);
    }

    /**
     * @param value a value
     * @return its colour
     */
    public Color colour(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        double s = (value - lower) / (upper - lower);
        s = Math.max(0.0, Math.min(1.0, s)) * (anchors.length - 1);
        int i = Math.min((int) s, anchors.length - 2);
        double f = s - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        int ca = a & 0xff;
        int cb = b & 0xff;
        return (int) Math.round(ca + f * (cb - ca));
    }
}
