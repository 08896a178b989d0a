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
import org.fieldscore.pde.internal.EllipticOperator;
import org.fieldscore.pde.internal.solve.PreparedSolve;
import org.fieldscore.pde.internal.stencil.MatrixAssembly;
import org.fieldscore.pde.internal.stencil.PaddedLayout;
import org.fieldscore.pde.internal.stencil.PaddedVectors;

/**
 * Sparse Cholesky factorisation (EJML {@code LinearSolverFactory_DSCC.cholesky}) of the symmetric matrix −W(A − σ):
 * the exact reference for small grids. A singular (pure Neumann/periodic) operator is made definite by fixing the
 * first unknown to zero; the solution is then shifted to zero weighted mean. Immutable.
 */
public final class SparseDirectSolver extends PreparableSolver implements PoissonSolver {

    /** Largest number of unknowns accepted (the factor of a 3-D grid fills in like n<sup>5/3</sup>). */
    public static final int MAX_UNKNOWNS = 40_000;

    @Override
    public String name() {
        return "direct";
    }

    @Override
    PreparedSolve prepare(EllipticOperator op) {
        int n = op.unknownCount();
        if (n > MAX_UNKNOWNS) {
            throw new IllegalArgumentException("the direct solver is for small grids: " + n + " unknowns exceed the limit "
                    + MAX_UNKNOWNS + "; use multigrid");
        }
        boolean singular = op.isSingular();
        Map<Long, Double> entries = new HashMap<>();
        PaddedLayout layout = op.layout();
        PaddedVectors vectors = op.vectors();
        new MatrixAssembly(op.stencil()).forEachSymmetricEntry((r, c, v) -> {
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
        double[] weights = vectors.packedWeights();
        double[] packed = new double[n];
        return (b, u, stopping) -> {
            layout.pack(b, packed);
            DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
            for (int i = 0; i < n; i++) {
                rhs.data[i] = -weights[i] * packed[i];
            }
            if (singular) {
                rhs.data[0] = 0;
            }
            DMatrixRMaj x = new DMatrixRMaj(n, 1);
            solver.solve(rhs, x);
            layout.unpack(x.data, u);
            if (singular) {
                vectors.removeWeightedMean(u);
            }
            return SpectralSolver.exactReport(name(), op, b, u, stopping);
        };
    }
}
