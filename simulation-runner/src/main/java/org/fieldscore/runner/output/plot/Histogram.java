package org.fieldscore.runner.output.plot;

/**
 * Histograms normalised to a probability density.
 */
public final class Histogram {

    private Histogram() {
    }

    /**
     * Counts samples in equal bins of [lower, upper] and normalises by N · width, N = all samples, so that the
     * result estimates the density p(x) at the bin centres (samples outside the range count in N only; the last
     * bin includes its right end).
     *
     * @param samples the samples, no NaN
     * @param bins number of bins, 1 to 10 000
     * @param lower left end, finite
     * @param upper right end, finite and &gt; lower
     * @return the density estimate per bin
     * @throws IllegalArgumentException naming the bad argument
     */
    public static double[] density(double[] samples, int bins, double lower, double upper) {
        if (bins < 1 || bins > 10_000) {
            throw new IllegalArgumentException("number of bins must be in [1, 10000], got " + bins);
        }
        if (!(upper > lower) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("histogram range needs finite lower < upper, got [" + lower + ", "
                    + upper + "]");
        }
        if (samples.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one sample");
        }
        double width = (upper - lower) / bins;
        double[] counts = new double[bins];
        for (int i = 0; i < samples.length; i++) {
            double s = samples[i];
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException("sample " + i + " is NaN");
            }
            if (s >= lower && s <= upper) {
                counts[Math.min(bins - 1, (int) ((s - lower) / width))]++;
            }
        }
        double norm = 1.0 / (samples.length * width);
        for (int b = 0; b < bins; b++) {
            counts[b] *= norm;
        }
        return counts;
    }
}
