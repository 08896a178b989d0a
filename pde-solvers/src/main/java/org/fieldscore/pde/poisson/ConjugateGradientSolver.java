package org.fieldscore.pde.poisson;

import java.util.ArrayList;
import java.util.List;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.pde.SolveReport;
import org.fieldscore.pde.Stopping;
import org.fieldscore.pde.internal.EllipticOperator;
import org.fieldscore.pde.internal.solve.PreparedSolve;
import org.fieldscore.pde.internal.stencil.PaddedLayout;
import org.fieldscore.pde.internal.stencil.PaddedVectors;
import org.fieldscore.pde.internal.stencil.ShiftedLaplacian;
import org.fieldscore.pde.internal.stencil.Smoothers;

/**
 * Matrix-free preconditioned conjugate gradient (Hestenes &amp; Stiefel 1952) on the symmetric positive
 * (semi-)definite system −W(A − σ)u = −W b, in the flexible Polak–Ribière form (Notay 2000) so that a multigrid
 * cycle may serve as preconditioner. Preconditioners: Jacobi (the diagonal of A − σ) or one multigrid V(2,2)-cycle.
 * The residual that is reported and tested is that of (A − σ)u = b, like the other solvers; when the recursively
 * updated residual meets the tolerance the true residual is recomputed, and the iteration restarts from it if it
 * does not. Immutable.
 */
public final class ConjugateGradientSolver extends PreparableSolver implements PoissonSolver {

    private final boolean multigrid;

    private ConjugateGradientSolver(boolean multigrid) {
        this.multigrid = multigrid;
    }

    /** @return CG with Jacobi preconditioning */
    public static ConjugateGradientSolver jacobi() {
        return new ConjugateGradientSolver(false);
    }

    /** @return CG preconditioned by one multigrid V(2,2)-cycle */
    public static ConjugateGradientSolver multigrid() {
        return new ConjugateGradientSolver(true);
    }

    @Override
    public String name() {
        return multigrid ? "cg-multigrid" : "cg";
    }

    @Override
    PreparedSolve prepare(EllipticOperator op) {
        MultigridSolver.Hierarchy hierarchy = multigrid ? MultigridSolver.vCycle().prepare(op) : null;
        ShiftedLaplacian a = op.stencil();
        PaddedLayout layout = op.layout();
        PaddedVectors vectors = op.vectors();
        Smoothers jacobi = new Smoothers(a);
        double[] r = op.newArray();
        double[] z = op.newArray();
        double[] zOld = op.newArray();
        double[] p = op.newArray();
        double[] ap = op.newArray();
        boolean singular = op.isSingular();
        return new PreparedSolve() {
            @Override
            public SolveReport solve(double[] b, double[] x, Stopping stopping) {
                return solve(b, x, stopping, ProgressListener.NONE);
            }

            @Override
            public SolveReport solve(double[] b, double[] x, Stopping stopping, ProgressListener listener) {
                try {
                    return iterate(b, x, stopping, listener);
                } finally {
                    listener.finished();
                }
            }

            private SolveReport iterate(double[] b, double[] x, Stopping stopping, ProgressListener listener) {
                double rhsNorm = vectors.norm(b);
                double threshold = stopping.threshold(rhsNorm);
                List<Double> history = new ArrayList<>();
                double res = a.residual(x, b, r);
                history.add(res);
                ResidualProgress progress = new ResidualProgress(listener, name() + " iterations",
                        stopping.maxIterations(), res, threshold);
                int iterations = 0;
                boolean restart = true;
                double rz = 0;
                while (res > threshold && iterations < stopping.maxIterations() && Double.isFinite(res)) {
                    precondition(hierarchy, jacobi, vectors, singular, r, z);
                    double rzNew = vectors.weightedDot(r, z);
                    if (restart) {
                        layout.copyUnknowns(z, p);
                        restart = false;
                    } else {
                        double beta = (rzNew - vectors.weightedDot(r, zOld)) / rz;
                        vectors.xpay(z, beta, p);
                    }
                    rz = rzNew;
                    layout.copyUnknowns(z, zOld);
                    a.apply(p, ap);
                    double alpha = rz / vectors.weightedDot(p, ap);
                    vectors.axpy(alpha, p, x);
                    vectors.axpy(-alpha, ap, r);
                    iterations++;
                    res = vectors.norm(r);
                    if (res <= threshold) {
                        res = a.residual(x, b, r);
                        restart = true;
                    }
                    history.add(res);
                    progress.advanced(iterations, res, MultigridSolver.relativeResidual(res, rhsNorm));
                }
                if (singular) {
                    vectors.removeWeightedMean(x);
                }
                return new SolveReport(name(), iterations, rhsNorm,
                        history.stream().mapToDouble(Double::doubleValue).toArray(), res <= threshold, threshold);
            }
        };
    }

    private static void precondition(MultigridSolver.Hierarchy hierarchy, Smoothers jacobi, PaddedVectors vectors,
                                     boolean singular, double[] r, double[] z) {
        if (hierarchy != null) {
            hierarchy.precondition(r, z);
        } else {
            jacobi.divideByDiagonal(r, z);
        }
        if (singular) {
            vectors.removeWeightedMean(z);
        }
    }
}
