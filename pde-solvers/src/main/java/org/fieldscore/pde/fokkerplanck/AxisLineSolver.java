package org.fieldscore.pde.fokkerplanck;

import org.fieldscore.fields.parallel.ParallelLoops;

/**
 * Direct solves of (I − τL<sub>a</sub>) y = r for the axis parts L = Σ<sub>a</sub> L<sub>a</sub> of a
 * {@link FokkerPlanckOperator}: L<sub>a</sub> holds the fluxes through the faces normal to axis a (and the sinks of
 * absorbing faces normal to it), so it couples only the cells of one grid line along a and is tridiagonal there —
 * cyclic on a periodic axis.
 *
 * <p>On a line with cells 0 … m − 1, row i of I − τL<sub>a</sub> reads
 * −τℓ<sub>i</sub> y<sub>i−1</sub> + δ<sub>i</sub> y<sub>i</sub> − τu<sub>i</sub> y<sub>i+1</sub> with
 * ℓ<sub>i</sub> the rate from cell i − 1 into i, u<sub>i</sub> the rate from i + 1 into i (the operator's face
 * coefficients, ≥ 0) and δ<sub>i</sub> = 1 + τ·(outflow rate of cell i along a). The columns sum to 1 (to
 * 1 + τ·sink at an absorbing end), so the matrix is a nonsingular M-matrix: its inverse is ≥ 0, and Σ y = Σ r on a
 * line without absorbing ends. It is factored once per τ (and after each
 * re-assembly) by Gaussian elimination without pivoting (the Thomas algorithm): pivots
 * β<sub>0</sub> = δ<sub>0</sub>, β<sub>i</sub> = δ<sub>i</sub> − τℓ<sub>i</sub>γ<sub>i−1</sub> and multipliers
 * γ<sub>i</sub> = τu<sub>i</sub>/β<sub>i</sub>, all &gt; 0 for an M-matrix; a solve is the forward sweep
 * y<sub>i</sub> ← (r<sub>i</sub> + τℓ<sub>i</sub>y<sub>i−1</sub>)/β<sub>i</sub> and the back sweep
 * y<sub>i</sub> ← y<sub>i</sub> + γ<sub>i</sub>y<sub>i+1</sub>, sums and products of non-negative numbers only, so a
 * non-negative r gives a non-negative y in floating point too.
 *
 * <p>On a periodic axis the corner entries couple cells 0 and m − 1. The last cell is then eliminated by bordering:
 * with T the leading (m − 1)-block (tridiagonal), e ≥ 0 the corner column moved to the right (τ times the rates from
 * m − 1 into 0 and into m − 2) and w = T⁻¹e ≥ 0 stored with the factors,
 * y<sub>m−1</sub> = (r<sub>m−1</sub> + τu<sub>m−1</sub>y'<sub>0</sub> + τℓ<sub>m−1</sub>y'<sub>m−2</sub>)/S and
 * y<sub>i</sub> = y'<sub>i</sub> + y<sub>m−1</sub>w<sub>i</sub>, where y' = T⁻¹r and
 * S = δ<sub>m−1</sub> − τu<sub>m−1</sub>w<sub>0</sub> − τℓ<sub>m−1</sub>w<sub>m−2</sub> &gt; 0 is the Schur
 * complement (again an M-matrix). It is the Sherman–Morrison correction of the cyclic system written so that every
 * term stays non-negative (W. H. Press et al., Numerical Recipes, 3rd ed., §2.7.2, 2007).
 *
 * <p>Memory: the pivots and multipliers, two arrays per axis, and w per periodic axis. The lines of an axis are
 * solved side by side, the transverse axes in blocks of {@value #COLUMNS} neighbouring columns (contiguous inner
 * loops), the x axis {@value #X_LINES} lines at a time (independent recursions that the processor overlaps), the
 * blocks on both cores ({@link ParallelLoops}); each line's arithmetic does not depend on the blocking, so results
 * do not depend on the thread count. Not thread-safe.
 */
final class AxisLineSolver {

    /** Columns a block of a transverse axis (a ≥ 1) sweeps together, contiguous in memory. */
    static final int COLUMNS = 64;

    /** x lines a block sweeps together. */
    static final int X_LINES = 8;

    private final FokkerPlanckOperator op;
    private final int d;
    private final int nx;
    private final int lineCount;
    private final int[] shape;
    private final int[] stride = {1, 1, 1};
    private final boolean[] periodic;
    private final double[][] inversePivots;
    private final double[][] multipliers;
    private final double[][] border;
    private final double[][] inverseSchur;
    private double tau = Double.NaN;

    /** @param op the operator whose axis parts are solved (its coefficients are read at each {@link #factor}) */
    AxisLineSolver(FokkerPlanckOperator op) {
        this.op = op;
        this.d = op.grid().spaceDimension();
        this.shape = op.shape();
        this.periodic = op.periodicAxes();
        int n = op.grid().pointCount();
        this.nx = shape[0];
        this.lineCount = n / nx;
        for (int a = 1; a < d; a++) {
            stride[a] = stride[a - 1] * shape[a - 1];
        }
        inversePivots = new double[d][n];
        multipliers = new double[d][n];
        border = new double[d][];
        inverseSchur = new double[d][];
        for (int a = 0; a < d; a++) {
            if (periodic[a]) {
                border[a] = new double[n];
                inverseSchur[a] = new double[n / shape[a]];
            }
        }
    }

    /** @return the τ of the current factors, NaN before the first {@link #factor} */
    double factoredStep() {
        return tau;
    }

    /**
     * Factors I − τL<sub>a</sub> for every axis from the operator's current coefficients.
     *
     * @param step τ &gt; 0
     */
    void factor(double step) {
        this.tau = step;
        for (int a = 0; a < d; a++) {
            int axis = a;
            forEachBlock(a, (base, elementStep, lineStep, count, firstLine) -> {
                factorBlock(axis, base, elementStep, lineStep, count, firstLine);
                if (periodic[axis]) {
                    factorBorder(axis, base, elementStep, lineStep, count, firstLine);
                }
            });
        }
    }

    /**
     * y = (I − τL<sub>a</sub>)⁻¹ r with the τ of the last {@link #factor}.
     *
     * @param a the axis
     * @param r the right-hand side
     * @param y receives the solution (may be r itself)
     */
    void solve(int a, double[] r, double[] y) {
        solve(a, r, y, null);
    }

    /**
     * y = (I − τL<sub>a</sub>)⁻¹ r + z, z added to each block while it is in cache.
     *
     * @param a the axis
     * @param r the right-hand side
     * @param y receives the solution plus z (may be r itself)
     * @param z added to the solution, or null
     */
    void solve(int a, double[] r, double[] y, double[] z) {
        int m = shape[a];
        forEachBlock(a, (base, elementStep, lineStep, count, firstLine) -> {
            substitute(a, r, y, base, elementStep, lineStep, count);
            if (periodic[a]) {
                closeCycle(a, r, y, base, elementStep, lineStep, count, firstLine);
            }
            if (z != null) {
                for (int k = 0; k < m; k++) {
                    for (int c = 0; c < count; c++) {
                        int q = base + k * elementStep + c * lineStep;
                        y[q] += z[q];
                    }
                }
            }
        });
    }

    /** Lines of one axis swept together: element k of line c is at base + k·elementStep + c·lineStep. */
    @FunctionalInterface
    private interface Block {
        void run(int base, int elementStep, int lineStep, int count, int firstLine);
    }

    /** Runs the blocks of axis a on both cores: x lines in groups of {@value #X_LINES}, else column blocks. */
    private void forEachBlock(int a, Block body) {
        if (a == 0) {
            int blocks = (lineCount + X_LINES - 1) / X_LINES;
            ParallelLoops.forRange(0, blocks, 4, (from, to) -> {
                for (int k = from; k < to; k++) {
                    int first = k * X_LINES;
                    body.run(first * nx, 1, nx, Math.min(X_LINES, lineCount - first), first);
                }
            });
            return;
        }
        int columnBlocks = (nx + COLUMNS - 1) / COLUMNS;
        int planesBelow = stride[a] / nx;
        int groups = lineCount / shape[a];
        ParallelLoops.forRange(0, groups * columnBlocks, 1, (from, to) -> {
            for (int k = from; k < to; k++) {
                int group = k / columnBlocks;
                int column = k % columnBlocks * COLUMNS;
                int base = group % planesBelow * nx + group / planesBelow * stride[a] * shape[a] + column;
                body.run(base, stride[a], 1, Math.min(COLUMNS, nx - column), group * nx + column);
            }
        });
    }

    /** The pivots and multipliers of the (leading, on a periodic axis) tridiagonal block of each line. */
    private void factorBlock(int a, int base, int elementStep, int lineStep, int count, int firstLine) {
        double[] up = op.upperFaces(a);
        double[] down = op.lowerFaces(a);
        double[] lowSink = op.wallSinks(a, -1);
        double[] highSink = op.wallSinks(a, +1);
        double[] inverse = inversePivots[a];
        double[] gamma = multipliers[a];
        int m = shape[a];
        int head = periodic[a] ? m - 1 : m;
        int wrap = (m - 1) * elementStep;
        for (int k = 0; k < head; k++) {
            int row = base + k * elementStep;
            for (int c = 0; c < count; c++) {
                int q = row + c * lineStep;
                double leftward = k > 0 ? up[q - elementStep] : periodic[a] ? up[q + wrap] : 0;
                double outflow = down[q] + leftward;
                if (k == 0 && lowSink != null) {
                    outflow += lowSink[firstLine + c];
                }
                if (k == m - 1 && highSink != null) {
                    outflow += highSink[firstLine + c];
                }
                double pivot = 1 + tau * outflow;
                if (k > 0) {
                    pivot -= tau * down[q - elementStep] * gamma[q - elementStep];
                }
                inverse[q] = 1 / pivot;
                gamma[q] = k < head - 1 ? tau * up[q] * inverse[q] : 0;
            }
        }
    }

    /** w = T⁻¹e and 1/S of each line of a periodic axis (after {@link #factorBlock}). */
    private void factorBorder(int a, int base, int elementStep, int lineStep, int count, int firstLine) {
        double[] up = op.upperFaces(a);
        double[] down = op.lowerFaces(a);
        double[] w = border[a];
        int m = shape[a];
        int wrap = (m - 1) * elementStep;
        for (int c = 0; c < count; c++) {
            int first = base + c * lineStep;
            for (int k = 0; k < m; k++) {
                w[first + k * elementStep] = 0;
            }
            int beforeLast = first + (m - 2) * elementStep;
            w[first] = tau * down[first + wrap];
            w[beforeLast] += tau * up[beforeLast];
        }
        substitute(a, w, w, base, elementStep, lineStep, count);
        for (int c = 0; c < count; c++) {
            int first = base + c * lineStep;
            int beforeLast = first + (m - 2) * elementStep;
            int last = first + wrap;
            double diagonal = 1 + tau * (down[last] + up[beforeLast]);
            double schur = diagonal - tau * (up[last] * w[first] + down[beforeLast] * w[beforeLast]);
            inverseSchur[a][firstLine + c] = 1 / schur;
        }
    }

    /**
     * Forward and back sweeps of the tridiagonal (leading) block: y = T⁻¹r on the first head cells of each line.
     * Blocks of columns (unit line step) get loops with contiguous indices, which the JIT compiler vectorises.
     */
    private void substitute(int a, double[] r, double[] y, int base, int elementStep, int lineStep, int count) {
        double[] down = op.lowerFaces(a);
        double[] inverse = inversePivots[a];
        double[] gamma = multipliers[a];
        int head = periodic[a] ? shape[a] - 1 : shape[a];
        for (int c = 0; c < count; c++) {
            int q = base + c * lineStep;
            y[q] = r[q] * inverse[q];
        }
        if (lineStep == 1) {
            for (int row = base + elementStep; row < base + head * elementStep; row += elementStep) {
                int previous = row - elementStep;
                for (int c = 0; c < count; c++) {
                    y[row + c] = (r[row + c] + tau * down[previous + c] * y[previous + c]) * inverse[row + c];
                }
            }
            for (int row = base + (head - 2) * elementStep; row >= base; row -= elementStep) {
                int following = row + elementStep;
                for (int c = 0; c < count; c++) {
                    y[row + c] += gamma[row + c] * y[following + c];
                }
            }
            return;
        }
        for (int k = 1; k < head; k++) {
            for (int c = 0; c < count; c++) {
                int q = base + k * elementStep + c * lineStep;
                int previous = q - elementStep;
                y[q] = (r[q] + tau * down[previous] * y[previous]) * inverse[q];
            }
        }
        for (int k = head - 2; k >= 0; k--) {
            for (int c = 0; c < count; c++) {
                int q = base + k * elementStep + c * lineStep;
                y[q] += gamma[q] * y[q + elementStep];
            }
        }
    }

    /** The last cell of each periodic line from the bordered system, and its share w added to the others. */
    private void closeCycle(int a, double[] r, double[] y, int base, int elementStep, int lineStep, int count,
            int firstLine) {
        double[] up = op.upperFaces(a);
        double[] down = op.lowerFaces(a);
        double[] w = border[a];
        int m = shape[a];
        for (int c = 0; c < count; c++) {
            int first = base + c * lineStep;
            int beforeLast = first + (m - 2) * elementStep;
            int last = first + (m - 1) * elementStep;
            double yLast = (r[last] + tau * (up[last] * y[first] + down[beforeLast] * y[beforeLast]))
                    * inverseSchur[a][firstLine + c];
            y[last] = yLast;
            for (int k = 0; k < m - 1; k++) {
                int q = first + k * elementStep;
                y[q] += yLast * w[q];
            }
        }
    }
}
