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
        for (int a = 0; a < 3; a++) {
            t[a] = new LineTransform(op.axes[a], "xyz".charAt(a));
        }
        int m0 = op.m0;
        int m1 = op.m1;
        int m2 = op.m2;
        double[] work = new double[m0 * m1 * m2];
        double[] r = op.newArray();
        return (b, u, stopping) -> {
            op.pack(b, work);
            transformAll(t, work, m0, m1, m2, true);
            double shift = op.shift;
            ParallelLoops.forRange(0, m1 * m2, Math.max(1, 4096 / m0), (lo, hi) -> {
                for (int row = lo; row < hi; row++) {
                    int j = row % m1;
                    int k = row / m1;
                    double l12 = t[1].eigen[j] + t[2].eigen[k] - shift;
                    int base = row * m0;
                    for (int i = 0; i < m0; i++) {
                        double lambda = t[0].eigen[i] + l12;
                        work[base + i] = lambda == 0 ? 0 : work[base + i] / lambda;
                    }
                }
            });
            transformAll(t, work, m0, m1, m2, false);
            op.unpack(work, u);
            if (op.isSingular()) {
                op.subtract(u, op.weightedMean(u));
            }
            return exactReport(name(), op, b, u, r, stopping);
        };
    }

    static SolveReport exactReport(String name, EllipticOperator op, double[] b, double[] u, double[] r,
                                   Stopping stopping) {
        double rhsNorm = op.norm(b);
        double res = op.residual(u, b, r);
        double threshold = stopping.threshold(rhsNorm);
        return new SolveReport(name, 1, rhsNorm, new double[] {rhsNorm, res}, res <= threshold, threshold);
    }

    private static void transformAll(LineTransform[] t, double[] w, int m0, int m1, int m2, boolean forward) {
        int[] order = forward ? new int[] {0, 1, 2} : new int[] {2, 1, 0};
        int[] m = {m0, m1, m2};
        int[] stride = {1, m0, m0 * m1};
        for (int a : order) {
            LineTransform tr = t[a];
            if (tr.inactive) {
                continue;
            }
            int len = m[a];
            int s = stride[a];
            if (a == 0) {
                ParallelLoops.forRange(0, m1 * m2, Math.max(1, 2048 / len), (lo, hi) -> {
                    double[] line = new double[len];
                    double[] buf = new double[tr.n];
                    for (int l = lo; l < hi; l++) {
                        System.arraycopy(w, l * m0, line, 0, len);
                        tr.apply(line, buf, forward);
                        System.arraycopy(line, 0, w, l * m0, len);
                    }
                });
                continue;
            }
            // y and z lines are gathered in blocks of consecutive x so that every memory access reads whole cache
            // lines
            int other = a == 1 ? 2 : 1;
            int blocksPerRow = (m0 + BLOCK - 1) / BLOCK;
            int tasks = blocksPerRow * m[other];
            ParallelLoops.forRange(0, tasks, Math.max(1, 256 / len), (lo, hi) -> {
                double[][] lines = new double[BLOCK][len];
                double[] buf = new double[tr.n];
                for (int task = lo; task < hi; task++) {
                    int i0 = (task % blocksPerRow) * BLOCK;
                    int count = Math.min(BLOCK, m0 - i0);
                    int start = i0 + (task / blocksPerRow) * stride[other];
                    for (int p = 0; p < len; p++) {
                        int base = start + p * s;
                        for (int b = 0; b < count; b++) {
                            lines[b][p] = w[base + b];
                        }
                    }
                    for (int b = 0; b < count; b++) {
                        tr.apply(lines[b], buf, forward);
                    }
                    for (int p = 0; p < len; p++) {
                        int base = start + p * s;
                        for (int b = 0; b < count; b++) {
                            w[base + b] = lines[b][p];
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
