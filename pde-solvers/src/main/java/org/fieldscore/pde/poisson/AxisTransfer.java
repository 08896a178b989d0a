package org.fieldscore.pde.poisson;

import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.pde.internal.stencil.AxisSpec;
import org.fieldscore.pde.internal.stencil.PaddedLayout;

/**
 * A sparse one-dimensional grid-transfer matrix (rows = target unknowns), applied along one axis of a 3-D array.
 *
 * <p>Interpolation P from a coarse to a fine axis is linear interpolation between coarse unknowns, using the coarse
 * end layers (fixed zero Dirichlet nodes, ghost rules, periodic wrap) near the ends; the fine and coarse grids share
 * the interval but need not be nested, which lets multigrid coarsen any number of cells n → ⌈n/2⌉. Restriction is
 * the transpose in the inner products of the quadrature weights W (½ on vertex Neumann and Robin end nodes),
 * R = (h/H)·W<sub>c</sub>⁻¹PᵀW<sub>f</sub>: full weighting on nested vertex grids and the (1, 3, 3, 1)/8 weighting on
 * nested cell grids (Trottenberg, Oosterlee &amp; Schüller, <i>Multigrid</i>, 2001, §2.3 and §7.5), and at weighted end
 * nodes the restriction that matches their non-symmetric rows of the operator (W·A is symmetric). Immutable.
 */
final class AxisTransfer {

    /** A 3-D array layout: unknown counts, origin index and strides. */
    record Layout(int n0, int n1, int n2, int origin, int sy, int sz) {
        static Layout padded(PaddedLayout p) {
            return new Layout(p.m0, p.m1, p.m2, p.index(0, 0, 0), p.sy, p.sz);
        }

        static Layout compact(int n0, int n1, int n2) {
            return new Layout(n0, n1, n2, 0, n0, n0 * n1);
        }
    }

    private final int[] rowStart;
    private final int[] column;
    private final double[] value;
    private final int columns;
    /** The same matrix with every row padded to {@link #width} entries (zero weights), for the x direction. */
    private final int width;
    private final int[] paddedColumn;
    private final double[] paddedValue;

    private AxisTransfer(int[] rowStart, int[] column, double[] value, int columns) {
        this.rowStart = rowStart;
        this.column = column;
        this.value = value;
        this.columns = columns;
        int w = 1;
        for (int r = 0; r + 1 < rowStart.length; r++) {
            w = Math.max(w, rowStart[r + 1] - rowStart[r]);
        }
        this.width = w;
        int rows = rowStart.length - 1;
        paddedColumn = new int[rows * w];
        paddedValue = new double[rows * w];
        for (int r = 0; r < rows; r++) {
            for (int e = 0; e < w; e++) {
                int src = rowStart[r] + e;
                boolean present = src < rowStart[r + 1];
                paddedColumn[r * w + e] = present ? column[src] : column[rowStart[r]];
                paddedValue[r * w + e] = present ? value[src] : 0;
            }
        }
    }

    int rows() {
        return rowStart.length - 1;
    }

    /** The identity on an axis that is not coarsened. */
    static AxisTransfer identity(int n) {
        int[] start = new int[n + 1];
        int[] col = new int[n];
        double[] val = new double[n];
        for (int i = 0; i < n; i++) {
            start[i + 1] = i + 1;
            col[i] = i;
            val[i] = 1;
        }
        return new AxisTransfer(start, col, val, n);
    }

    /**
     * @param fine fine axis
     * @param coarse coarse axis on the same interval with the same end kinds
     * @return linear interpolation coarse → fine
     */
    static AxisTransfer interpolation(AxisSpec fine, AxisSpec coarse) {
        int mf = fine.m;
        int mc = coarse.m;
        double hc = coarse.h;
        double x0 = coarse.position(0);
        int[] start = new int[mf + 1];
        int[] col = new int[2 * mf];
        double[] val = new double[2 * mf];
        int count = 0;
        int[] ci = new int[4];
        double[] cw = new double[4];
        for (int i = 0; i < mf; i++) {
            double x = fine.position(i);
            int e = (int) Math.floor((x - x0) / hc + 1e-12);
            e = Math.max(-1, Math.min(mc - 1, e));
            double theta = (x - (x0 + e * hc)) / hc;
            int n = 0;
            n = expand(coarse, e, 1 - theta, ci, cw, n);
            n = expand(coarse, e + 1, theta, ci, cw, n);
            for (int a = 0; a < n; a++) {
                if (cw[a] == 0) {
                    continue;
                }
                int found = -1;
                for (int b = start[i]; b < count; b++) {
                    if (col[b] == ci[a]) {
                        found = b;
                    }
                }
                if (found >= 0) {
                    val[found] += cw[a];
                } else {
                    if (count == col.length) {
                        col = java.util.Arrays.copyOf(col, 2 * count);
                        val = java.util.Arrays.copyOf(val, 2 * count);
                    }
                    col[count] = ci[a];
                    val[count++] = cw[a];
                }
            }
            start[i + 1] = count;
        }
        return new AxisTransfer(start, java.util.Arrays.copyOf(col, count), java.util.Arrays.copyOf(val, count), mc);
    }

    /**
     * Cubic interpolation coarse → fine, the interpolation of the full-multigrid start: each fine value is the cubic
     * through the four nearest coarse unknowns (wrapping on periodic axes, one-sided near the ends of other axes, so
     * that no boundary data is needed); linear on axes with fewer than four coarse unknowns. Full multigrid reaches
     * the discretisation error in one cycle when this interpolation is more accurate than the discretisation
     * (Trottenberg, Oosterlee &amp; Schüller, <i>Multigrid</i>, 2001, §2.6).
     *
     * @param fine fine axis
     * @param coarse coarse axis on the same interval with the same end kinds
     * @return the interpolation
     */
    static AxisTransfer cubic(AxisSpec fine, AxisSpec coarse) {
        int mc = coarse.m;
        int points = Math.min(4, mc);
        int mf = fine.m;
        int[] start = new int[mf + 1];
        int[] col = new int[points * mf];
        double[] val = new double[points * mf];
        double x0 = coarse.position(0);
        int count = 0;
        for (int i = 0; i < mf; i++) {
            double t = (fine.position(i) - x0) / coarse.h;
            int first = (int) Math.floor(t + 1e-12) - (points - 1) / 2;
            if (!coarse.periodic()) {
                first = Math.max(0, Math.min(mc - points, first));
            }
            for (int k = 0; k < points; k++) {
                double w = 1;
                for (int j = 0; j < points; j++) {
                    if (j != k) {
                        w *= (t - (first + j)) / (k - j);
                    }
                }
                col[count] = Math.floorMod(first + k, mc);
                val[count++] = w;
            }
            start[i + 1] = count;
        }
        return new AxisTransfer(start, col, val, mc);
    }

    /** Expands the value at extended coarse index e (−1..m) into unknowns, weighted by w. */
    private static int expand(AxisSpec coarse, int e, double w, int[] ci, double[] cw, int n) {
        int m = coarse.m;
        if (e >= 0 && e < m) {
            ci[n] = e;
            cw[n++] = w;
            return n;
        }
        if (coarse.periodic()) {
            ci[n] = e < 0 ? m - 1 : 0;
            cw[n++] = w;
            return n;
        }
        int side = e < 0 ? 0 : 1;
        if (coarse.fixedEnd(side)) {
            return n;
        }
        int adj = side == 0 ? 0 : m - 1;
        int next = side == 0 ? Math.min(1, m - 1) : Math.max(m - 2, 0);
        ci[n] = adj;
        cw[n++] = w * coarse.ghostSelf[side];
        ci[n] = next;
        cw[n++] = w * coarse.ghostNext[side];
        return n;
    }

    /**
     * @param fine the fine axis (rows of P)
     * @param coarse the coarse axis (columns of P)
     * @return R = (h/H)·W<sub>c</sub>⁻¹PᵀW<sub>f</sub>, the transpose in the inner products of the quadrature weights W
     */
    AxisTransfer restriction(AxisSpec fine, AxisSpec coarse) {
        double scale = fine.h / coarse.h;
        int[] start = new int[columns + 1];
        for (int c : column) {
            start[c + 1]++;
        }
        for (int c = 0; c < columns; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = start.clone();
        int[] col = new int[column.length];
        double[] val = new double[column.length];
        for (int r = 0; r < rows(); r++) {
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                int slot = fill[column[e]]++;
                col[slot] = r;
                val[slot] = scale * value[e] * fine.weight[r] / coarse.weight[column[e]];
            }
        }
        return new AxisTransfer(start, col, val, rows());
    }

    /** One x line: dst[dBase + r] (+)= Σ_e w_re src[sBase + c_re], rows padded to a fixed width. */
    void applyRow(double[] src, int sBase, double[] dst, int dBase, boolean add) {
        int rows = rows();
        int[] col = paddedColumn;
        double[] val = paddedValue;
        if (width == 2 && add) {
            for (int r = 0, e = 0; r < rows; r++, e += 2) {
                dst[dBase + r] += val[e] * src[sBase + col[e]] + val[e + 1] * src[sBase + col[e + 1]];
            }
        } else if (width == 2) {
            for (int r = 0, e = 0; r < rows; r++, e += 2) {
                dst[dBase + r] = val[e] * src[sBase + col[e]] + val[e + 1] * src[sBase + col[e + 1]];
            }
        } else if (width == 3) {
            for (int r = 0, e = 0; r < rows; r++, e += 3) {
                double s = val[e] * src[sBase + col[e]] + val[e + 1] * src[sBase + col[e + 1]]
                        + val[e + 2] * src[sBase + col[e + 2]];
                dst[dBase + r] = add ? dst[dBase + r] + s : s;
            }
        } else {
            for (int r = 0; r < rows; r++) {
                double s = 0;
                for (int e = r * width, end = e + width; e < end; e++) {
                    s += val[e] * src[sBase + col[e]];
                }
                dst[dBase + r] = add ? dst[dBase + r] + s : s;
            }
        }
    }

    /**
     * dst = M·src along one axis (or dst += M·src).
     *
     * @param axis 0, 1 or 2
     * @param src source array
     * @param ls source layout (its size along axis = columns)
     * @param dst destination array
     * @param ld destination layout (its size along axis = rows)
     * @param add whether to add to dst instead of overwriting
     */
    void apply(int axis, double[] src, Layout ls, double[] dst, Layout ld, boolean add) {
        int rows = rows();
        if (axis == 0) {
            int lines = ld.n1() * ld.n2();
            ParallelLoops.forRange(0, lines, Math.max(1, 2048 / rows), (lo, hi) -> {
                for (int line = lo; line < hi; line++) {
                    int j = line % ld.n1();
                    int k = line / ld.n1();
                    applyRow(src, ls.origin() + j * ls.sy() + k * ls.sz(), dst,
                            ld.origin() + j * ld.sy() + k * ld.sz(), add);
                }
            });
            return;
        }
        int other = axis == 1 ? ld.n2() : ld.n1();
        int n0 = ld.n0();
        int lines = rows * other;
        ParallelLoops.forRange(0, lines, Math.max(1, 2048 / n0), (lo, hi) -> {
            for (int line = lo; line < hi; line++) {
                int r = line % rows;
                int o = line / rows;
                int dBase = ld.origin() + (axis == 1 ? r * ld.sy() + o * ld.sz() : o * ld.sy() + r * ld.sz());
                if (!add) {
                    java.util.Arrays.fill(dst, dBase, dBase + n0, 0.0);
                }
                for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                    double w = value[e];
                    int c = column[e];
                    int sBase = ls.origin() + (axis == 1 ? c * ls.sy() + o * ls.sz() : o * ls.sy() + c * ls.sz());
                    for (int i = 0; i < n0; i++) {
                        dst[dBase + i] += w * src[sBase + i];
                    }
                }
            }
        });
    }
}
