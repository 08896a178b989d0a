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

    /**
     * Viridis (S. van der Walt and N. Smith, matplotlib 2.0, 2015) at nine evenly spaced stops: perceptually
     * uniform, readable in grey scale and by colour-blind readers; dark violet (low) to yellow (high).
     */
    private static final int[] VIRIDIS = {0x440154, 0x472c7a, 0x3b518b, 0x2c718e, 0x21908d, 0x27ad81, 0x5cc863,
        0xaadc32, 0xfde725};
    /** Diverging palette (after ColorBrewer RdBu): blue for negative, white at zero, red for positive. */
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
     * @param lower value drawn dark violet
     * @param upper value drawn yellow (a range of zero width is widened slightly so constant fields draw)
     * @return the perceptually uniform viridis scale, for magnitudes, densities and other one-signed quantities
     */
    public static ColourScale sequential(double lower, double upper) {
        return new ColourScale(lower, upper, VIRIDIS);
    }

    /**
     * @param maxAbs the largest magnitude; the scale runs over [−maxAbs, maxAbs] with white at zero
     * @return a blue–white–red scale for signed quantities (divergence, residuals, errors)
     */
    public static ColourScale diverging(double maxAbs) {
        double m = Math.abs(maxAbs) > 0 ? Math.abs(maxAbs) : 1.0;
        return new ColourScale(-m, m, DIVERGING);
    }

    /** @return whether this scale is the diverging one, centred on zero */
    public boolean isDiverging() {
        return anchors == DIVERGING;
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
