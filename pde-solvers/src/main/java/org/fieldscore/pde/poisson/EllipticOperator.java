package org.fieldscore.pde.poisson;

import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.bc.BoundaryValue;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.parallel.ParallelLoops;

/**
 * The discrete shifted Laplacian (∇²<sub>h</sub> − σ) on the unknowns of a grid with boundary conditions: the
 * operator every solver of this package inverts. σ ≥ 0 is 0 for Poisson and 1/(k·Δt)-like for implicit diffusion
 * steps.
 *
 * <p>Storage: the unknowns live in a <em>padded</em> flat array with one extra layer on each side of every axis (x
 * fastest), so that the standard 7-point stencil applies everywhere; the layers hold fixed Dirichlet nodes or ghost
 * values (see {@code AxisSpec} for the formulas of every boundary kind). All boundary data is moved into the
 * right-hand side by {@link #addBoundaryTerms}, so the operator itself is linear and homogeneous. One- and
 * two-dimensional problems use the same 3-D layout with inactive axes of one unknown.
 *
 * <p>With the diagonal quadrature weights W (½ on vertex-centred Neumann/Robin boundary nodes per axis) the matrix
 * −W(A − σ) is symmetric positive (semi-)definite. It is singular exactly when σ = 0 and no face carries a Dirichlet
 * or Robin condition; its null space is then the constants, and a right-hand side is admissible when Σ W b = 0.
 * Instances are immutable; the kernels write only to the arrays passed in.
 */
public final class EllipticOperator {

    private static final int ROW_WORK = 4096;

    final AxisSpec[] axes;
    final int dimension;
    final int m0;
    final int m1;
    final int m2;
    final int p0;
    final int p1;
    final int p2;
    final int sy;
    final int sz;
    final double c0;
    final double c1;
    final double c2;
    final double shift;
    private final Grid grid;
    private final BoundaryConditions conditions;

    private EllipticOperator(AxisSpec[] axes, int dimension, double shift, Grid grid, BoundaryConditions conditions) {
        this.axes = axes;
        this.dimension = dimension;
        this.shift = shift;
        this.grid = grid;
        this.conditions = conditions;
        m0 = axes[0].m;
        m1 = axes[1].m;
        m2 = axes[2].m;
        p0 = m0 + 2;
        p1 = m1 + 2;
        p2 = m2 + 2;
        sy = p0;
        sz = p0 * p1;
        c0 = axes[0].coefficient;
        c1 = axes[1].coefficient;
        c2 = axes[2].coefficient;
        long padded = (long) p0 * p1 * p2;
        if (padded > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid too large for one array: " + padded + " padded points");
        }
    }

    /**
     * @param grid a space grid (1 to 3 dimensions, at least 3 points per axis)
     * @param conditions a condition on every face; periodic axes must be cell-centred
     * @param shift σ ≥ 0
     * @return the operator ∇²<sub>h</sub> − σ
     * @throws IllegalArgumentException when a face has no condition, σ &lt; 0, or the conditions do not fit the grid
     */
    public static EllipticOperator of(Grid grid, BoundaryConditions conditions, double shift) {
        if (grid.hasTime()) {
            throw new IllegalArgumentException("elliptic problems need a space grid, got the space-time grid " + grid);
        }
        if (!(shift >= 0) || !Double.isFinite(shift)) {
            throw new IllegalArgumentException("shift sigma of (laplacian - sigma) must be finite and >= 0, got " + shift);
        }
        conditions.validate(grid);
        AxisSpec[] axes = new AxisSpec[3];
        int d = grid.spaceDimension();
        for (int a = 0; a < 3; a++) {
            axes[a] = a < d
                    ? AxisSpec.of(grid.centering(a), grid.size(a), grid.lower(a), grid.upper(a),
                            conditions.get(a, -1), conditions.get(a, +1), Grid.axisName(a))
                    : AxisSpec.inactive();
        }
        return new EllipticOperator(axes, d, shift, grid, conditions);
    }

    /**
     * @param newShift σ ≥ 0
     * @return the same discretisation with another shift
     */
    public EllipticOperator withShift(double newShift) {
        return of(grid, conditions, newShift);
    }

    /** @return the grid, or null for a coarse multigrid level */
    public Grid grid() {
        return grid;
    }

    /** @return the boundary conditions, or null for a coarse multigrid level */
    public BoundaryConditions conditions() {
        return conditions;
    }

    /** @return σ */
    public double shift() {
        return shift;
    }

    /** @return the length of a padded array */
    public int paddedSize() {
        return p0 * p1 * p2;
    }

    /** @return the number of unknowns */
    public int unknownCount() {
        return m0 * m1 * m2;
    }

    /** @return a new zero padded array */
    public double[] newArray() {
        return new double[paddedSize()];
    }

    /** @return whether the operator has the constants as null space */
    public boolean isSingular() {
        if (shift != 0) {
            return false;
        }
        for (AxisSpec a : axes) {
            if (a.active() && !a.conservesConstants()) {
                return false;
            }
        }
        return true;
    }

    int index(int i, int j, int k) {
        return (i + 1) + p0 * ((j + 1) + p1 * (k + 1));
    }

    private int rows() {
        return m1 * m2;
    }

    private int grain() {
        return Math.max(1, ROW_WORK / m0);
    }

    /** The stencil's centre coefficient away from boundaries. */
    private double centre() {
        return -2 * (c0 + c1 + c2) - shift;
    }

    /**
     * @return the diagonal entry of A − σ at unknown (i, j, k)
     */
    double diagonal(int i, int j, int k) {
        return axes[0].diagonal[i] + axes[1].diagonal[j] + axes[2].diagonal[k] - shift;
    }

    /** @return the quadrature weight W at unknown (i, j, k) */
    double weight(int i, int j, int k) {
        return axes[0].weight[i] * axes[1].weight[j] * axes[2].weight[k];
    }

    /**
     * Sets the end layers of u from the homogeneous ghost rules (fixed Dirichlet layers stay as they are).
     *
     * @param u padded array
     */
    public void fillGhosts(double[] u) {
        fillAxisGhosts(u, 0, 1, m0, m1, sy, sz, 0, m2);
        fillAxisGhosts(u, 1, sy, m1, m0, 1, sz, 0, m2);
        fillAxisGhosts(u, 2, sz, m2, m0, 1, sy, 0, m1);
    }

    /** Refreshes the x and y end layers of plane k. */
    private void fillPlaneGhosts(double[] u, int k) {
        fillAxisGhosts(u, 0, 1, m0, m1, sy, sz, k, k + 1);
        fillAxisGhosts(u, 1, sy, m1, m0, 1, sz, k, k + 1);
    }

    private void fillAxisGhosts(double[] u, int axis, int stride, int m, int na, int sa, int sb, int bFrom, int bTo) {
        AxisSpec spec = axes[axis];
        if (!spec.active()) {
            return;
        }
        for (int side = 0; side < 2; side++) {
            if (spec.fixedEnd(side)) {
                continue;
            }
            int ghostOffset = side == 0 ? 0 : (m + 1) * stride;
            int adjOffset = side == 0 ? stride : m * stride;
            int nextOffset = side == 0 ? 2 * stride : (m - 1) * stride;
            int wrapOffset = side == 0 ? m * stride : stride;
            boolean periodic = spec.periodic();
            double s = spec.ghostSelf[side];
            double t = spec.ghostNext[side];
            for (int b = bFrom; b < bTo; b++) {
                for (int a = 0; a < na; a++) {
                    int base = (a + 1) * sa + (b + 1) * sb;
                    if (periodic) {
                        u[base + ghostOffset] = u[base + wrapOffset];
                    } else {
                        u[base + ghostOffset] = s * u[base + adjOffset] + (t != 0 ? t * u[base + nextOffset] : 0);
                    }
                }
            }
        }
    }

    /**
     * out = (A − σ) u at every unknown (end layers of out are left untouched).
     *
     * @param u padded input; its ghost layers are refreshed
     * @param out padded output
     */
    public void apply(double[] u, double[] out) {
        fillGhosts(u);
        double centre = centre();
        ParallelLoops.forRange(0, rows(), grain(), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int base = index(0, r % m1, r / m1);
                for (int q = base, end = base + m0; q < end; q++) {
                    out[q] = c0 * (u[q - 1] + u[q + 1]) + c1 * (u[q - sy] + u[q + sy]) + c2 * (u[q - sz] + u[q + sz])
                            + centre * u[q];
                }
            }
        });
    }

    /**
     * The fused explicit update out = s·u + a·(A − σ)u + b·prev + c at every unknown, one pass over memory: an FTCS
     * diffusion step (s = 1, a = kΔt, no prev) or a leapfrog wave step (s = 2, a = c²Δt², b = −1). The leapfrog step
     * may write its result over prev (out = prev), which saves a third time level and its memory traffic.
     *
     * @param s factor of u
     * @param a factor of (A − σ)u
     * @param u padded input; its ghost layers are refreshed
     * @param b factor of prev
     * @param prev padded array, or null for none
     * @param c padded additive term (boundary data, sources), or null for none
     * @param out padded output, distinct from u; may be prev
     */
    public void explicitUpdate(double s, double a, double[] u, double b, double[] prev, double[] c, double[] out) {
        if (out == u) {
            throw new IllegalArgumentException("the explicit update cannot write over its input u");
        }
        fillGhosts(u);
        double centre = centre();
        double a0 = a * c0;
        double a1 = a * c1;
        double a2 = a * c2;
        double ac = s + a * centre;
        ParallelLoops.forRange(0, rows(), grain(), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int base = index(0, r % m1, r / m1);
                int end = base + m0;
                if (prev == null && c == null) {
                    for (int q = base; q < end; q++) {
                        out[q] = ac * u[q] + a0 * (u[q - 1] + u[q + 1]) + a1 * (u[q - sy] + u[q + sy])
                                + a2 * (u[q - sz] + u[q + sz]);
                    }
                } else if (prev == null) {
                    for (int q = base; q < end; q++) {
                        out[q] = ac * u[q] + a0 * (u[q - 1] + u[q + 1]) + a1 * (u[q - sy] + u[q + sy])
                                + a2 * (u[q - sz] + u[q + sz]) + c[q];
                    }
                } else if (c == null) {
                    for (int q = base; q < end; q++) {
                        out[q] = ac * u[q] + a0 * (u[q - 1] + u[q + 1]) + a1 * (u[q - sy] + u[q + sy])
                                + a2 * (u[q - sz] + u[q + sz]) + b * prev[q];
                    }
                } else {
                    for (int q = base; q < end; q++) {
                        out[q] = ac * u[q] + a0 * (u[q - 1] + u[q + 1]) + a1 * (u[q - sy] + u[q + sy])
                                + a2 * (u[q - sz] + u[q + sz]) + b * prev[q] + c[q];
                    }
                }
            }
        });
    }

    /**
     * r = b − (A − σ) u, returning ‖r‖₂ over the unknowns.
     *
     * @param u padded solution; its ghost layers are refreshed
     * @param b padded right-hand side
     * @param r padded output, or null to compute the norm only (one pass that writes nothing but ghosts)
     * @return the Euclidean norm of r
     */
    public double residual(double[] u, double[] b, double[] r) {
        fillGhosts(u);
        double[] partial = new double[rows()];
        ParallelLoops.forRange(0, rows(), grain(), (lo, hi) -> {
            for (int row = lo; row < hi; row++) {
                partial[row] = rowResidualSquares(u, b, r, row);
            }
        });
        return Math.sqrt(sum(partial));
    }

    /**
     * Σ (b − (A − σ)u)² over one x row (row = j + m1·k), storing the residual in r when r is not null; ghosts must
     * be current.
     */
    private double rowResidualSquares(double[] u, double[] b, double[] r, int row) {
        double centre = centre();
        int base = index(0, row % m1, row / m1);
        double sum = 0;
        for (int q = base, end = base + m0; q < end; q++) {
            double v = b[q] - (c0 * (u[q - 1] + u[q + 1]) + c1 * (u[q - sy] + u[q + sy])
                    + c2 * (u[q - sz] + u[q + sz]) + centre * u[q]);
            if (r != null) {
                r[q] = v;
            }
            sum += v * v;
        }
        return sum;
    }

    /**
     * The residual of one x row, b − (A − σ)u at (0..m0−1, j, k), without refreshing ghosts (call
     * {@link #fillGhosts} first).
     *
     * @param u padded solution with current ghosts
     * @param b padded right-hand side
     * @param j row index along y
     * @param k row index along z
     * @param out destination, indices 0..m0−1
     */
    void residualRow(double[] u, double[] b, int j, int k, double[] out) {
        double centre = centre();
        int base = index(0, j, k);
        for (int i = 0; i < m0; i++) {
            int q = base + i;
            out[i] = b[q] - (c0 * (u[q - 1] + u[q + 1]) + c1 * (u[q - sy] + u[q + sy]) + c2 * (u[q - sz] + u[q + sz])
                    + centre * u[q]);
        }
    }

    /**
     * @param v padded array
     * @return ‖v‖₂ over the unknowns
     */
    public double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    /**
     * @param x padded array
     * @param y padded array
     * @return Σ x·y over the unknowns (deterministic order)
     */
    public double dot(double[] x, double[] y) {
        double[] partial = new double[rows()];
        ParallelLoops.forRange(0, rows(), grain(), (lo, hi) -> {
            for (int row = lo; row < hi; row++) {
                int base = index(0, row % m1, row / m1);
                double sum = 0;
                for (int q = base, end = base + m0; q < end; q++) {
                    sum += x[q] * y[q];
                }
                partial[row] = sum;
            }
        });
        return sum(partial);
    }

    /**
     * @param x padded array
     * @param y padded array
     * @return Σ W·x·y over the unknowns (deterministic order)
     */
    public double weightedDot(double[] x, double[] y) {
        double[] partial = new double[rows()];
        double[] w0 = axes[0].weight;
        double[] w1 = axes[1].weight;
        double[] w2 = axes[2].weight;
        ParallelLoops.forRange(0, rows(), grain(), (lo, hi) -> {
            for (int row = lo; row < hi; row++) {
                int j = row % m1;
                int k = row / m1;
                int base = index(0, j, k);
                double sum = 0;
                for (int i = 0; i < m0; i++) {
                    sum += w0[i] * x[base + i] * y[base + i];
                }
                partial[row] = w1[j] * w2[k] * sum;
            }
        });
        return sum(partial);
    }

    /**
     * Jacobi preconditioning: z = D⁻¹ r with D the diagonal of A − σ.
     *
     * @param r padded input
     * @param z padded output
     */
    void divideByDiagonal(double[] r, double[] z) {
        double[] d0 = axes[0].diagonal;
        double[] d1 = axes[1].diagonal;
        double[] d2 = axes[2].diagonal;
        ParallelLoops.forRange(0, rows(), grain(), (lo, hi) -> {
            for (int row = lo; row < hi; row++) {
                int j = row % m1;
                int k = row / m1;
                int base = index(0, j, k);
                double d12 = d1[j] + d2[k] - shift;
                for (int i = 0; i < m0; i++) {
                    z[base + i] = r[base + i] / (d0[i] + d12);
                }
            }
        });
    }

    /**
     * y += a·x over the unknowns.
     *
     * @param a the factor
     * @param x padded input
     * @param y padded array, updated
     */
    public void axpy(double a, double[] x, double[] y) {
        ParallelLoops.forRange(0, rows(), grain(), (lo, hi) -> {
            for (int row = lo; row < hi; row++) {
                int base = index(0, row % m1, row / m1);
                for (int q = base, end = base + m0; q < end; q++) {
                    y[q] += a * x[q];
                }
            }
        });
    }

    /**
     * y = x + a·y over the unknowns.
     *
     * @param x padded input
     * @param a the factor
     * @param y padded array, updated
     */
    public void xpay(double[] x, double a, double[] y) {
        ParallelLoops.forRange(0, rows(), grain(), (lo, hi) -> {
            for (int row = lo; row < hi; row++) {
                int base = index(0, row % m1, row / m1);
                for (int q = base, end = base + m0; q < end; q++) {
                    y[q] = x[q] + a * y[q];
                }
            }
        });
    }

    static double sum(double[] partial) {
        double s = 0;
        for (double p : partial) {
            s += p;
        }
        return s;
    }

    /**
     * One sweep of red–black successive over-relaxation, u ← u + ω(b − (A − σ)u)/D: first the red points
     * ((i + j + k) even), then the black ones; ω = 1 is red–black Gauss–Seidel. The result is that of the two
     * classical half-sweeps, in every thread count; on 3-D grids the second colour of plane k − 1 is relaxed right
     * after the first colour of plane k, so each sweep streams the arrays through memory once.
     *
     * @param u padded solution, updated in place
     * @param b padded right-hand side
     * @param omega the relaxation factor ω, 0 &lt; ω &lt; 2
     */
    void smoothRedBlack(double[] u, double[] b, double omega) {
        smoothRedBlack(u, b, omega, sweepBlocks());
    }

    /** @return the plane blocks of a fused sweep: one per thread, each at least 8 planes; 0 on small planes */
    private int sweepBlocks() {
        return m0 * m1 < 256 ? 0 : Math.min(ParallelLoops.threads(), m2 / 8);
    }

    /**
     * @param blocks the number of plane blocks of the fused sweep (each at least two planes), or 0 for two plain
     *     half-sweeps; the result does not depend on it
     */
    void smoothRedBlack(double[] u, double[] b, double omega, int blocks) {
        smoothRedBlack(u, b, omega, blocks, null);
    }

    /**
     * One red–black sweep followed by the residual norm ‖b − (A − σ)u‖₂ of its result, equal bit for bit to
     * {@link #residual}. In the plane-fused sweep the residual of a plane is taken as soon as the plane and its two
     * neighbours are final, while they are still in cache, so the norm costs no extra pass over memory.
     *
     * @param u padded solution, updated in place
     * @param b padded right-hand side
     * @param omega the relaxation factor
     * @return the residual norm after the sweep
     */
    double smoothRedBlackWithResidual(double[] u, double[] b, double omega) {
        return smoothRedBlackWithResidual(u, b, omega, sweepBlocks());
    }

    /** @param blocks as for {@link #smoothRedBlack(double[], double[], double, int)}; the result does not depend on it */
    double smoothRedBlackWithResidual(double[] u, double[] b, double omega, int blocks) {
        if (blocks < 1) {
            smoothRedBlack(u, b, omega, 0, null);
            return residual(u, b, null);
        }
        double[] partial = new double[rows()];
        smoothRedBlack(u, b, omega, blocks, partial);
        return Math.sqrt(sum(partial));
    }

    /**
     * @param partial null, or per-row sums of squared residuals to fill after the sweep (needs blocks ≥ 1)
     */
    private void smoothRedBlack(double[] u, double[] b, double omega, int blocks, double[] partial) {
        fillGhosts(u);
        int first = 0;
        int second = 1;
        if (blocks < 1) {
            relaxPlanes(u, b, omega, first, 0, m2);
            fillGhosts(u);
            relaxPlanes(u, b, omega, second, 0, m2);
            return;
        }
        ParallelLoops.forRange(0, blocks, 1, (lo, hi) -> {
            for (int blk = lo; blk < hi; blk++) {
                int from = (int) ((long) m2 * blk / blocks);
                int to = (int) ((long) m2 * (blk + 1) / blocks);
                for (int k = from; k < to; k++) {
                    relaxPlane(u, b, omega, k, first);
                    fillPlaneGhosts(u, k);
                    if (k - 1 > from) {
                        relaxPlane(u, b, omega, k - 1, second);
                        if (partial != null) {
                            fillPlaneGhosts(u, k - 1);
                            if (k - 2 >= from + 2) {
                                planeResidualSquares(u, b, k - 2, partial);
                            }
                        }
                    }
                }
            }
        });
        fillAxisGhosts(u, 2, sz, m2, m0, 1, sy, 0, m1);
        ParallelLoops.forRange(0, blocks, 1, (lo, hi) -> {
            for (int blk = lo; blk < hi; blk++) {
                int from = (int) ((long) m2 * blk / blocks);
                int to = (int) ((long) m2 * (blk + 1) / blocks);
                relaxPlane(u, b, omega, from, second);
                if (to - 1 > from) {
                    relaxPlane(u, b, omega, to - 1, second);
                }
            }
        });
        if (partial == null) {
            return;
        }
        // the planes next to block boundaries, whose neighbours became final only in the pass above
        fillGhosts(u);
        ParallelLoops.forRange(0, blocks, 1, (lo, hi) -> {
            for (int blk = lo; blk < hi; blk++) {
                int from = (int) ((long) m2 * blk / blocks);
                int to = (int) ((long) m2 * (blk + 1) / blocks);
                for (int k = from; k < to; k++) {
                    if (k < from + 2 || k > to - 3) {
                        planeResidualSquares(u, b, k, partial);
                    }
                }
            }
        });
    }

    private void planeResidualSquares(double[] u, double[] b, int k, double[] partial) {
        for (int j = 0; j < m1; j++) {
            int row = j + m1 * k;
            partial[row] = rowResidualSquares(u, b, null, row);
        }
    }

    private void relaxPlanes(double[] u, double[] b, double omega, int colour, int from, int to) {
        int rows = m1 * (to - from);
        ParallelLoops.forRange(0, rows, grain(), (lo, hi) -> {
            for (int row = lo; row < hi; row++) {
                relaxRow(u, b, omega, row % m1, from + row / m1, colour);
            }
        });
    }

    private void relaxPlane(double[] u, double[] b, double omega, int k, int colour) {
        for (int j = 0; j < m1; j++) {
            relaxRow(u, b, omega, j, k, colour);
        }
    }

    /**
     * Relaxes the points of one colour in row (j, k): u ← u + ω(b − (A − σ)u)/D. Inside the row D is the constant
     * −2Σc − σ (plus the row's y/z boundary corrections); the two row ends carry their own x correction.
     */
    private void relaxRow(double[] u, double[] b, double omega, int j, int k, int colour) {
        double centre = centre();
        double[] d0 = axes[0].diagonal;
        int base = index(0, j, k);
        double d12 = axes[1].diagonal[j] + axes[2].diagonal[k] - shift;
        double rowFactor = omega / (d12 - 2 * c0);
        int i0 = (colour + j + k) & 1;
        int last = m0 - 1;
        int iFrom = i0 == 0 ? 2 : i0;
        int iTo = (last - i0) % 2 == 0 ? last : m0;
        if (i0 == 0) {
            relaxPoint(u, b, base, omega / (d0[0] + d12), centre);
        }
        for (int q = base + iFrom, end = base + iTo; q < end; q += 2) {
            double lu = c0 * (u[q - 1] + u[q + 1]) + c1 * (u[q - sy] + u[q + sy]) + c2 * (u[q - sz] + u[q + sz])
                    + centre * u[q];
            u[q] += (b[q] - lu) * rowFactor;
        }
        if (last > 0 && (last - i0) % 2 == 0) {
            relaxPoint(u, b, base + last, omega / (d0[last] + d12), centre);
        }
    }

    private void relaxPoint(double[] u, double[] b, int q, double factor, double centre) {
        double lu = c0 * (u[q - 1] + u[q + 1]) + c1 * (u[q - sy] + u[q + sy]) + c2 * (u[q - sz] + u[q + sz])
                + centre * u[q];
        u[q] += (b[q] - lu) * factor;
    }

    /**
     * One sweep of weighted Jacobi: u ← u + ω D⁻¹ (b − (A − σ) u).
     *
     * @param u padded solution, updated in place
     * @param b padded right-hand side
     * @param scratch padded work array
     * @param omega the weight ω
     */
    void smoothJacobi(double[] u, double[] b, double[] scratch, double omega) {
        fillGhosts(u);
        double centre = centre();
        double[] d0 = axes[0].diagonal;
        double[] d1 = axes[1].diagonal;
        double[] d2 = axes[2].diagonal;
        ParallelLoops.forRange(0, rows(), grain(), (lo, hi) -> {
            for (int row = lo; row < hi; row++) {
                int j = row % m1;
                int k = row / m1;
                int base = index(0, j, k);
                double d12 = d1[j] + d2[k] - shift;
                for (int i = 0; i < m0; i++) {
                    int q = base + i;
                    double lu = c0 * (u[q - 1] + u[q + 1]) + c1 * (u[q - sy] + u[q + sy]) + c2 * (u[q - sz] + u[q + sz])
                            + centre * u[q];
                    scratch[q] = u[q] + omega * (b[q] - lu) / (d0[i] + d12);
                }
            }
        });
        copyUnknowns(scratch, u);
    }

    /**
     * Copies the unknowns of one padded array into another.
     *
     * @param from source
     * @param to destination
     */
    public void copyUnknowns(double[] from, double[] to) {
        ParallelLoops.forRange(0, rows(), grain(), (lo, hi) -> {
            for (int row = lo; row < hi; row++) {
                int base = index(0, row % m1, row / m1);
                System.arraycopy(from, base, to, base, m0);
            }
        });
    }

    /**
     * @param v padded array
     * @return Σ W v / Σ W over the unknowns
     */
    public double weightedMean(double[] v) {
        double total = 0;
        double weights = 0;
        for (int k = 0; k < m2; k++) {
            for (int j = 0; j < m1; j++) {
                int base = index(0, j, k);
                for (int i = 0; i < m0; i++) {
                    double w = weight(i, j, k);
                    total += w * v[base + i];
                    weights += w;
                }
            }
        }
        return total / weights;
    }

    /**
     * Subtracts a constant from every unknown.
     *
     * @param v padded array, updated in place
     * @param c the constant
     */
    public void subtract(double[] v, double c) {
        ParallelLoops.forRange(0, rows(), grain(), (lo, hi) -> {
            for (int row = lo; row < hi; row++) {
                int base = index(0, row % m1, row / m1);
                for (int q = base, end = base + m0; q < end; q++) {
                    v[q] -= c;
                }
            }
        });
    }

    /**
     * Adds the boundary-data part of the discrete Laplacian at time t: with q from this method,
     * ∇²<sub>h</sub>u = A u + q, so Poisson's equation becomes A u = f − q.
     *
     * @param t time at which g(t, x) is evaluated
     * @param q padded array, the terms are added to its unknowns
     */
    public void addBoundaryTerms(double t, double[] q) {
        requireFineLevel();
        double[] x = new double[dimension];
        int[] m = {m0, m1, m2};
        int[] stride = {1, sy, sz};
        for (int a = 0; a < dimension; a++) {
            AxisSpec spec = axes[a];
            if (spec.periodic()) {
                continue;
            }
            int o1 = (a + 1) % 3;
            int o2 = (a + 2) % 3;
            for (int side = 0; side < 2; side++) {
                BoundaryCondition bc = conditions.get(a, side == 0 ? -1 : +1);
                BoundaryValue g = boundaryValue(bc);
                if (g.isZero()) {
                    continue;
                }
                int adj = side == 0 ? 0 : m[a] - 1;
                x[a] = spec.facePosition(side);
                for (int i2 = 0; i2 < m[o2]; i2++) {
                    if (o2 < dimension) {
                        x[o2] = axes[o2].position(i2);
                    }
                    for (int i1 = 0; i1 < m[o1]; i1++) {
                        if (o1 < dimension) {
                            x[o1] = axes[o1].position(i1);
                        }
                        double gamma = spec.ghostConstant(side, g.value(t, x));
                        int q0 = index(0, 0, 0) + adj * stride[a] + i1 * stride[o1] + i2 * stride[o2];
                        q[q0] += spec.coefficient * gamma;
                    }
                }
            }
        }
    }

    /** @return whether some face's boundary value is not constant (so {@link #addBoundaryTerms} depends on t) */
    public boolean boundaryDataDependsOnTime() {
        requireFineLevel();
        for (BoundaryCondition bc : conditions.asMap().values()) {
            if (!boundaryValue(bc).isConstant()) {
                return true;
            }
        }
        return false;
    }

    private static BoundaryValue boundaryValue(BoundaryCondition bc) {
        if (bc instanceof BoundaryCondition.Dirichlet d) {
            return d.value();
        }
        if (bc instanceof BoundaryCondition.Neumann n) {
            return n.flux();
        }
        if (bc instanceof BoundaryCondition.Robin r) {
            return r.value();
        }
        return BoundaryValue.ZERO;
    }

    private void requireFineLevel() {
        if (grid == null) {
            throw new IllegalStateException("a coarse multigrid level has no grid or boundary data");
        }
    }

    /**
     * Copies the values of the unknowns from a full grid array into a padded array.
     *
     * @param gridValues values on every grid point
     * @param padded destination
     */
    public void scatter(double[] gridValues, double[] padded) {
        requireFineLevel();
        forEachUnknown((q, g) -> padded[q] = gridValues[g]);
    }

    /**
     * Writes a full grid array from padded unknowns; vertex-centred Dirichlet boundary points get g(t, x).
     *
     * @param padded the unknowns
     * @param t time for the boundary values
     * @return values on every grid point
     */
    public double[] gather(double[] padded, double t) {
        requireFineLevel();
        double[] out = new double[grid.pointCount()];
        forEachUnknown((q, g) -> out[g] = padded[q]);
        double[] x = new double[dimension];
        for (int a = dimension - 1; a >= 0; a--) {
            for (int side = 0; side < 2; side++) {
                if (!axes[a].fixedEnd(side)) {
                    continue;
                }
                BoundaryValue value = boundaryValue(conditions.get(a, side == 0 ? -1 : 1));
                int b = (a + 1) % dimension;
                int c = (a + 2) % dimension;
                int nb = dimension > 1 ? grid.size(b) : 1;
                int nc = dimension > 2 ? grid.size(c) : 1;
                int layer = side == 0 ? 0 : grid.size(a) - 1;
                x[a] = grid.coordinate(a, layer);
                for (int ic = 0; ic < nc; ic++) {
                    if (dimension > 2) {
                        x[c] = grid.coordinate(c, ic);
                    }
                    for (int ib = 0; ib < nb; ib++) {
                        if (dimension > 1) {
                            x[b] = grid.coordinate(b, ib);
                        }
                        int flat = layer * grid.stride(a) + (dimension > 1 ? ib * grid.stride(b) : 0)
                                + (dimension > 2 ? ic * grid.stride(c) : 0);
                        out[flat] = value.value(t, x);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Evaluates a function at the unknowns' positions.
     *
     * @param t time
     * @param f the function
     * @param padded destination (unknowns overwritten)
     */
    public void sample(double t, org.fieldscore.fields.ScalarFunction f, double[] padded) {
        double[] x = new double[3];
        double[] point = new double[dimension];
        for (int k = 0; k < m2; k++) {
            x[2] = axes[2].position(k);
            for (int j = 0; j < m1; j++) {
                x[1] = axes[1].position(j);
                int base = index(0, j, k);
                for (int i = 0; i < m0; i++) {
                    x[0] = axes[0].position(i);
                    System.arraycopy(x, 0, point, 0, dimension);
                    padded[base + i] = f.value(t, point);
                }
            }
        }
    }

    /**
     * @param padded values at the unknowns
     * @return a full grid array with those values and zero at fixed (vertex Dirichlet) points
     */
    public double[] gatherUnknowns(double[] padded) {
        requireFineLevel();
        double[] out = new double[grid.pointCount()];
        forEachUnknown((q, g) -> out[g] = padded[q]);
        return out;
    }

    /**
     * First-order Mur absorbing update of a fixed (vertex Dirichlet) end layer (Mur 1981):
     * u<sub>b</sub><sup>n+1</sup> = u<sub>i</sub><sup>n</sup> + κ(u<sub>i</sub><sup>n+1</sup> − u<sub>b</sub><sup>n</sup>),
     * with u<sub>i</sub> the first unknown inside and κ = (cΔt − h)/(cΔt + h).
     *
     * @param axis the face's axis
     * @param side 0 low, 1 high
     * @param kappa κ
     * @param current padded state at step n
     * @param next padded state at step n + 1 (unknowns already updated); its end layer is written
     * @throws IllegalArgumentException when that end is not a fixed layer
     */
    public void murUpdate(int axis, int side, double kappa, double[] current, double[] next) {
        if (!axes[axis].fixedEnd(side)) {
            throw new IllegalArgumentException("an absorbing face needs a vertex-centred axis with a fixed end layer");
        }
        int[] m = {m0, m1, m2};
        int[] stride = {1, sy, sz};
        int o1 = (axis + 1) % 3;
        int o2 = (axis + 2) % 3;
        int layer = side == 0 ? -1 : m[axis];
        int inside = side == 0 ? 0 : m[axis] - 1;
        for (int i2 = 0; i2 < m[o2]; i2++) {
            for (int i1 = 0; i1 < m[o1]; i1++) {
                int base = index(0, 0, 0) + i1 * stride[o1] + i2 * stride[o2];
                int b = base + layer * stride[axis];
                int in = base + inside * stride[axis];
                next[b] = current[in] + kappa * (next[in] - current[b]);
            }
        }
    }

    /**
     * Copies a fixed end layer of a padded array into the matching boundary points of a grid array.
     *
     * @param axis the face's axis
     * @param side 0 low, 1 high
     * @param padded the padded array
     * @param gridValues full grid array, updated on that face
     */
    public void copyFixedLayer(int axis, int side, double[] padded, double[] gridValues) {
        requireFineLevel();
        int[] m = {m0, m1, m2};
        int[] stride = {1, sy, sz};
        int[] gridStride = new int[3];
        for (int a = 0; a < dimension; a++) {
            gridStride[a] = grid.stride(a);
        }
        int o1 = (axis + 1) % 3;
        int o2 = (axis + 2) % 3;
        int layer = side == 0 ? -1 : m[axis];
        int gridLayer = side == 0 ? 0 : grid.size(axis) - 1;
        for (int i2 = 0; i2 < m[o2]; i2++) {
            for (int i1 = 0; i1 < m[o1]; i1++) {
                int p = index(0, 0, 0) + i1 * stride[o1] + i2 * stride[o2] + layer * stride[axis];
                int g = gridLayer * gridStride[axis] + (i1 + axes[o1].firstGridIndex) * gridStride[o1]
                        + (i2 + axes[o2].firstGridIndex) * gridStride[o2];
                gridValues[g] = padded[p];
            }
        }
    }

    /** Receives a padded index and the matching grid flat index. */
    @FunctionalInterface
    interface IndexPair {
        void accept(int padded, int gridFlat);
    }

    void forEachUnknown(IndexPair action) {
        int f0 = axes[0].firstGridIndex;
        int f1 = axes[1].firstGridIndex;
        int f2 = axes[2].firstGridIndex;
        int gy = dimension > 1 ? grid.stride(1) : 0;
        int gz = dimension > 2 ? grid.stride(2) : 0;
        for (int k = 0; k < m2; k++) {
            for (int j = 0; j < m1; j++) {
                int base = index(0, j, k);
                int gbase = f0 + (j + f1) * gy + (k + f2) * gz;
                for (int i = 0; i < m0; i++) {
                    action.accept(base + i, gbase + i);
                }
            }
        }
    }

    /** Receives one matrix entry. */
    @FunctionalInterface
    interface Entry {
        void accept(int row, int column, double value);
    }

    /**
     * Enumerates the entries of the symmetric matrix −W(A − σ) in unknown numbering (i fastest); duplicates are to
     * be summed.
     */
    void forEachSymmetricEntry(Entry entry) {
        int[] m = {m0, m1, m2};
        int[] idx = new int[3];
        for (int k = 0; k < m2; k++) {
            for (int j = 0; j < m1; j++) {
                for (int i = 0; i < m0; i++) {
                    idx[0] = i;
                    idx[1] = j;
                    idx[2] = k;
                    int row = i + m0 * (j + m1 * k);
                    double w = weight(i, j, k);
                    entry.accept(row, row, -w * diagonal(i, j, k));
                    for (int a = 0; a < 3; a++) {
                        AxisSpec spec = axes[a];
                        if (!spec.active()) {
                            continue;
                        }
                        int me = idx[a];
                        for (int dir = -1; dir <= 1; dir += 2) {
                            int nb = me + dir;
                            double cw = -w * spec.coefficient;
                            if (nb >= 0 && nb < m[a]) {
                                entry.accept(row, row + dir * unknownStride(a), cw);
                            } else if (spec.periodic()) {
                                int wrapped = nb < 0 ? m[a] - 1 : 0;
                                entry.accept(row, row + (wrapped - me) * unknownStride(a), cw);
                            } else {
                                int side = nb < 0 ? 0 : 1;
                                double t = spec.ghostNext[side];
                                if (t != 0) {
                                    int next = side == 0 ? 1 : m[a] - 2;
                                    entry.accept(row, row + (next - me) * unknownStride(a), cw * t);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private int unknownStride(int axis) {
        return axis == 0 ? 1 : axis == 1 ? m0 : m0 * m1;
    }

    /**
     * @param padded a padded array
     * @param packed destination, unknown numbering (i fastest), length {@link #unknownCount()}
     */
    public void pack(double[] padded, double[] packed) {
        for (int k = 0; k < m2; k++) {
            for (int j = 0; j < m1; j++) {
                System.arraycopy(padded, index(0, j, k), packed, m0 * (j + m1 * k), m0);
            }
        }
    }

    /**
     * @param packed unknowns in unknown numbering
     * @param padded destination
     */
    public void unpack(double[] packed, double[] padded) {
        for (int k = 0; k < m2; k++) {
            for (int j = 0; j < m1; j++) {
                System.arraycopy(packed, m0 * (j + m1 * k), padded, index(0, j, k), m0);
            }
        }
    }

    /**
     * @param coarseAxes axes of the coarse level
     * @return the operator of a coarse multigrid level (no grid, homogeneous data)
     */
    EllipticOperator coarse(AxisSpec[] coarseAxes) {
        return new EllipticOperator(coarseAxes, dimension, shift, null, null);
    }

    @Override
    public String toString() {
        return "EllipticOperator[" + m0 + "x" + m1 + "x" + m2 + " unknowns, shift " + shift + "]";
    }

    /** @return the number of unknowns per axis (3 entries; 1 on inactive axes) */
    int[] unknownShape() {
        return new int[] {m0, m1, m2};
    }
}
