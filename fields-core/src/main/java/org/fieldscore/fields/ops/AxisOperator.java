package org.fieldscore.fields.ops;

import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.parallel.ParallelLoops;

/**
 * The m-th derivative along one grid axis at accuracy order p: a centred stencil of radius p/2 inside, and
 * closures of the same order in the p/2 rows next to each end.
 *
 * <p>A closure uses p + m data: without a boundary condition, the p + m values nearest the end; with one, the
 * boundary datum and the p + m − 1 nearest values. The datum is the face value (Dirichlet), the face slope h·u'
 * (Neumann: u' = ±g for the low/high face) or the slope implied by α u + β ∂u/∂n = g (Robin, with the face value
 * taken from the grid on vertex axes and extrapolated at order p + m on cell axes). Periodic axes wrap around.
 * Weights come from {@link StencilWeights}.
 */
final class AxisOperator {

    private enum Datum { NONE, VALUE, SLOPE, ROBIN }

    /** One closure row: weights on values at given axis indices, plus a weight on the datum. */
    private record Row(int[] index, double[] weight, double datumWeight) {
    }

    private final Grid grid;
    private final int axis;
    private final int n;
    private final int stride;
    private final int radius;
    private final double scale;
    private final double[] centred;
    private final boolean periodic;
    private final BoundaryCondition[] condition = new BoundaryCondition[2];
    private final Datum[] datum = new Datum[2];
    private final Row[][] rows = new Row[2][];
    private final double[][] faceExtrapolation = new double[2][];

    AxisOperator(Grid grid, int axis, int derivative, int order, BoundaryCondition low, BoundaryCondition high) {
        this.grid = grid;
        this.axis = axis;
        this.n = grid.size(axis);
        this.stride = grid.stride(axis);
        this.radius = order / 2;
        this.scale = 1.0 / Math.pow(grid.spacing(axis), derivative);
        double[] offsets = new double[2 * radius + 1];
        for (int k = -radius; k <= radius; k++) {
            offsets[k + radius] = k;
        }
        this.centred = StencilWeights.fornberg(derivative, 0, offsets);
        this.periodic = low instanceof BoundaryCondition.Periodic;
        if (periodic) {
            return;
        }
        int needed = order + derivative;
        if (n < needed) {
            throw new IllegalArgumentException("axis " + Grid.axisName(axis) + " has " + n + " points; derivative "
                    + derivative + " at order " + order + " needs at least " + needed + " near a boundary");
        }
        boolean cell = axis < grid.spaceDimension() && grid.centering(axis) == Centering.CELL;
        condition[0] = low;
        condition[1] = high;
        for (int s = 0; s < 2; s++) {
            datum[s] = kind(condition[s]);
            rows[s] = new Row[radius];
            int sign = s == 0 ? 1 : -1;
            int end = s == 0 ? 0 : n - 1;
            double face = end - sign * (cell ? 0.5 : 0.0);
            for (int r = 0; r < radius; r++) {
                int target = end + sign * r;
                rows[s][r] = row(derivative, target, end, sign, face, needed, cell);
            }
            if (datum[s] == Datum.ROBIN && cell) {
                double[] pts = new double[needed];
                for (int j = 0; j < needed; j++) {
                    pts[j] = end + sign * j;
                }
                faceExtrapolation[s] = StencilWeights.fornberg(0, face, pts);
            }
        }
    }

    private static Datum kind(BoundaryCondition bc) {
        if (bc == null) {
            return Datum.NONE;
        }
        if (bc instanceof BoundaryCondition.Dirichlet) {
            return Datum.VALUE;
        }
        if (bc instanceof BoundaryCondition.Neumann) {
            return Datum.SLOPE;
        }
        return Datum.ROBIN;
    }

    private Row row(int derivative, int target, int end, int sign, double face, int needed, boolean cell) {
        int side = sign > 0 ? 0 : 1;
        Datum kind = datum[side];
        if (kind == Datum.NONE) {
            int[] idx = new int[needed];
            double[] pts = new double[needed];
            for (int j = 0; j < needed; j++) {
                idx[j] = end + sign * j;
                pts[j] = idx[j];
            }
            return new Row(idx, StencilWeights.fornberg(derivative, target, pts), 0);
        }
        if (kind == Datum.VALUE) {
            // the face value replaces the end point on vertex axes and adds a point at the face on cell axes
            int first = cell ? 0 : 1;
            int[] idx = new int[needed - 1];
            double[] pts = new double[needed];
            pts[0] = face;
            for (int j = 0; j < needed - 1; j++) {
                idx[j] = end + sign * (first + j);
                pts[j + 1] = idx[j];
            }
            double[] w = StencilWeights.fornberg(derivative, target, pts);
            return new Row(idx, java.util.Arrays.copyOfRange(w, 1, w.length), w[0]);
        }
        int[] idx = new int[needed - 1];
        double[] pts = new double[needed - 1];
        for (int j = 0; j < needed - 1; j++) {
            idx[j] = end + sign * j;
            pts[j] = idx[j];
        }
        double[] w = StencilWeights.withSlopeDatum(derivative, target, pts, face);
        return new Row(idx, java.util.Arrays.copyOf(w, w.length - 1), w[w.length - 1]);
    }

    /** @return the number of lines along this axis */
    int lines() {
        return grid.pointCount() / n;
    }

    /** @return the flat index of the first point of a line */
    int lineBase(int line) {
        return line % stride + (line / stride) * stride * n;
    }

    /** @return the line through a flat index */
    int lineOf(int flat) {
        return flat % stride + (flat / (stride * n)) * stride;
    }

    /** @return whether rows near the ends need boundary data */
    boolean needsData() {
        return !periodic && (datum[0] != Datum.NONE || datum[1] != Datum.NONE);
    }

    /**
     * Evaluates the boundary data of every line: datum[side][line].
     *
     * @param in the field values (Robin data depend on them)
     * @param time time used on grids without a time axis
     * @return the data, or null when no closure needs any
     */
    double[][] data(double[] in, double time) {
        if (!needsData()) {
            return null;
        }
        int lines = lines();
        double[][] out = new double[2][lines];
        int d = grid.spaceDimension();
        double h = grid.spacing(axis);
        ParallelLoops.forRange(0, lines, 256, (from, to) -> {
            double[] x = new double[d];
            for (int line = from; line < to; line++) {
                int base = lineBase(line);
                grid.spaceCoordinates(base, x);
                double t = grid.hasTime() ? grid.time(base) : time;
                for (int s = 0; s < 2; s++) {
                    if (datum[s] == Datum.NONE) {
                        continue;
                    }
                    x[axis] = s == 0 ? grid.lower(axis) : grid.upper(axis);
                    double sign = s == 0 ? -1 : 1;
                    out[s][line] = switch (datum[s]) {
                        case VALUE -> ((BoundaryCondition.Dirichlet) condition[s]).value().value(t, x);
                        case SLOPE -> h * sign * ((BoundaryCondition.Neumann) condition[s]).flux().value(t, x);
                        case ROBIN -> {
                            BoundaryCondition.Robin rb = (BoundaryCondition.Robin) condition[s];
                            double uFace = faceValue(in, base, s);
                            yield h * sign * (rb.value().value(t, x) - rb.alpha() * uFace) / rb.beta();
                        }
                        case NONE -> 0;
                    };
                }
            }
        });
        return out;
    }

    private double faceValue(double[] in, int base, int side) {
        double[] e = faceExtrapolation[side];
        if (e == null) {
            return in[base + (side == 0 ? 0 : (n - 1) * stride)];
        }
        double u = 0;
        for (int j = 0; j < e.length; j++) {
            int i = side == 0 ? j : n - 1 - j;
            u += e[j] * in[base + i * stride];
        }
        return u;
    }

    /**
     * The derivative at one point.
     *
     * @param in values
     * @param flat flat index of the point
     * @param data boundary data from {@link #data}, or null
     * @return the derivative there
     */
    double applyAt(double[] in, int flat, double[][] data) {
        int i = (flat / stride) % n;
        return at(in, flat - i * stride, i, data, lineOf(flat));
    }

    /**
     * The derivative at index i of one line, without index arithmetic on the flat position.
     *
     * @param in values
     * @param base flat index of the line's first point
     * @param i index along the axis
     * @param data boundary data from {@link #data}, or null
     * @param line the line's number (for the boundary data)
     * @return the derivative there
     */
    double at(double[] in, int base, int i, double[][] data, int line) {
        double s = 0;
        if (periodic) {
            for (int k = -radius; k <= radius; k++) {
                s += centred[k + radius] * in[base + Math.floorMod(i + k, n) * stride];
            }
            return s * scale;
        }
        if (i >= radius && i < n - radius) {
            int flat = base + i * stride;
            for (int k = -radius; k <= radius; k++) {
                s += centred[k + radius] * in[flat + k * stride];
            }
            return s * scale;
        }
        int side = i < radius ? 0 : 1;
        Row row = rows[side][side == 0 ? i : n - 1 - i];
        for (int j = 0; j < row.index.length; j++) {
            s += row.weight[j] * in[base + row.index[j] * stride];
        }
        if (row.datumWeight != 0) {
            s += row.datumWeight * data[side][line];
        }
        return s * scale;
    }

    /**
     * Adds the derivative along this axis to a run of consecutive flat indices [from, to) that share their index i
     * along this axis (a stretch of a row along x, for an axis other than x). The stencil is the same for the whole
     * run, so the loop is a unit-stride axpy per stencil point.
     *
     * @param in values
     * @param out receives out[p] += derivative
     * @param from first flat index
     * @param to end flat index (exclusive)
     * @param i the common index along this axis
     * @param data boundary data, or null
     * @param firstLine the line number of {@code from}; the others follow consecutively
     */
    void accumulateRun(double[] in, double[] out, int from, int to, int i, double[][] data, int firstLine) {
        if (periodic || (i >= radius && i < n - radius)) {
            for (int k = -radius; k <= radius; k++) {
                double w = centred[k + radius] * scale;
                if (w == 0) {
                    continue;
                }
                int off = ((periodic ? Math.floorMod(i + k, n) : i + k) - i) * stride;
                for (int p = from; p < to; p++) {
                    out[p] += w * in[p + off];
                }
            }
            return;
        }
        int side = i < radius ? 0 : 1;
        Row row = rows[side][side == 0 ? i : n - 1 - i];
        for (int j = 0; j < row.index.length; j++) {
            double w = row.weight[j] * scale;
            int off = (row.index[j] - i) * stride;
            for (int p = from; p < to; p++) {
                out[p] += w * in[p + off];
            }
        }
        if (row.datumWeight != 0) {
            double w = row.datumWeight * scale;
            double[] lineData = data[side];
            for (int p = from; p < to; p++) {
                out[p] += w * lineData[firstLine + p - from];
            }
        }
    }

    /**
     * The derivative at every point: out = D in (or out += D in).
     *
     * @param in values
     * @param out result
     * @param accumulate add to out instead of overwriting it
     * @param time time for boundary data on grids without a time axis
     */
    void apply(double[] in, double[] out, boolean accumulate, double time) {
        double[][] data = data(in, time);
        int lines = lines();
        ParallelLoops.forRange(0, lines, 64, (from, to) -> {
            for (int line = from; line < to; line++) {
                int base = lineBase(line);
                if (periodic) {
                    closure(in, out, base, 0, n, data, accumulate);
                } else {
                    closure(in, out, base, 0, radius, data, accumulate);
                    interior(in, out, base, radius, n - radius, accumulate);
                    closure(in, out, base, n - radius, n, data, accumulate);
                }
            }
        });
    }

    private void closure(double[] in, double[] out, int base, int lo, int hi, double[][] data, boolean accumulate) {
        for (int i = lo; i < hi; i++) {
            int p = base + i * stride;
            double v = applyAt(in, p, data);
            out[p] = accumulate ? out[p] + v : v;
        }
    }

    private void interior(double[] in, double[] out, int base, int lo, int hi, boolean accumulate) {
        for (int i = lo; i < hi; i++) {
            int p = base + i * stride;
            double s = 0;
            for (int k = -radius; k <= radius; k++) {
                s += centred[k + radius] * in[p + k * stride];
            }
            s *= scale;
            out[p] = accumulate ? out[p] + s : s;
        }
    }

    /** @return centred weights already scaled by 1/h<sup>m</sup> */
    double[] scaledCentredWeights() {
        double[] w = centred.clone();
        for (int k = 0; k < w.length; k++) {
            w[k] *= scale;
        }
        return w;
    }

    /** @return whether this axis wraps around */
    boolean periodic() {
        return periodic;
    }
}
