package org.fieldscore.fields.grid;

/**
 * A uniform time axis t<sub>n</sub> = start + n·step, n = 0 … count − 1, for space-time fields.
 *
 * <p>Instances are immutable.
 */
public final class TimeAxis {

    private final double start;
    private final double step;
    private final int count;

    private TimeAxis(double start, double step, int count) {
        this.start = start;
        this.step = step;
        this.count = count;
    }

    /**
     * Creates a time axis.
     *
     * @param start first time
     * @param step time between two samples, finite and &gt; 0
     * @param count number of samples, ≥ 2 (derivatives in time need at least two)
     * @return the axis
     * @throws IllegalArgumentException naming the offending argument and its valid range
     */
    public static TimeAxis of(double start, double step, int count) {
        if (!Double.isFinite(start)) {
            throw new IllegalArgumentException("time axis start must be finite, got " + start);
        }
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("time axis step must be finite and > 0, got " + step);
        }
        if (count < 2) {
            throw new IllegalArgumentException("time axis count must be >= 2, got " + count);
        }
        return new TimeAxis(start, step, count);
    }

    /** @return the first time */
    public double start() {
        return start;
    }

    /** @return the time between samples */
    public double step() {
        return step;
    }

    /** @return the number of samples */
    public int count() {
        return count;
    }

    /** @return the last time, start + (count − 1)·step */
    public double end() {
        return start + (count - 1) * step;
    }

    /**
     * @param n sample index
     * @return t<sub>n</sub>
     */
    public double time(int n) {
        return start + n * step;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeAxis other
                && Double.compare(start, other.start) == 0
                && Double.compare(step, other.step) == 0
                && count == other.count;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(start) * 31 * 31 + Double.hashCode(step) * 31 + count;
    }

    @Override
    public String toString() {
        return "t: " + count + " samples from " + start + " step " + step;
    }
}
