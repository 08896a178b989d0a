package org.fieldscore.pde.poisson;

import java.util.HashMap;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * Sparse Cholesky factorisation (EJML {@code LinearSolverFactory_DSCC.cholesky}) of the symmetric matrix −W(A − σ):
 * the exact reference for small grids. A singular (pure Neumann/periodic) operator is made definite by fixing the
 * first unknown to zero; the solution is then shifted to zero weighted mean. Immutable.
 */
public final class SparseDirectSolver implements PoissonSolver {

    /** Largest number of unknowns accepted (the factor of a 3-D grid fills in like n<sup>5/3</sup>). */
    public static final int MAX_UNKNOWNS = 40_000;

    @Override
    public String name() {
        return "direct";
    }

    @Override
    public Prepared prepare(EllipticOperator op) {
        int n = op.unknownCount();
        if (n > MAX_UNKNOWNS) {
            throw new IllegalArgumentException("the direct solver is for small grids: " + n + " unknowns exceed the limit "
                    + MAX_UNKNOWNS + "; use multigrid");
        }
        boolean singular = op.isSingular();
        Map<Long, Double> entries = new HashMap<>();
        op.forEachSymmetricEntry((r, c, v) -> {
            if (!singular || (r != 0 && c != 0)) {
                entries.merge((long) r * n + c, v, Double::sum);
            }
        });
        if (singular) {
            entries.put(0L, 1.0);
        }
        DMatrixSparseTriplet triplet = new DMatrixSparseTriplet(n, n, entries.size());
        entries.forEach((key, v) -> triplet.addItem((int) (key / n), (int) (key % n), v));
        DMatrixSparseCSC matrix = DConvertMatrixStruct.convert(triplet, (DMatrixSparseCSC) null);
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver = LinearSolverFactory_DSCC.cholesky(FillReducing.NONE);
        if (!solver.setA(matrix)) {
            throw new IllegalStateException("sparse Cholesky factorisation failed for " + op);
        }
        double[] weights = new double[n];
        int[] shape = op.unknownShape();
        for (int k = 0; k < shape[2]; k++) {
            for (int j = 0; j < shape[1]; j++) {
                for (int i = 0; i < shape[0]; i++) {
                    weights[i + shape[0] * (j + shape[1] * k)] = op.weight(i, j, k);
                }
            }
        }
        double[] packed = new double[n];
        return (b, u, stopping) -> {
            op.pack(b, packed);
            DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
            for (int i = 0; i < n; i++) {
                rhs.data[i] = -weights[i] * packed[i];
            }
            if (singular) {
                rhs.data[0] = 0;
            }
            DMatrixRMaj x = new DMatrixRMaj(n, 1);
            solver.solve(rhs, x);
            op.unpack(x.data, u);
            if (singular) {
                op.subtract(u, op.weightedMean(u));
            }
            return SpectralSolver.exactReport(name(), op, b, u, stopping);
        };
    }
}
