package org.fieldscore.pde.poisson;

import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.parallel.ParallelLoops;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Exact solve of (∇²<sub>h</sub> − σ)u = b by diagonalising the discrete Laplacian with real Fourier transforms
 * along each axis (Hockney 1965; Schumann &amp; Sweet 1988). Every supported axis is turned into a periodic line by
 * the symmetric extension its boundary condition implies, transformed with one real FFT, and reduced to m real
 * coefficients whose eigenvalues are −(4/h²)·sin²(πk/N):
 * <ul>
 *   <li>vertex Dirichlet on both ends: DST-I; when m + 1 is even through a real FFT of length N/2 = m + 1 with the
 *       pre- and post-processing of Numerical Recipes' {@code sinft}, otherwise by odd extension, N = 2(m + 1);</li>
 *   <li>vertex Neumann on both ends: even extension, N = 2(m − 1) (DCT-I);</li>
 *   <li>cell Dirichlet / cell Neumann on both ends: odd / even extension about the wall, N = 2m (DST-II / DCT-II);</li>
 *   <li>periodic: N = m.</li>
 * </ul>
 * For the common vertex grid with 2<sup>k</sup> + 1 points the FFT length is 2<sup>k</sup>, the fastest case; any
 * other size works through JTransforms' mixed-radix and Bluestein paths. Boundary data need not be zero (it enters
 * the right-hand side); Robin faces or different kinds on the two faces of one axis are not supported. Immutable.
 */
public final class SpectralSolver implements PoissonSolver {

    /** Lines transformed together along y and z. */
    private static final int BLOCK = 16;

    @Override
    public String name() {
        return "spectral";
    }

    @Override
    public Prepared prepare(EllipticOperator op) {
        LineTransform[] t = new LineTransform[3];
        int last = 0;
        for (int a = 0; a < 3; a++) {
            t[a] = new LineTransform(op.axes[a], "xyz".charAt(a));
            if (!t[a].inactive) {
                last = a;
            }
        }
        Transforms transforms = new Transforms(op, t, last);
        return (b, u, stopping) -> {
            transforms.solve(b, u);
            if (op.isSingular()) {
                op.subtract(u, op.weightedMean(u));
            }
            return exactReport(name(), op, b, u, stopping);
        };
    }

    static SolveReport exactReport(String name, EllipticOperator op, double[] b, double[] u, Stopping stopping) {
        double rhsNorm = op.norm(b);
        double res = op.residual(u, b, null);
        double threshold = stopping.threshold(rhsNorm);
        return new SolveReport(name, 1, rhsNorm, new double[] {rhsNorm, res}, res <= threshold, threshold);
    }

    /** What a pass does to each line. */
    private enum Pass { FORWARD, INVERSE, SOLVE }

    /**
     * The transforms of one operator. A solve takes 2d − 1 passes over memory: forward along x (reading the padded
     * right-hand side), forward along y, then along the last axis forward, division by the eigenvalues and inverse
     * in one go, inverse along y, and inverse along x (writing the padded solution).
     */
    private static final class Transforms {
        private final EllipticOperator op;
        private final LineTransform[] t;
        private final int last;
        private final double[] work;

        Transforms(EllipticOperator op, LineTransform[] t, int last) {
            this.op = op;
            this.t = t;
            this.last = last;
            this.work = last == 0 ? null : new double[op.m0 * op.m1 * op.m2];
        }

        void solve(double[] b, double[] u) {
            if (last == 0) {
                xPass(b, true, u, true, Pass.SOLVE);
                return;
            }
            xPass(b, true, work, false, Pass.FORWARD);
            if (last == 2) {
                blockPass(1, Pass.FORWARD);
            }
            blockPass(last, Pass.SOLVE);
            if (last == 2) {
                blockPass(1, Pass.INVERSE);
            }
            xPass(work, false, u, true, Pass.INVERSE);
        }

        /** Transforms the x lines of src into dst; each array is padded or compact. */
        private void xPass(double[] src, boolean srcPadded, double[] dst, boolean dstPadded, Pass pass) {
            LineTransform tr = t[0];
            int m0 = op.m0;
            int m1 = op.m1;
            ParallelLoops.forRange(0, m1 * op.m2, Math.max(1, 2048 / m0), (lo, hi) -> {
                double[] line = new double[m0];
                double[] buf = new double[tr.n];
                for (int l = lo; l < hi; l++) {
                    int j = l % m1;
                    int k = l / m1;
                    System.arraycopy(src, srcPadded ? op.index(0, j, k) : l * m0, line, 0, m0);
                    if (pass == Pass.SOLVE) {
                        tr.solve(line, buf, t[1].eigen[j] + t[2].eigen[k] - op.shift);
                    } else {
                        tr.apply(line, buf, pass == Pass.FORWARD);
                    }
                    System.arraycopy(line, 0, dst, dstPadded ? op.index(0, j, k) : l * m0, m0);
                }
            });
        }

        /**
         * Transforms the y or z lines of the compact work array in place. Lines are gathered in blocks of
         * {@value #BLOCK} consecutive x so that every memory access reads whole cache lines.
         */
        private void blockPass(int axis, Pass pass) {
            LineTransform tr = t[axis];
            int m0 = op.m0;
            int[] m = {m0, op.m1, op.m2};
            int[] stride = {1, m0, m0 * op.m1};
            int len = m[axis];
            int s = stride[axis];
            int other = axis == 1 ? 2 : 1;
            double[] otherEigen = t[other].eigen;
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
                            tr.solve(lines[c], buf, t[0].eigen[i0 + c] + otherEigen[o] - op.shift);
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
        private enum Kind { VERTEX_DIRICHLET, VERTEX_DIRICHLET_HALF, VERTEX_NEUMANN, CELL_DIRICHLET, CELL_NEUMANN, PERIODIC }

        final boolean inactive;
        final int m;
        final int n;
        final double[] eigen;
        private final Kind kind;
        private final DoubleFFT_1D fft;
        private final double[] cos;
        private final double[] sin;
        private final double dstScale;

        LineTransform(AxisSpec spec, char axis) {
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
            if (spec.kind[0] != spec.kind[1]
                    || !(spec.kind[0] == AxisSpec.Kind.DIRICHLET || spec.kind[0] == AxisSpec.Kind.NEUMANN
                    || spec.kind[0] == AxisSpec.Kind.PERIODIC)) {
                throw new IllegalArgumentException("the spectral solver needs the same Dirichlet, Neumann or periodic"
                        + " condition on both faces of each axis; axis " + axis + " has " + spec.kind[0] + " and "
                        + spec.kind[1] + "; use multigrid");
            }
            boolean vertex = spec.centering == Centering.VERTEX;
            kind = spec.periodic() ? Kind.PERIODIC
                    : spec.kind[0] == AxisSpec.Kind.DIRICHLET
                    ? (vertex ? ((m + 1) % 2 == 0 ? Kind.VERTEX_DIRICHLET_HALF : Kind.VERTEX_DIRICHLET)
                    : Kind.CELL_DIRICHLET)
                    : (vertex ? Kind.VERTEX_NEUMANN : Kind.CELL_NEUMANN);
            n = switch (kind) {
                case VERTEX_DIRICHLET_HALF -> m + 1;
                case VERTEX_DIRICHLET -> 2 * (m + 1);
                case VERTEX_NEUMANN -> 2 * (m - 1);
                case CELL_DIRICHLET, CELL_NEUMANN -> 2 * m;
                case PERIODIC -> m;
            };
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
                    case VERTEX_DIRICHLET, VERTEX_DIRICHLET_HALF, CELL_DIRICHLET -> slot + 1;
                    case VERTEX_NEUMANN, CELL_NEUMANN -> slot;
                    case PERIODIC -> slot == 1 ? m / 2 : slot / 2;
                };
                double s = Math.sin(Math.PI * k / (kind == Kind.VERTEX_DIRICHLET_HALF ? 2 * n : n));
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
         * DST-I S_k = Σ_{j=1}^{n−1} x_j sin(πjk/n) through one real FFT of length n (n even), with the pre- and
         * post-processing of Press et al., <i>Numerical Recipes</i>, 2nd ed., §12.3 ({@code sinft}).
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
            a[0] *= 0.5;
            a[1] = 0;
            double sum = 0;
            for (int j = 0; j <= n - 2; j += 2) {
                sum += a[j];
                a[j] = -a[j + 1];
                a[j + 1] = sum;
            }
            for (int k = 1; k <= m; k++) {
                x[k - 1] = scale * a[k];
            }
        }

        void forward(double[] x, double[] a) {
            switch (kind) {
                case VERTEX_DIRICHLET_HALF -> sineTransform(x, a, 1);
                case VERTEX_DIRICHLET -> {
                    a[0] = 0;
                    a[m + 1] = 0;
                    for (int j = 0; j < m; j++) {
                        a[1 + j] = x[j];
                        a[n - 1 - j] = -x[j];
                    }
                    fft.realForward(a);
                    for (int k = 1; k <= m; k++) {
                        x[k - 1] = a[2 * k + 1];
                    }
                }
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
                case VERTEX_DIRICHLET_HALF -> sineTransform(x, a, dstScale);
                case VERTEX_DIRICHLET -> {
                    java.util.Arrays.fill(a, 0.0);
                    for (int k = 1; k <= m; k++) {
                        a[2 * k + 1] = x[k - 1];
                    }
                    fft.realInverse(a, true);
                    for (int j = 0; j < m; j++) {
                        x[j] = a[1 + j];
                    }
                }
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
