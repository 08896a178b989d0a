package org.fieldscore.pde.poisson;

import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.pde.SolveReport;
import org.fieldscore.pde.Stopping;
import org.fieldscore.pde.internal.EllipticOperator;
import org.fieldscore.pde.internal.solve.PreparedSolve;
import org.fieldscore.pde.internal.stencil.AxisSpec;
import org.fieldscore.pde.internal.stencil.PaddedLayout;
import org.fieldscore.pde.internal.stencil.ShiftedLaplacian;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Exact solve of (∇²<sub>h</sub> − σ)u = b by Hockney's method (Hockney 1965; Schumann &amp; Sweet 1988): real Fourier
 * transforms diagonalise the discrete Laplacian along every axis but one, and along that axis each mode leaves a
 * tridiagonal system, solved by elimination ({@link TridiagonalAxis}). A transformed axis is turned into a periodic
 * line by the symmetric extension its boundary condition implies, transformed with one real FFT, and reduced to m
 * real coefficients whose eigenvalues are −(4/h²)·sin²(πk/N):
 * <ul>
 *   <li>vertex Dirichlet on both ends: DST-I through a real FFT of length m + 1 with the pre- and post-processing of
 *       Numerical Recipes' {@code sinft} (eigenvalues with N = 2(m + 1));</li>
 *   <li>vertex Neumann on both ends: even extension, N = 2(m − 1) (DCT-I);</li>
 *   <li>cell Dirichlet / cell Neumann on both ends: odd / even extension about the wall, N = 2m (DST-II / DCT-II);</li>
 *   <li>periodic: N = m.</li>
 * </ul>
 * The tridiagonal axis takes any non-periodic conditions, Robin and different kinds on its two ends included; it is
 * the one axis without a transform if there is one, otherwise the axis whose transform costs most (FFT lengths with
 * prime factors above 5 are slow). When every axis is periodic, all are transformed. For the common vertex grid with
 * 2<sup>k</sup> + 1 points the FFT length is 2<sup>k</sup>, the fastest case; any other size works through
 * JTransforms' mixed-radix and Bluestein paths. Boundary data need not be zero (it enters the right-hand side). Two
 * axes with Robin or mixed conditions are not supported. Immutable.
 */
public final class SpectralSolver extends PreparableSolver implements PoissonSolver {

    /** Lines transformed together along y and z. */
    private static final int BLOCK = 16;

    @Override
    public String name() {
        return "spectral";
    }

    @Override
    PreparedSolve prepare(EllipticOperator op) {
        Transforms transforms = new Transforms(op.stencil(), solveAxis(op.stencil()));
        return (b, u, stopping) -> {
            transforms.solve(b, u);
            if (op.isSingular()) {
                op.vectors().removeWeightedMean(u);
            }
            return exactReport(name(), op, b, u, stopping);
        };
    }

    static SolveReport exactReport(String name, EllipticOperator op, double[] b, double[] u, Stopping stopping) {
        double rhsNorm = op.vectors().norm(b);
        double res = op.stencil().residual(u, b, null);
        double threshold = stopping.threshold(rhsNorm);
        return new SolveReport(name, 1, rhsNorm, new double[] {rhsNorm, res}, res <= threshold, threshold);
    }

    /**
     * The axis solved by tridiagonal elimination instead of transforms: the one axis that has no transform (Robin, or
     * two different kinds), otherwise the non-periodic axis with the most expensive transform, the last one among
     * equals; −1 when every axis is periodic.
     *
     * @throws IllegalArgumentException when two axes have no transform
     */
    static int solveAxis(ShiftedLaplacian op) {
        int chosen = -1;
        double chosenCost = -1;
        for (int a = 0; a < 3; a++) {
            AxisSpec spec = op.axis(a);
            if (!spec.active() || spec.periodic()) {
                continue;
            }
            if (!LineTransform.supports(spec)) {
                if (chosen >= 0 && !LineTransform.supports(op.axis(chosen))) {
                    throw new IllegalArgumentException("the spectral solver needs the same Dirichlet, Neumann or"
                            + " periodic condition on both faces of every axis but one; axes " + "xyz".charAt(chosen)
                            + " and " + "xyz".charAt(a) + " have Robin or mixed conditions; use multigrid");
                }
                chosen = a;
                chosenCost = Double.POSITIVE_INFINITY;
                continue;
            }
            double cost = LineTransform.cost(spec);
            if (cost >= chosenCost) {
                chosen = a;
                chosenCost = cost;
            }
        }
        return chosen;
    }

    /** What a pass does to each line. */
    private enum Pass { FORWARD, INVERSE, SOLVE }

    /**
     * The transforms of one operator (Hockney's method). A solve transforms forward along every axis but one, solves
     * tridiagonal systems along that one (or, when all axes are periodic, transforms it too and divides by the
     * eigenvalues), and transforms back: 2d − 1 passes over memory, the first x pass reading the padded right-hand
     * side and the last one writing the padded solution.
     */
    private static final class Transforms {
        private final ShiftedLaplacian op;
        private final PaddedLayout lay;
        private final LineTransform[] t = new LineTransform[3];
        private final double[][] eigen = new double[3][];
        private final int solveAxis;
        private final TridiagonalAxis tridiagonal;
        private final boolean pinZeroShift;
        private final double[] work;

        Transforms(ShiftedLaplacian op, int tridiagonalAxis) {
            this.op = op;
            this.lay = op.layout();
            int last = 0;
            for (int a = 0; a < 3; a++) {
                if (op.axis(a).active()) {
                    last = a;
                }
            }
            this.solveAxis = tridiagonalAxis >= 0 ? tridiagonalAxis : last;
            for (int a = 0; a < 3; a++) {
                if (a != tridiagonalAxis) {
                    t[a] = new LineTransform(op.axis(a));
                    eigen[a] = t[a].eigen;
                }
            }
            this.tridiagonal = tridiagonalAxis >= 0 ? new TridiagonalAxis(op.axis(tridiagonalAxis)) : null;
            this.pinZeroShift = op.isSingular();
            this.work = last == 0 ? null : new double[lay.m0 * lay.m1 * lay.m2];
        }

        private boolean transformed(int axis) {
            return axis != solveAxis && op.axis(axis).active();
        }

        void solve(double[] b, double[] u) {
            if (work == null) {
                xPass(b, true, u, true, Pass.SOLVE);
                return;
            }
            if (transformed(0)) {
                xPass(b, true, work, false, Pass.FORWARD);
            } else {
                lay.pack(b, work);
            }
            for (int a = 1; a < 3; a++) {
                if (transformed(a)) {
                    blockPass(a, Pass.FORWARD);
                }
            }
            if (solveAxis == 0) {
                xPass(work, false, work, false, Pass.SOLVE);
            } else if (tridiagonal != null) {
                planePass();
            } else {
                blockPass(solveAxis, Pass.SOLVE);
            }
            for (int a = 2; a > 0; a--) {
                if (transformed(a)) {
                    blockPass(a, Pass.INVERSE);
                }
            }
            if (transformed(0)) {
                xPass(work, false, u, true, Pass.INVERSE);
            } else {
                lay.unpack(work, u);
            }
        }

        /** Transforms or solves the x lines of src into dst; each array is padded or compact. */
        private void xPass(double[] src, boolean srcPadded, double[] dst, boolean dstPadded, Pass pass) {
            LineTransform tr = t[0];
            int m0 = lay.m0;
            int m1 = lay.m1;
            ParallelLoops.forRange(0, m1 * lay.m2, Math.max(1, 2048 / m0), (lo, hi) -> {
                double[] line = new double[m0];
                double[] buf = new double[tr != null ? tr.n : m0];
                double[] mu = new double[1];
                for (int l = lo; l < hi; l++) {
                    int j = l % m1;
                    int k = l / m1;
                    System.arraycopy(src, srcPadded ? lay.index(0, j, k) : l * m0, line, 0, m0);
                    if (pass != Pass.SOLVE) {
                        tr.apply(line, buf, pass == Pass.FORWARD);
                    } else if (tridiagonal != null) {
                        mu[0] = eigen[1][j] + eigen[2][k] - op.shift;
                        tridiagonal.solve(line, 0, 1, 1, mu, pinZeroShift, buf);
                    } else {
                        tr.solve(line, buf, eigen[1][j] + eigen[2][k] - op.shift);
                    }
                    System.arraycopy(line, 0, dst, dstPadded ? lay.index(0, j, k) : l * m0, m0);
                }
            });
        }

        /**
         * Solves the tridiagonal systems along y or z in the compact work array, one x–axis plane at a time: the m0
         * lines of a plane are interleaved in memory, so the elimination runs over contiguous x.
         */
        private void planePass() {
            int m0 = lay.m0;
            int m1 = lay.m1;
            boolean alongZ = solveAxis == 2;
            int planes = alongZ ? m1 : lay.m2;
            double[] otherEigen = eigen[alongZ ? 1 : 2];
            int step = alongZ ? m0 * m1 : m0;
            ParallelLoops.forRange(0, planes, 1, (lo, hi) -> {
                double[] mu = new double[m0];
                double[] scratch = new double[tridiagonal.m * m0];
                for (int plane = lo; plane < hi; plane++) {
                    double rest = otherEigen[plane] - op.shift;
                    for (int i = 0; i < m0; i++) {
                        mu[i] = eigen[0][i] + rest;
                    }
                    tridiagonal.solve(work, alongZ ? plane * m0 : plane * m0 * m1, step, m0, mu, pinZeroShift,
                            scratch);
                }
            });
        }

        /**
         * Transforms (or, when every axis is periodic, solves) the y or z lines of the compact work array in place.
         * Lines are gathered in blocks of {@value #BLOCK} consecutive x so that every memory access reads whole cache
         * lines.
         */
        private void blockPass(int axis, Pass pass) {
            LineTransform tr = t[axis];
            int m0 = lay.m0;
            int[] m = {m0, lay.m1, lay.m2};
            int[] stride = {1, m0, m0 * lay.m1};
            int len = m[axis];
            int s = stride[axis];
            int other = axis == 1 ? 2 : 1;
            int blocksPerRow = (m0 + BLOCK - 1) / BLOCK;
            int tasks = blocksPerRow * m[other];
            ParallelLoops.forRange(0, tasks, Math.max(1, 256 / len), (lo, hi) -> {
                double[][] lines = new double[BLOCK][len];
                double[] buf = new double[tr.n];
                for (int task = lo; task < hi; task++) {
                    int i0 = (task % blocksPerRow) * BLOCK;
                    int count = Math.min(BLOCK, m0 - i0);
                    int o = task / blocksPerRow;
                    int start = i0 + o * stride[other];
                    for (int p = 0; p < len; p++) {
                        int base = start + p * s;
                        for (int c = 0; c < count; c++) {
                            lines[c][p] = work[base + c];
                        }
                    }
                    for (int c = 0; c < count; c++) {
                        if (pass == Pass.SOLVE) {
                            tr.solve(lines[c], buf, eigen[0][i0 + c] + eigen[other][o] - op.shift);
                        } else {
                            tr.apply(lines[c], buf, pass == Pass.FORWARD);
                        }
                    }
                    for (int p = 0; p < len; p++) {
                        int base = start + p * s;
                        for (int c = 0; c < count; c++) {
                            work[base + c] = lines[c][p];
                        }
                    }
                }
            });
        }
    }

    /** The real transform of one axis. */
    private static final class LineTransform {
        private enum Kind { VERTEX_DIRICHLET, VERTEX_NEUMANN, CELL_DIRICHLET, CELL_NEUMANN, PERIODIC }

        final boolean inactive;
        final int m;
        final int n;
        final double[] eigen;
        private final Kind kind;
        private final DoubleFFT_1D fft;
        private final double[] cos;
        private final double[] sin;
        private final double dstScale;

        /** @return whether the axis has a transform: the same Dirichlet, Neumann or periodic condition on both ends */
        static boolean supports(AxisSpec spec) {
            return spec.kind[0] == spec.kind[1] && (spec.kind[0] == AxisSpec.Kind.DIRICHLET
                    || spec.kind[0] == AxisSpec.Kind.NEUMANN || spec.kind[0] == AxisSpec.Kind.PERIODIC);
        }

        /**
         * @return a relative cost per line of the axis's transform: N log N for FFT lengths N with prime factors 2,
         *     3 and 5, ten times more for others (JTransforms then takes its slower general paths)
         */
        static double cost(AxisSpec spec) {
            int n = fftLength(kind(spec), spec.m);
            int rest = n;
            for (int f : new int[] {2, 3, 5}) {
                while (rest % f == 0) {
                    rest /= f;
                }
            }
            return n * Math.log(n) * (rest == 1 ? 1 : 10);
        }

        private static Kind kind(AxisSpec spec) {
            boolean vertex = spec.centering == Centering.VERTEX;
            int m = spec.m;
            return spec.periodic() ? Kind.PERIODIC
                    : spec.kind[0] == AxisSpec.Kind.DIRICHLET
                    ? (vertex ? Kind.VERTEX_DIRICHLET
                    : Kind.CELL_DIRICHLET)
                    : (vertex ? Kind.VERTEX_NEUMANN : Kind.CELL_NEUMANN);
        }

        private static int fftLength(Kind kind, int m) {
            return switch (kind) {
                case VERTEX_DIRICHLET -> m + 1;
                case VERTEX_NEUMANN -> 2 * (m - 1);
                case CELL_DIRICHLET, CELL_NEUMANN -> 2 * m;
                case PERIODIC -> m;
            };
        }

        LineTransform(AxisSpec spec) {
            this.m = spec.m;
            this.eigen = new double[m];
            this.inactive = !spec.active();
            if (inactive) {
                kind = null;
                n = 1;
                fft = null;
                cos = null;
                sin = null;
                dstScale = 0;
                return;
            }
            kind = kind(spec);
            n = fftLength(kind, m);
            fft = new DoubleFFT_1D(n);
            cos = new double[m + 1];
            sin = new double[m + 1];
            for (int k = 0; k <= m; k++) {
                cos[k] = Math.cos(Math.PI * k / n);
                sin[k] = Math.sin(Math.PI * k / n);
            }
            dstScale = 2.0 / n;
            for (int slot = 0; slot < m; slot++) {
                int k = switch (kind) {
                    case VERTEX_DIRICHLET, CELL_DIRICHLET -> slot + 1;
                    case VERTEX_NEUMANN, CELL_NEUMANN -> slot;
                    case PERIODIC -> slot == 1 ? m / 2 : slot / 2;
                };
                double s = Math.sin(Math.PI * k / (kind == Kind.VERTEX_DIRICHLET ? 2 * n : n));
                eigen[slot] = -4 * spec.coefficient * s * s;
            }
        }

        /**
         * Solves along this line once the other axes are transformed: forward transform, division by the
         * eigenvalues λ<sub>k</sub> + rest (a zero eigenvalue, the constant mode of a singular problem, gives 0),
         * inverse transform.
         */
        void solve(double[] x, double[] a, double rest) {
            forward(x, a);
            for (int k = 0; k < m; k++) {
                double lambda = eigen[k] + rest;
                x[k] = lambda == 0 ? 0 : x[k] / lambda;
            }
            inverse(x, a);
        }

        void apply(double[] x, double[] a, boolean forward) {
            if (forward) {
                forward(x, a);
            } else {
                inverse(x, a);
            }
        }

        /**
         * DST-I S<sub>k</sub> = Σ<sub>j=1</sub><sup>n−1</sup> x<sub>j</sub> sin(πjk/n), k = 1 … n − 1, through one real
         * FFT of length n, even or odd. With y<sub>j</sub> = sin(πj/n)(x<sub>j</sub> + x<sub>n−j</sub>) +
         * ½(x<sub>j</sub> − x<sub>n−j</sub>) and Y<sub>k</sub> = Σ y<sub>j</sub> e<sup>−2πijk/n</sup>:
         * S<sub>2k</sub> = −Im Y<sub>k</sub>, S<sub>1</sub> = ½ Re Y<sub>0</sub>, S<sub>2k+1</sub> = S<sub>2k−1</sub> +
         * Re Y<sub>k</sub> (Press et al., <i>Numerical Recipes</i>, 2nd ed., §12.3, {@code sinft}, there for even n).
         */
        private void sineTransform(double[] x, double[] a, double scale) {
            a[0] = 0;
            System.arraycopy(x, 0, a, 1, m);
            for (int j = 1; j <= n / 2; j++) {
                double y1 = sin[j] * (a[j] + a[n - j]);
                double y2 = 0.5 * (a[j] - a[n - j]);
                a[j] = y1 + y2;
                a[n - j] = y1 - y2;
            }
            fft.realForward(a);
            // JTransforms' packing: Re Y_k at a[2k]; Im Y_k at a[2k + 1], except Im Y_(n-1)/2 at a[1] for odd n
            double odd = 0.5 * a[0];
            x[0] = scale * odd;
            for (int k = 1; 2 * k < n; k++) {
                x[2 * k - 1] = -scale * (2 * k + 1 == n ? a[1] : a[2 * k + 1]);
                if (2 * k + 1 < n) {
                    odd += a[2 * k];
                    x[2 * k] = scale * odd;
                }
            }
        }

        void forward(double[] x, double[] a) {
            switch (kind) {
                case VERTEX_DIRICHLET -> sineTransform(x, a, 1);
                case VERTEX_NEUMANN -> {
                    for (int j = 0; j < m; j++) {
                        a[j] = x[j];
                    }
                    for (int j = 1; j < m - 1; j++) {
                        a[n - j] = x[j];
                    }
                    fft.realForward(a);
                    x[0] = a[0];
                    x[m - 1] = a[1];
                    for (int k = 1; k < m - 1; k++) {
                        x[k] = a[2 * k];
                    }
                }
                case CELL_DIRICHLET, CELL_NEUMANN -> {
                    double sign = kind == Kind.CELL_DIRICHLET ? -1 : 1;
                    for (int j = 0; j < m; j++) {
                        a[j] = x[j];
                        a[n - 1 - j] = sign * x[j];
                    }
                    fft.realForward(a);
                    if (kind == Kind.CELL_DIRICHLET) {
                        for (int k = 1; k < m; k++) {
                            x[k - 1] = a[2 * k + 1] * cos[k] - a[2 * k] * sin[k];
                        }
                        x[m - 1] = -a[1];
                    } else {
                        x[0] = a[0];
                        for (int k = 1; k < m; k++) {
                            x[k] = a[2 * k] * cos[k] + a[2 * k + 1] * sin[k];
                        }
                    }
                }
                case PERIODIC -> {
                    System.arraycopy(x, 0, a, 0, m);
                    fft.realForward(a);
                    System.arraycopy(a, 0, x, 0, m);
                }
                default -> throw new IllegalStateException();
            }
        }

        void inverse(double[] x, double[] a) {
            switch (kind) {
                case VERTEX_DIRICHLET -> sineTransform(x, a, dstScale);
                case VERTEX_NEUMANN -> {
                    java.util.Arrays.fill(a, 0.0);
                    a[0] = x[0];
                    a[1] = x[m - 1];
                    for (int k = 1; k < m - 1; k++) {
                        a[2 * k] = x[k];
                    }
                    fft.realInverse(a, true);
                    System.arraycopy(a, 0, x, 0, m);
                }
                case CELL_DIRICHLET -> {
                    a[0] = 0;
                    for (int k = 1; k < m; k++) {
                        double s = x[k - 1];
                        a[2 * k] = -s * sin[k];
                        a[2 * k + 1] = s * cos[k];
                    }
                    a[1] = -x[m - 1];
                    fft.realInverse(a, true);
                    System.arraycopy(a, 0, x, 0, m);
                }
                case CELL_NEUMANN -> {
                    a[0] = x[0];
                    a[1] = 0;
                    for (int k = 1; k < m; k++) {
                        a[2 * k] = x[k] * cos[k];
                        a[2 * k + 1] = x[k] * sin[k];
                    }
                    fft.realInverse(a, true);
                    System.arraycopy(a, 0, x, 0, m);
                }
                case PERIODIC -> {
                    System.arraycopy(x, 0, a, 0, m);
                    fft.realInverse(a, true);
                    System.arraycopy(a, 0, x, 0, m);
                }
                default -> throw new IllegalStateException();
            }
        }
    }
}
