package org.fieldscore.fields.grid;

import java.util.Arrays;
import java.util.Objects;

/**
 * A uniform Cartesian grid in 1, 2 or 3 space dimensions with an optional {@link TimeAxis}.
 *
 * <p>The grid describes geometry only; fields hold the values. Points are numbered with x fastest, then y,
 * then z, then time (the point order of VTK image data): the flat index of (i, j, k, n) is
 * i + n<sub>x</sub>(j + n<sub>y</sub>(k + n<sub>z</sub>·n)). Axis numbers in this API run over space first
 * (0 = x, 1 = y, 2 = z) and then time, whose axis number is {@link #spaceDimension()}.
 *
 * <p>Each space axis has its own {@link Centering}. Instances are immutable and thread-safe.
 */
public final class Grid {

    /** Largest number of points a grid may hold: the largest Java array of doubles. */
    public static final int MAX_POINTS = Integer.MAX_VALUE - 8;

    private static final String[] AXIS_NAMES = {"x", "y", "z"};

    private final int[] shape;
    private final double[] lower;
    private final double[] upper;
    private final double[] spacing;
    private final Centering[] centering;
    private final TimeAxis time;
    private final int[] strides;
    private final int spacePointCount;
    private final int pointCount;

    private Grid(int[] shape, double[] lower, double[] upper, Centering[] centering, TimeAxis time) {
        int d = shape.length;
        if (d < 1 || d > 3) {
            throw new IllegalArgumentException("space dimension must be 1, 2 or 3, got " + d);
        }
        if (lower.length != d || upper.length != d || centering.length != d) {
            throw new IllegalArgumentException("shape, lower, upper and centering need one entry per axis ("
                    + d + "), got " + lower.length + ", " + upper.length + ", " + centering.length);
        }
        this.shape = shape.clone();
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.centering = centering.clone();
        this.spacing = new double[d];
        for (int a = 0; a < d; a++) {
            String name = AXIS_NAMES[a];
            Objects.requireNonNull(centering[a], "centering of axis " + name);
            int min = centering[a] == Centering.VERTEX ? 2 : 1;
            if (shape[a] < min) {
                throw new IllegalArgumentException("number of points on axis " + name + " must be >= " + min
                        + " for " + centering[a] + " centering, got " + shape[a]);
            }
            if (!Double.isFinite(lower[a]) || !Double.isFinite(upper[a]) || !(upper[a] > lower[a])) {
                throw new IllegalArgumentException("axis " + name + " needs finite lower < upper, got ["
                        + lower[a] + ", " + upper[a] + "]");
            }
            int cells = centering[a] == Centering.VERTEX ? shape[a] - 1 : shape[a];
            spacing[a] = (upper[a] - lower[a]) / cells;
            if (!(spacing[a] > 0) || lower[a] + spacing[a] == lower[a]) {
                throw new IllegalArgumentException("spacing on axis " + name + " must be > 0 and resolvable, got "
                        + spacing[a]);
            }
        }
        this.time = time;
        int axes = d + (time == null ? 0 : 1);
        this.strides = new int[axes];
        long count = 1;
        for (int a = 0; a < axes; a++) {
            strides[a] = (int) count;
            count *= a < d ? shape[a] : time.count();
            if (count > MAX_POINTS) {
                throw new IllegalArgumentException("grid " + describeShape(shape, time) + " has more than "
                        + MAX_POINTS + " points, the largest array Java can hold; use fewer points");
            }
        }
        this.pointCount = (int) count;
        this.spacePointCount = (int) (time == null ? count : count / time.count());
    }

    /**
     * Creates a grid with the same centering on every axis.
     *
     * @param shape number of points per space axis (1 to 3 entries)
     * @param lower lower end of each axis
     * @param upper upper end of each axis, &gt; lower
     * @param centering where the points sit
     * @return the grid
     * @throws IllegalArgumentException naming the axis and the valid range when an argument is invalid
     */
    public static Grid of(int[] shape, double[] lower, double[] upper, Centering centering) {
        Centering[] c = new Centering[shape.length];
        Arrays.fill(c, centering);
        return new Grid(shape, lower, upper, c, null);
    }

    /**
     * Creates a grid with a centering chosen per axis.
     *
     * @param shape number of points per space axis (1 to 3 entries)
     * @param lower lower end of each axis
     * @param upper upper end of each axis
     * @param centering centering of each axis
     * @return the grid
     */
    public static Grid of(int[] shape, double[] lower, double[] upper, Centering[] centering) {
        return new Grid(shape, lower, upper, centering, null);
    }

    /**
     * A vertex-centred cube [lower, upper]<sup>d</sup> with n points per axis.
     *
     * @param dimension 1, 2 or 3
     * @param n points per axis
     * @param lower lower end of every axis
     * @param upper upper end of every axis
     * @return the grid
     */
    public static Grid cube(int dimension, int n, double lower, double upper) {
        return cube(dimension, n, lower, upper, Centering.VERTEX);
    }

    /**
     * A cube [lower, upper]<sup>d</sup> with n points per axis and the given centering.
     *
     * @param dimension 1, 2 or 3
     * @param n points per axis
     * @param lower lower end of every axis
     * @param upper upper end of every axis
     * @param centering centering of every axis
     * @return the grid
     */
    public static Grid cube(int dimension, int n, double lower, double upper, Centering centering) {
        if (dimension < 1 || dimension > 3) {
            throw new IllegalArgumentException("space dimension must be 1, 2 or 3, got " + dimension);
        }
        int[] shape = new int[dimension];
        double[] lo = new double[dimension];
        double[] hi = new double[dimension];
        Arrays.fill(shape, n);
        Arrays.fill(lo, lower);
        Arrays.fill(hi, upper);
        return of(shape, lo, hi, centering);
    }

    /**
     * @param axis the time axis to add
     * @return a space-time grid with this grid's space axes and the given time axis
     */
    public Grid withTime(TimeAxis axis) {
        return new Grid(shape, lower, upper, centering, Objects.requireNonNull(axis, "time axis"));
    }

    /** @return this grid without its time axis (itself when it has none) */
    public Grid space() {
        return time == null ? this : new Grid(shape, lower, upper, centering, null);
    }

    /** @return a grid with the same extent and centering and n<sub>a</sub> replaced by the given shape */
    public Grid withShape(int... newShape) {
        return new Grid(newShape, lower, upper, centering, time);
    }

    /** @return the number of space axes, 1 to 3 */
    public int spaceDimension() {
        return shape.length;
    }

    /** @return the number of axes including time */
    public int axisCount() {
        return strides.length;
    }

    /** @return whether this is a space-time grid */
    public boolean hasTime() {
        return time != null;
    }

    /** @return the time axis, or {@code null} for a space grid */
    public TimeAxis timeAxis() {
        return time;
    }

    /**
     * @param axis axis number (time is {@link #spaceDimension()})
     * @return the number of points along that axis
     */
    public int size(int axis) {
        return axis < shape.length ? shape[axis] : time.count();
    }

    /** @return the number of points per space axis (a copy) */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * @param axis axis number (time is {@link #spaceDimension()})
     * @return the distance between neighbouring points along it
     */
    public double spacing(int axis) {
        return axis < shape.length ? spacing[axis] : time.step();
    }

    /**
     * @param axis space axis number
     * @return the lower end of the axis interval
     */
    public double lower(int axis) {
        return lower[axis];
    }

    /**
     * @param axis space axis number
     * @return the upper end of the axis interval
     */
    public double upper(int axis) {
        return upper[axis];
    }

    /**
     * @param axis space axis number
     * @return the centering of that axis
     */
    public Centering centering(int axis) {
        return centering[axis];
    }

    /**
     * @param axis axis number (time is {@link #spaceDimension()})
     * @return the flat-index distance between neighbours along that axis
     */
    public int stride(int axis) {
        return strides[axis];
    }

    /** @return the total number of points, space × time */
    public int pointCount() {
        return pointCount;
    }

    /** @return the number of points of one time slice */
    public int spacePointCount() {
        return spacePointCount;
    }

    /** @return the volume of one cell, Π h<sub>a</sub> over the space axes */
    public double cellVolume() {
        double v = 1;
        for (double h : spacing) {
            v *= h;
        }
        return v;
    }

    /**
     * @param axis axis number (time is {@link #spaceDimension()})
     * @param index point index along that axis
     * @return the coordinate of that point
     */
    public double coordinate(int axis, int index) {
        if (axis == shape.length) {
            return time.time(index);
        }
        double offset = centering[axis] == Centering.VERTEX ? index : index + 0.5;
        return lower[axis] + offset * spacing[axis];
    }

    /**
     * @param axis space axis number
     * @param x a coordinate
     * @return the fractional index of x along the axis (point i sits at i)
     */
    public double fractionalIndex(int axis, double x) {
        double offset = centering[axis] == Centering.VERTEX ? 0 : 0.5;
        return (x - lower[axis]) / spacing[axis] - offset;
    }

    /**
     * @param flat flat point index
     * @param axis axis number
     * @return the index along that axis
     */
    public int index(int flat, int axis) {
        return (flat / strides[axis]) % size(axis);
    }

    /**
     * Writes the space coordinates of a point.
     *
     * @param flat flat point index
     * @param x output, length ≥ {@link #spaceDimension()}
     */
    public void spaceCoordinates(int flat, double[] x) {
        for (int a = 0; a < shape.length; a++) {
            x[a] = coordinate(a, index(flat, a));
        }
    }

    /**
     * @param flat flat point index
     * @return the time of that point, 0 on a grid without time
     */
    public double time(int flat) {
        return time == null ? 0.0 : time.time(flat / strides[shape.length]);
    }

    /**
     * @param x a point
     * @return whether every coordinate lies in [lower, upper] of its axis
     */
    public boolean contains(double[] x) {
        for (int a = 0; a < shape.length; a++) {
            if (!(x[a] >= lower[a] && x[a] <= upper[a])) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param other another grid
     * @throws IllegalArgumentException when the grids differ, naming both
     */
    public void requireSame(Grid other) {
        if (!equals(other)) {
            throw new IllegalArgumentException("fields live on different grids: " + this + " and " + other);
        }
    }

    /**
     * @param axis space axis number
     * @return "x", "y" or "z"
     */
    public static String axisName(int axis) {
        return axis < AXIS_NAMES.length ? AXIS_NAMES[axis] : "t";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid g
                && Arrays.equals(shape, g.shape)
                && Arrays.equals(lower, g.lower)
                && Arrays.equals(upper, g.upper)
                && Arrays.equals(centering, g.centering)
                && Objects.equals(time, g.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(shape), Arrays.hashCode(lower), Arrays.hashCode(upper),
                Arrays.hashCode(centering), time);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Grid[");
        for (int a = 0; a < shape.length; a++) {
            if (a > 0) {
                s.append(", ");
            }
            s.append(AXIS_NAMES[a]).append(": ").append(shape[a]).append(' ')
                    .append(centering[a].name().toLowerCase()).append(" points on [")
                    .append(lower[a]).append(", ").append(upper[a]).append(']');
        }
        if (time != null) {
            s.append(", ").append(time);
        }
        return s.append(']').toString();
    }

    private static String describeShape(int[] shape, TimeAxis time) {
        StringBuilder s = new StringBuilder();
        for (int a = 0; a < shape.length; a++) {
            s.append(a == 0 ? "" : "x").append(shape[a]);
        }
        if (time != null) {
            s.append("x").append(time.count()).append(" (time)");
        }
        return s.toString();
    }
}
