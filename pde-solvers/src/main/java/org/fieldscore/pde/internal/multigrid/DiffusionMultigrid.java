package org.fieldscore.pde.internal.multigrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.pde.internal.krylov.LinearMap;

/**
 * Cell-centred geometric multigrid for a symmetric variable-coefficient diffusion matrix on a box of cells (flat
 * arrays, x fastest), used as a preconditioner: one symmetric V-cycle from a zero start, z ≈ A⁻¹r, with
 *
 * <pre>  (A x)_i = (c₀ m_i + c₁ s_i) x_i + c₁ Σ_faces k_f (x_i − x_j),</pre>
 *
 * face coefficients k_f ≥ 0 between neighbouring cells i, j (periodic axes wrap), a mass m_i ≥ 0 and a sink
 * s_i ≥ 0 per cell, and two factors c₀, c₁ ≥ 0 set by {@link #configure} (I − θΔt L is c₀ = 1, c₁ = θΔt).
 *
 * <p>Coarsening pairs the cells of every axis with an even number ≥ 4 of them (Wesseling's cell-centred multigrid:
 * P. Wesseling, "Cell-centred multigrid for interface problems", J. Comput. Phys. 79, 85–91, 1988): masses and sinks
 * of the paired cells add, and a coarse face coefficient is the parallel sum over the fine rows that cross it of the
 * series conductance between the two coarse centres, 1/(½/k₁ + 1/k₂ + ½/k₃) (the fine face inside the first coarse
 * cell, the face between them, the face inside the second): for a constant coefficient it is the re-discretised
 * operator scaled like the summed residual, and for jumping coefficients it is the harmonic mean along the flow.
 * Interpolation is cell-centred bilinear (weights ¾, ¼ per axis; constant next to a wall), restriction its transpose,
 * so the cycle is symmetric; the smoother is red–black Gauss–Seidel (red then black before, black then red after the
 * coarse correction), or weighted Jacobi on a level with a periodic axis of odd length where a red–black colouring
 * does not exist; the coarsest level (at most {@value #COARSEST_UNKNOWNS} unknowns) is solved by a dense Cholesky
 * factorisation; when A is singular (no mass and no sink: the constants are its null space, and the restricted
 * right-hand sides of a consistent system sum to zero) the unknown with the largest diagonal is pinned to 0 and its
 * equation dropped, which gives one solution of the consistent coarse system. Every loop is over cells or lines
 * with no reductions, so the result does not depend on the number of threads. Not thread-safe.
 */
public final class DiffusionMultigrid implements LinearMap {

    /** Coarsening stops once a level has at most this many unknowns. */
    static final int COARSEST_UNKNOWNS = 256;
    /** A hierarchy whose coarsest level is larger than this (odd sizes) is not built. */
    static final int MAX_DIRECT_UNKNOWNS = 1024;
    /** Smoothing sweeps before and after the coarse-grid correction. */
    static final int SWEEPS = 2;
    /** Weight of the Jacobi smoother. */
    private static final double JACOBI_WEIGHT = 0.8;

    private final List<Level> levels = new ArrayList<>();
    private double[] cholesky;
    private double c0 = Double.NaN;
    private double c1 = Double.NaN;

    private DiffusionMultigrid(Level fine) {
        levels.add(fine);
        Level level = fine;
        while (level.n > COARSEST_UNKNOWNS) {
            Level coarse = level.coarser();
            if (coarse == null) {
                break;
            }
            levels.add(coarse);
            level = coarse;
        }
        coarsen();
    }

    /**
     * Builds the hierarchy on the given fine-level arrays (kept by reference: call {@link #update} after changing
     * them in place).
     *
     * @param shape cells per axis (3 entries, 1 for absent axes)
     * @param periodic whether each axis wraps (3 entries)
     * @param faces per axis a &lt; d, k between cell f and f + e<sub>a</sub> (wrapped on a periodic axis; 0 at the
     *     last cell of a non-periodic one)
     * @param mass m per cell
     * @param sink s per cell
     * @return the multigrid, or null when its coarsest level would have more than {@value #MAX_DIRECT_UNKNOWNS}
     *     unknowns (sizes with few factors of 2), or when there is only one level (at most
     *     {@value #COARSEST_UNKNOWNS} unknowns, where a diagonal preconditioner is as cheap)
     */
    public static DiffusionMultigrid build(int[] shape, boolean[] periodic, double[][] faces, double[] mass,
            double[] sink) {
        DiffusionMultigrid mg = new DiffusionMultigrid(new Level(shape.clone(), periodic.clone(), faces, mass, sink));
        int levels = mg.levels.size();
        return levels > 1 && mg.levels.get(levels - 1).n <= MAX_DIRECT_UNKNOWNS ? mg : null;
    }

    /**
     * An upper bound of the bytes a hierarchy takes besides the fine-level coefficient arrays it is given: three work
     * arrays on the fine level, every coarse level's coefficients and work arrays (at most (d + 7)·N/(2<sup>d</sup>
     * − 1) values), and the dense factor of the coarsest level.
     *
     * @param d the dimension
     * @param n the fine cells
     * @return bytes
     */
    public static long workingBytes(int d, long n) {
        long coarse = (d + 7) * n / ((1L << d) - 1);
        return 8L * (3 * n + coarse + (long) MAX_DIRECT_UNKNOWNS * MAX_DIRECT_UNKNOWNS);
    }

    /** Recomputes the coarse levels from the fine arrays (after they changed in place). */
    public void update() {
        coarsen();
        double a = c0;
        double b = c1;
        c0 = Double.NaN;
        if (!Double.isNaN(b)) {
            configure(a, b);
        }
    }

    private void coarsen() {
        for (int l = 1; l < levels.size(); l++) {
            levels.get(l).fillFrom(levels.get(l - 1));
        }
    }

    /**
     * Sets A = c₀M + c₁(S + K) on every level and factorises the coarsest (only when the factors change).
     *
     * @param mass c₀ ≥ 0
     * @param diffusion c₁ &gt; 0
     */
    public void configure(double mass, double diffusion) {
        if (mass == c0 && diffusion == c1) {
            return;
        }
        c0 = mass;
        c1 = diffusion;
        for (Level level : levels) {
            level.configure(mass, diffusion);
        }
        cholesky = levels.get(levels.size() - 1).denseFactor();
    }

    /** @return the number of levels */
    public int levelCount() {
        return levels.size();
    }

    /** One V-cycle from a zero start: out ≈ A⁻¹x. */
    @Override
    public void apply(double[] x, double[] out) {
        Level fine = levels.get(0);
        fine.b = x;
        fine.x = out;
        try {
            cycle(0);
        } finally {
            fine.b = null;
            fine.x = null;
        }
    }

    private void cycle(int l) {
        Level level = levels.get(l);
        if (l == levels.size() - 1) {
            level.denseSolve(cholesky);
            return;
        }
        Arrays.fill(level.x, 0);
        for (int s = 0; s < SWEEPS; s++) {
            level.smooth(true);
        }
        level.residual();
        Level coarse = levels.get(l + 1);
        coarse.restrictFrom(level);
        cycle(l + 1);
        coarse.interpolateInto(level);
        for (int s = 0; s < SWEEPS; s++) {
            level.smooth(false);
        }
    }

    /** One level: its arrays, its operator's coefficients, and its work vectors. */
    private static final class Level {
        final int[] shape;
        final boolean[] periodic;
        final int[] stride = new int[3];
        final int n;
        final int lines;
        final int d;
        final double[][] faces;
        final double[] mass;
        final double[] sink;
        final double[] diag;
        final double[] inverseDiagonal;
        final double[] r;
        final boolean redBlack;
        double scale;
        double[] x;
        double[] b;
        /** Which axes were paired to make this level from the finer one. */
        final boolean[] paired = new boolean[3];

        Level(int[] shape, boolean[] periodic, double[][] faces, double[] mass, double[] sink) {
            this.shape = shape;
            this.periodic = periodic;
            this.n = shape[0] * shape[1] * shape[2];
            this.lines = shape[1] * shape[2];
            stride[0] = 1;
            stride[1] = shape[0];
            stride[2] = shape[0] * shape[1];
            this.d = faces.length;
            this.faces = faces;
            this.mass = mass;
            this.sink = sink;
            this.diag = new double[n];
            this.inverseDiagonal = new double[n];
            this.r = new double[n];
            boolean oddPeriodic = false;
            for (int a = 0; a < 3; a++) {
                oddPeriodic |= periodic[a] && shape[a] % 2 == 1 && shape[a] > 1;
            }
            this.redBlack = !oddPeriodic;
        }

        /** @return the next coarser level (arrays allocated, not filled), or null when no axis can be paired */
        Level coarser() {
            int[] c = shape.clone();
            boolean any = false;
            boolean[] pairs = new boolean[3];
            for (int a = 0; a < d; a++) {
                if (shape[a] >= 4 && shape[a] % 2 == 0) {
                    c[a] = shape[a] / 2;
                    pairs[a] = true;
                    any = true;
                }
            }
            if (!any) {
                return null;
            }
            int cn = c[0] * c[1] * c[2];
            Level coarse = new Level(c, periodic, new double[d][cn], new double[cn], new double[cn]);
            System.arraycopy(pairs, 0, coarse.paired, 0, 3);
            coarse.x = new double[cn];
            coarse.b = new double[cn];
            return coarse;
        }

        /** Masses and sinks summed over pairs, face coefficients by the series/parallel rule. */
        void fillFrom(Level fine) {
            ParallelLoops.forRange(0, lines, 4, (from, to) -> {
                for (int line = from; line < to; line++) {
                    int j = line % shape[1];
                    int k = line / shape[1];
                    for (int i = 0; i < shape[0]; i++) {
                        int c = i + stride[1] * j + stride[2] * k;
                        int[] lo = {paired[0] ? 2 * i : i, paired[1] ? 2 * j : j, paired[2] ? 2 * k : k};
                        double m = 0;
                        double s = 0;
                        for (int dz = 0; dz <= (paired[2] ? 1 : 0); dz++) {
                            for (int dy = 0; dy <= (paired[1] ? 1 : 0); dy++) {
                                for (int dx = 0; dx <= (paired[0] ? 1 : 0); dx++) {
                                    int f = fine.index(lo[0] + dx, lo[1] + dy, lo[2] + dz);
                                    m += fine.mass[f];
                                    s += fine.sink[f];
                                }
                            }
                        }
                        mass[c] = m;
                        sink[c] = s;
                        for (int a = 0; a < d; a++) {
                            faces[a][c] = coarseFace(fine, a, lo, c);
                        }
                    }
                }
            });
        }

        private double coarseFace(Level fine, int a, int[] lo, int c) {
            int[] index = {c % shape[0], (c / shape[0]) % shape[1], c / stride[2]};
            if (!periodic[a] && index[a] == shape[a] - 1) {
                return 0;
            }
            double total = 0;
            int[] at = new int[3];
            int b1 = (a + 1) % 3;
            int b2 = (a + 2) % 3;
            for (int t2 = 0; t2 <= (paired[b2] ? 1 : 0); t2++) {
                for (int t1 = 0; t1 <= (paired[b1] ? 1 : 0); t1++) {
                    at[b1] = lo[b1] + t1;
                    at[b2] = lo[b2] + t2;
                    if (!paired[a]) {
                        at[a] = lo[a];
                        total += fine.faces[a][fine.index(at[0], at[1], at[2])];
                        continue;
                    }
                    int m = fine.shape[a];
                    at[a] = lo[a];
                    double k1 = fine.faces[a][fine.index(at[0], at[1], at[2])];
                    at[a] = lo[a] + 1;
                    double k2 = fine.faces[a][fine.index(at[0], at[1], at[2])];
                    at[a] = (lo[a] + 2) % m;
                    double k3 = fine.faces[a][fine.index(at[0], at[1], at[2])];
                    if (k1 > 0 && k2 > 0 && k3 > 0) {
                        total += 1 / (0.5 / k1 + 1 / k2 + 0.5 / k3);
                    }
                }
            }
            return total;
        }

        int index(int i, int j, int k) {
            return i + stride[1] * j + stride[2] * k;
        }

        void configure(double c0, double c1) {
            scale = c1;
            ParallelLoops.forRange(0, lines, 8, (from, to) -> {
                for (int line = from; line < to; line++) {
                    int base = line * shape[0];
                    for (int f = base; f < base + shape[0]; f++) {
                        diag[f] = c0 * mass[f] + c1 * (sink[f] + sumOfFaces(f));
                        inverseDiagonal[f] = diag[f] > 0 ? 1 / diag[f] : 0;
                    }
                }
            });
        }

        /** @return the flat index of the neighbour along axis a on the given side, or −1 beyond a wall */
        int neighbour(int f, int a, int side) {
            int i = (f / stride[a]) % shape[a];
            int next = i + side;
            if (next >= 0 && next < shape[a]) {
                return f + side * stride[a];
            }
            if (!periodic[a] || shape[a] == 1) {
                return -1;
            }
            return f - side * (shape[a] - 1) * stride[a];
        }

        /** Fills the flat index of the first cell of the neighbouring lines along axes 1, 2 (−1 beyond a wall). */
        private void lineNeighbours(int line, int[] right, int[] left) {
            int base = line * shape[0];
            for (int a = 1; a < d; a++) {
                int index = (base / stride[a]) % shape[a];
                int s = stride[a];
                right[a] = index + 1 < shape[a] ? base + s : periodic[a] && shape[a] > 1 ? base - (shape[a] - 1) * s
                        : -1;
                left[a] = index > 0 ? base - s : periodic[a] && shape[a] > 1 ? base + (shape[a] - 1) * s : -1;
            }
        }

        /** Two red–black half sweeps (red first when forward), or one weighted Jacobi sweep. */
        void smooth(boolean forward) {
            if (!redBlack) {
                residual();
                ParallelLoops.forRange(0, n, 4096, (from, to) -> {
                    for (int f = from; f < to; f++) {
                        x[f] += JACOBI_WEIGHT * inverseDiagonal[f] * r[f];
                    }
                });
                return;
            }
            int first = forward ? 0 : 1;
            colour(first);
            colour(1 - first);
        }

        private void colour(int parity) {
            ParallelLoops.forRange(0, lines, 8, (from, to) -> {
                int[] right = new int[3];
                int[] left = new int[3];
                for (int line = from; line < to; line++) {
                    lineNeighbours(line, right, left);
                    int j = line % shape[1];
                    int k = line / shape[1];
                    int first = (parity + j + k) & 1;
                    int base = line * shape[0];
                    neighbourSums(base, first, 2, right, left, x, x);
                    for (int f = base + first, end = base + shape[0]; f < end; f += 2) {
                        x[f] = (b[f] + scale * x[f]) * inverseDiagonal[f];
                    }
                }
            });
        }

        /**
         * out[f] = Σ k_f v_j over the neighbours j of the cells f = base + i, i = first, first + step, … of one line
         * (out may be v itself when step = 2: the cells written are never read).
         */
        private void neighbourSums(int base, int first, int step, int[] right, int[] left, double[] v,
                double[] out) {
            int nx = shape[0];
            int end = base + nx;
            int last = end - 1;
            double[] fx = faces[0];
            for (int f = base + first; f < end; f += step) {
                double s = 0;
                if (f < last) {
                    s += fx[f] * v[f + 1];
                } else if (periodic[0] && nx > 1) {
                    s += fx[f] * v[base];
                }
                if (f > base) {
                    s += fx[f - 1] * v[f - 1];
                } else if (periodic[0] && nx > 1) {
                    s += fx[last] * v[last];
                }
                out[f] = s;
            }
            for (int a = 1; a < d; a++) {
                double[] fa = faces[a];
                if (right[a] >= 0) {
                    int shift = right[a] - base;
                    for (int f = base + first; f < end; f += step) {
                        out[f] += fa[f] * v[f + shift];
                    }
                }
                if (left[a] >= 0) {
                    int shift = left[a] - base;
                    for (int f = base + first; f < end; f += step) {
                        out[f] += fa[f + shift] * v[f + shift];
                    }
                }
            }
        }

        /** r = b − A x. */
        void residual() {
            ParallelLoops.forRange(0, lines, 8, (from, to) -> {
                int[] right = new int[3];
                int[] left = new int[3];
                for (int line = from; line < to; line++) {
                    lineNeighbours(line, right, left);
                    int base = line * shape[0];
                    neighbourSums(base, 0, 1, right, left, x, r);
                    for (int f = base, end = base + shape[0]; f < end; f++) {
                        r[f] = b[f] - diag[f] * x[f] + scale * r[f];
                    }
                }
            });
        }

        /**
         * Per axis, the 1-D transfer tables between the finer level and this one: for coarse index C the fine
         * indices and weights of its restriction row (4 entries: ¼, ¾, ¾, ¼ at 2C − 1 … 2C + 2, folded onto the
         * end cells next to a wall, wrapped on a periodic axis), and for fine index i its nearest and second coarse
         * cells (weights ¾ and ¼; the same cell twice next to a wall).
         */
        private int[][] rowIndex;
        private double[][] rowWeight;
        private int[][] home;
        private int[][] other;

        private void tables(Level fine) {
            rowIndex = new int[3][];
            rowWeight = new double[3][];
            home = new int[3][];
            other = new int[3][];
            for (int a = 0; a < 3; a++) {
                int m = fine.shape[a];
                int cm = shape[a];
                home[a] = new int[m];
                other[a] = new int[m];
                rowIndex[a] = new int[4 * cm];
                rowWeight[a] = new double[4 * cm];
                for (int i = 0; i < m; i++) {
                    if (!paired[a]) {
                        home[a][i] = i;
                        other[a][i] = i;
                        continue;
                    }
                    int h = i / 2;
                    int o = h + ((i & 1) == 0 ? -1 : 1);
                    if (o < 0 || o >= cm) {
                        o = periodic[a] ? (o + cm) % cm : h;
                    }
                    home[a][i] = h;
                    other[a][i] = o;
                }
                int[] fill = new int[cm];
                for (int i = 0; i < m; i++) {
                    if (!paired[a]) {
                        rowIndex[a][4 * i] = i;
                        rowWeight[a][4 * i] = 1;
                        fill[i] = 4;
                        continue;
                    }
                    fill = addWeight(a, fill, home[a][i], i, 0.75);
                    fill = addWeight(a, fill, other[a][i], i, 0.25);
                }
            }
        }

        /** Adds weight w of fine index i to the restriction row of coarse index c (merging a repeated index). */
        private int[] addWeight(int a, int[] fill, int c, int i, double w) {
            for (int e = 0; e < fill[c]; e++) {
                if (rowIndex[a][4 * c + e] == i) {
                    rowWeight[a][4 * c + e] += w;
                    return fill;
                }
            }
            rowIndex[a][4 * c + fill[c]] = i;
            rowWeight[a][4 * c + fill[c]] = w;
            fill[c]++;
            return fill;
        }

        /** b = Pᵀ r<sub>fine</sub>. */
        void restrictFrom(Level fine) {
            if (rowIndex == null) {
                tables(fine);
            }
            double[] source = fine.r;
            int sy = fine.stride[1];
            int sz = fine.stride[2];
            int[] ix = rowIndex[0];
            int[] iy = rowIndex[1];
            int[] iz = rowIndex[2];
            double[] wx = rowWeight[0];
            double[] wy = rowWeight[1];
            double[] wz = rowWeight[2];
            ParallelLoops.forRange(0, lines, 4, (from, to) -> {
                for (int line = from; line < to; line++) {
                    int j = line % shape[1];
                    int k = line / shape[1];
                    int base = line * shape[0];
                    for (int i = 0; i < shape[0]; i++) {
                        double s = 0;
                        for (int ez = 4 * k; ez < 4 * k + 4; ez++) {
                            double az = wz[ez];
                            if (az == 0) {
                                continue;
                            }
                            int oz = iz[ez] * sz;
                            for (int ey = 4 * j; ey < 4 * j + 4; ey++) {
                                double ay = az * wy[ey];
                                if (ay == 0) {
                                    continue;
                                }
                                int oy = oz + iy[ey] * sy;
                                for (int ex = 4 * i; ex < 4 * i + 4; ex++) {
                                    s += ay * wx[ex] * source[oy + ix[ex]];
                                }
                            }
                        }
                        b[base + i] = s;
                    }
                }
            });
        }

        /** x<sub>fine</sub> += P x. */
        void interpolateInto(Level fine) {
            if (rowIndex == null) {
                tables(fine);
            }
            double[] target = fine.x;
            int sy = stride[1];
            int sz = stride[2];
            double hx = paired[0] ? 0.75 : 1;
            double hy = paired[1] ? 0.75 : 1;
            double hz = paired[2] ? 0.75 : 1;
            double ox = 1 - hx;
            double oy = 1 - hy;
            double oz = 1 - hz;
            int[] homeX = home[0];
            int[] otherX = other[0];
            ParallelLoops.forRange(0, fine.lines, 8, (from, to) -> {
                for (int line = from; line < to; line++) {
                    int j = line % fine.shape[1];
                    int k = line / fine.shape[1];
                    int hzBase = home[2][k] * sz;
                    int ozBase = other[2][k] * sz;
                    int hh = hzBase + home[1][j] * sy;
                    int ho = hzBase + other[1][j] * sy;
                    int oh = ozBase + home[1][j] * sy;
                    int oo = ozBase + other[1][j] * sy;
                    double whh = hz * hy;
                    double who = hz * oy;
                    double woh = oz * hy;
                    double woo = oz * oy;
                    int base = line * fine.shape[0];
                    for (int i = 0; i < fine.shape[0]; i++) {
                        int cx = homeX[i];
                        int dx = otherX[i];
                        double s = whh * (hx * x[hh + cx] + ox * x[hh + dx]);
                        if (who != 0) {
                            s += who * (hx * x[ho + cx] + ox * x[ho + dx]);
                        }
                        if (oz != 0) {
                            s += woh * (hx * x[oh + cx] + ox * x[oh + dx]) + woo * (hx * x[oo + cx] + ox * x[oo + dx]);
                        }
                        target[base + i] += s;
                    }
                }
            });
        }

        /** The pinned unknown of a singular coarsest level, or −1. */
        int pinned = -1;

        /** @return the lower Cholesky factor of this level's dense matrix (with one unknown pinned when singular) */
        double[] denseFactor() {
            double[] a = new double[n * n];
            boolean singular = true;
            int largest = 0;
            for (int f = 0; f < n; f++) {
                a[f * n + f] = diag[f];
                if (diag[f] > diag[largest]) {
                    largest = f;
                }
                singular &= diag[f] - scale * sumOfFaces(f) <= 1e-14 * diag[f];
                for (int ax = 0; ax < d; ax++) {
                    int right = neighbour(f, ax, +1);
                    if (right >= 0 && right != f) {
                        a[f * n + right] -= scale * faces[ax][f];
                        a[right * n + f] -= scale * faces[ax][f];
                    }
                }
            }
            pinned = singular ? largest : -1;
            if (singular) {
                double keep = a[largest * n + largest];
                for (int i = 0; i < n; i++) {
                    a[largest * n + i] = 0;
                    a[i * n + largest] = 0;
                }
                a[largest * n + largest] = keep;
            }
            for (int j = 0; j < n; j++) {
                double s = a[j * n + j];
                for (int k = 0; k < j; k++) {
                    s -= a[j * n + k] * a[j * n + k];
                }
                double pivot = Math.sqrt(Math.max(s, Double.MIN_NORMAL));
                a[j * n + j] = pivot;
                for (int i = j + 1; i < n; i++) {
                    double t = a[i * n + j];
                    for (int k = 0; k < j; k++) {
                        t -= a[i * n + k] * a[j * n + k];
                    }
                    a[i * n + j] = t / pivot;
                }
            }
            return a;
        }

        /** @return Σ k over the faces of cell f */
        private double sumOfFaces(int f) {
            double k = 0;
            for (int a = 0; a < d; a++) {
                k += faces[a][f];
                int left = neighbour(f, a, -1);
                if (left >= 0) {
                    k += faces[a][left];
                }
            }
            return k;
        }

        /** x = A⁻¹ b with the factor of {@link #denseFactor}. */
        void denseSolve(double[] l) {
            for (int i = 0; i < n; i++) {
                double s = i == pinned ? 0 : b[i];
                for (int k = 0; k < i; k++) {
                    s -= l[i * n + k] * x[k];
                }
                x[i] = s / l[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = x[i];
                for (int k = i + 1; k < n; k++) {
                    s -= l[k * n + i] * x[k];
                }
                x[i] = s / l[i * n + i];
            }
        }
    }
}
