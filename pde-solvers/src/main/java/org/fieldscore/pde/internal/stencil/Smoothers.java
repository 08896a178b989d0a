package org.fieldscore.pde.internal.stencil;

import org.fieldscore.fields.parallel.ParallelLoops;

/**
 * Point relaxations of (A − σ)u = b for multigrid and the Jacobi preconditioner: red–black successive
 * over-relaxation u ← u + ω(b − (A − σ)u)/D (ω = 1 is red–black Gauss–Seidel; Yavneh, SIAM J. Sci. Comput. 17,
 * 1996), weighted Jacobi u ← u + ωD⁻¹(b − (A − σ)u), and z = D⁻¹r, D the diagonal of A − σ. Immutable.
 */
public final class Smoothers {

    private final ShiftedLaplacian op;
    private final PaddedLayout layout;

    /** @param op the operator to relax */
    public Smoothers(ShiftedLaplacian op) {
        this.op = op;
        this.layout = op.layout();
    }

    /**
     * Jacobi preconditioning: z = D⁻¹ r with D the diagonal of A − σ.
     *
     * @param r padded input
     * @param z padded output
     */
    public void divideByDiagonal(double[] r, double[] z) {
        double[] d0 = op.axis(0).diagonal;
        int m0 = layout.m0;
        int m1 = layout.m1;
        layout.forEachRow((row, start) -> {
            double d12 = op.rowDiagonal(row % m1, row / m1);
            for (int i = 0; i < m0; i++) {
                z[start + i] = r[start + i] / (d0[i] + d12);
            }
        });
    }

    /**
     * One sweep of weighted Jacobi: u ← u + ω D⁻¹ (b − (A − σ) u).
     *
     * @param u padded solution, updated in place
     * @param b padded right-hand side
     * @param scratch padded work array
     * @param omega the weight ω
     */
    public void jacobi(double[] u, double[] b, double[] scratch, double omega) {
        op.fillGhosts(u);
        double centre = op.centre();
        double c0 = op.c0;
        double c1 = op.c1;
        double c2 = op.c2;
        double[] d0 = op.axis(0).diagonal;
        int m0 = layout.m0;
        int m1 = layout.m1;
        int sy = layout.sy;
        int sz = layout.sz;
        layout.forEachRow((row, start) -> {
            double d12 = op.rowDiagonal(row % m1, row / m1);
            for (int i = 0; i < m0; i++) {
                int q = start + i;
                double lu = ShiftedLaplacian.at(u, q, sy, sz, c0, c1, c2, centre);
                scratch[q] = u[q] + omega * (b[q] - lu) / (d0[i] + d12);
            }
        });
        layout.copyUnknowns(scratch, u);
    }

    /**
     * One sweep of red–black over-relaxation: first the red points ((i + j + k) even), then the black ones. The
     * result is that of the two classical half-sweeps, in every thread count; on 3-D grids the second colour of
     * plane k − 1 is relaxed right after the first colour of plane k, so each sweep streams the arrays through
     * memory once.
     *
     * @param u padded solution, updated in place
     * @param b padded right-hand side
     * @param omega the relaxation factor ω, 0 &lt; ω &lt; 2
     */
    public void redBlack(double[] u, double[] b, double omega) {
        redBlack(u, b, omega, sweepBlocks());
    }

    /** @return the plane blocks of a fused sweep: one per thread, each at least 8 planes; 0 on small planes */
    private int sweepBlocks() {
        return layout.m0 * layout.m1 < 256 ? 0 : Math.min(ParallelLoops.threads(), layout.m2 / 8);
    }

    /**
     * @param u padded solution, updated in place
     * @param b padded right-hand side
     * @param omega the relaxation factor
     * @param blocks the number of plane blocks of the fused sweep (each at least two planes), or 0 for two plain
     *     half-sweeps; the result does not depend on it
     */
    public void redBlack(double[] u, double[] b, double omega, int blocks) {
        redBlack(u, b, omega, blocks, null);
    }

    /**
     * One red–black sweep followed by the residual norm ‖b − (A − σ)u‖₂ of its result, equal bit for bit to
     * {@link ShiftedLaplacian#residual}. In the plane-fused sweep the residual of a plane is taken as soon as the
     * plane and its two neighbours are final, while they are still in cache, so the norm costs no extra pass over
     * memory.
     *
     * @param u padded solution, updated in place
     * @param b padded right-hand side
     * @param omega the relaxation factor
     * @return the residual norm after the sweep
     */
    public double redBlackWithResidual(double[] u, double[] b, double omega) {
        return redBlackWithResidual(u, b, omega, sweepBlocks());
    }

    /**
     * @param u padded solution, updated in place
     * @param b padded right-hand side
     * @param omega the relaxation factor
     * @param blocks as for {@link #redBlack(double[], double[], double, int)}; the result does not depend on it
     * @return the residual norm after the sweep
     */
    public double redBlackWithResidual(double[] u, double[] b, double omega, int blocks) {
        if (blocks < 1) {
            redBlack(u, b, omega, 0, null);
            return op.residual(u, b, null);
        }
        double[] partial = new double[layout.rows()];
        redBlack(u, b, omega, blocks, partial);
        return Math.sqrt(PaddedVectors.sum(partial));
    }

    /**
     * @param partial null, or per-row sums of squared residuals to fill after the sweep (needs blocks ≥ 1)
     */
    private void redBlack(double[] u, double[] b, double omega, int blocks, double[] partial) {
        int m2 = layout.m2;
        op.fillGhosts(u);
        int first = 0;
        int second = 1;
        if (blocks < 1) {
            relaxAllRows(u, b, omega, first);
            op.fillGhosts(u);
            relaxAllRows(u, b, omega, second);
            return;
        }
        ParallelLoops.forRange(0, blocks, 1, (lo, hi) -> {
            for (int blk = lo; blk < hi; blk++) {
                int from = (int) ((long) m2 * blk / blocks);
                int to = (int) ((long) m2 * (blk + 1) / blocks);
                for (int k = from; k < to; k++) {
                    relaxPlane(u, b, omega, k, first);
                    op.fillPlaneGhosts(u, k);
                    if (k - 1 > from) {
                        relaxPlane(u, b, omega, k - 1, second);
                        if (partial != null) {
                            op.fillPlaneGhosts(u, k - 1);
                            if (k - 2 >= from + 2) {
                                planeResidualSquares(u, b, k - 2, partial);
                            }
                        }
                    }
                }
            }
        });
        op.fillZGhosts(u);
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
        op.fillGhosts(u);
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
        for (int j = 0; j < layout.m1; j++) {
            int row = j + layout.m1 * k;
            partial[row] = op.rowResidualSquares(u, b, null, layout.rowStart(row));
        }
    }

    private void relaxAllRows(double[] u, double[] b, double omega, int colour) {
        int m1 = layout.m1;
        layout.forEachRow((row, start) -> relaxRow(u, b, omega, row % m1, row / m1, colour));
    }

    private void relaxPlane(double[] u, double[] b, double omega, int k, int colour) {
        for (int j = 0; j < layout.m1; j++) {
            relaxRow(u, b, omega, j, k, colour);
        }
    }

    /**
     * Relaxes the points of one colour in row (j, k): u ← u + ω(b − (A − σ)u)/D. Inside the row D is the constant
     * −2Σc − σ (plus the row's y/z boundary corrections); the two row ends carry their own x correction.
     */
    private void relaxRow(double[] u, double[] b, double omega, int j, int k, int colour) {
        double centre = op.centre();
        double c0 = op.c0;
        double c1 = op.c1;
        double c2 = op.c2;
        int sy = layout.sy;
        int sz = layout.sz;
        int m0 = layout.m0;
        double[] d0 = op.axis(0).diagonal;
        int base = layout.index(0, j, k);
        double d12 = op.rowDiagonal(j, k);
        double rowFactor = omega / (d12 - 2 * c0);
        int i0 = (colour + j + k) & 1;
        int last = m0 - 1;
        int iFrom = i0 == 0 ? 2 : i0;
        int iTo = (last - i0) % 2 == 0 ? last : m0;
        if (i0 == 0) {
            relaxPoint(u, b, base, omega / (d0[0] + d12), centre);
        }
        for (int q = base + iFrom, end = base + iTo; q < end; q += 2) {
            u[q] += (b[q] - ShiftedLaplacian.at(u, q, sy, sz, c0, c1, c2, centre)) * rowFactor;
        }
        if (last > 0 && (last - i0) % 2 == 0) {
            relaxPoint(u, b, base + last, omega / (d0[last] + d12), centre);
        }
    }

    private void relaxPoint(double[] u, double[] b, int q, double factor, double centre) {
        u[q] += (b[q] - ShiftedLaplacian.at(u, q, layout.sy, layout.sz, op.c0, op.c1, op.c2, centre)) * factor;
    }
}
