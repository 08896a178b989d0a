package org.fieldscore.pde.internal.stencil;

/**
 * The entries of the symmetric matrix −W(A − σ) of a {@link ShiftedLaplacian} in unknown numbering
 * i + m0·(j + m1·k), for the direct (dense and sparse Cholesky) solvers: the ghost rules u<sub>ghost</sub> =
 * s·u<sub>adjacent</sub> + t·u<sub>next</sub> of {@link AxisSpec} fold into the diagonal (s) and a second
 * off-diagonal (t); periodic ends wrap. Immutable.
 */
public final class MatrixAssembly {

    /** Receives one matrix entry. */
    @FunctionalInterface
    public interface Entry {
        /**
         * @param row the row in unknown numbering
         * @param column the column in unknown numbering
         * @param value the entry (entries for the same row and column are to be summed)
         */
        void accept(int row, int column, double value);
    }

    private final ShiftedLaplacian op;

    /** @param op the operator */
    public MatrixAssembly(ShiftedLaplacian op) {
        this.op = op;
    }

    /**
     * Enumerates the entries of −W(A − σ), row by row; duplicates are to be summed.
     *
     * @param entry receives the entries
     */
    public void forEachSymmetricEntry(Entry entry) {
        int[] m = op.layout().unknownShape();
        int[] unknownStride = {1, m[0], m[0] * m[1]};
        int[] idx = new int[3];
        for (int k = 0; k < m[2]; k++) {
            for (int j = 0; j < m[1]; j++) {
                for (int i = 0; i < m[0]; i++) {
                    idx[0] = i;
                    idx[1] = j;
                    idx[2] = k;
                    int row = i + m[0] * (j + m[1] * k);
                    double w = op.weight(i, j, k);
                    entry.accept(row, row, -w * op.diagonal(i, j, k));
                    for (int a = 0; a < 3; a++) {
                        AxisSpec spec = op.axis(a);
                        if (!spec.active()) {
                            continue;
                        }
                        int me = idx[a];
                        for (int dir = -1; dir <= 1; dir += 2) {
                            int nb = me + dir;
                            double cw = -w * spec.coefficient;
                            if (nb >= 0 && nb < m[a]) {
                                entry.accept(row, row + dir * unknownStride[a], cw);
                            } else if (spec.periodic()) {
                                int wrapped = nb < 0 ? m[a] - 1 : 0;
                                entry.accept(row, row + (wrapped - me) * unknownStride[a], cw);
                            } else {
                                int side = nb < 0 ? 0 : 1;
                                double t = spec.ghostNext[side];
                                if (t != 0) {
                                    int next = side == 0 ? 1 : m[a] - 2;
                                    entry.accept(row, row + (next - me) * unknownStride[a], cw * t);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
