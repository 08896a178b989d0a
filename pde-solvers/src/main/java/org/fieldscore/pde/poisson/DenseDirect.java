package org.fieldscore.pde.poisson;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.fieldscore.pde.internal.stencil.MatrixAssembly;
import org.fieldscore.pde.internal.stencil.PaddedLayout;
import org.fieldscore.pde.internal.stencil.PaddedVectors;
import org.fieldscore.pde.internal.stencil.ShiftedLaplacian;

/**
 * Exact solve of a small system by dense Cholesky factorisation of −W(A − σ) (the coarsest multigrid level). A
 * singular operator is made definite by adding the rank-one term c·(W1)(W1)ᵀ/ΣW, whose solution for an admissible b
 * is the one with zero weighted mean.
 */
final class DenseDirect {

    /** Largest number of unknowns factorised densely. */
    static final int MAX_UNKNOWNS = 4096;

    private final PaddedLayout layout;
    private final LinearSolverDense<DMatrixRMaj> solver;
    private final double[] weights;
    private final DMatrixRMaj rhs;
    private final DMatrixRMaj solution;
    private final double[] packed;

    DenseDirect(ShiftedLaplacian op) {
        this.layout = op.layout();
        int n = layout.unknownCount();
        if (n > MAX_UNKNOWNS) {
            throw new IllegalArgumentException("dense factorisation of " + n + " unknowns is too large (limit "
                    + MAX_UNKNOWNS + ")");
        }
        DMatrixRMaj matrix = new DMatrixRMaj(n, n);
        new MatrixAssembly(op).forEachSymmetricEntry((r, c, v) -> matrix.add(r, c, v));
        weights = new PaddedVectors(op).packedWeights();
        double maxDiagonal = 0;
        for (int i = 0; i < n; i++) {
            maxDiagonal = Math.max(maxDiagonal, matrix.get(i, i));
        }
        double[] w = weights;
        if (op.isSingular()) {
            double total = 0;
            for (double x : w) {
                total += x;
            }
            double scale = maxDiagonal / total;
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    matrix.add(r, c, scale * w[r] * w[c]);
                }
            }
        }
        solver = LinearSolverFactory_DDRM.chol(n);
        if (!solver.setA(matrix)) {
            throw new IllegalStateException("Cholesky factorisation failed on the coarse level " + op);
        }
        rhs = new DMatrixRMaj(n, 1);
        solution = new DMatrixRMaj(n, 1);
        packed = new double[n];
    }

    /** u = (A − σ)⁻¹ b exactly (padded arrays). */
    void solve(double[] b, double[] u) {
        layout.pack(b, packed);
        double[] data = rhs.data;
        for (int i = 0; i < packed.length; i++) {
            data[i] = -weights[i] * packed[i];
        }
        solver.solve(rhs, solution);
        layout.unpack(solution.data, u);
    }
}
