package org.fieldscore.pde.poisson;

import java.util.ArrayList;
import java.util.List;

import org.fieldscore.fields.progress.ProgressListener;

/**
 * Matrix-free preconditioned conjugate gradient (Hestenes &amp; Stiefel 1952) on the symmetric positive
 * (semi-)definite system −W(A − σ)u = −W b, in the flexible Polak–Ribière form (Notay 2000) so that a multigrid
 * cycle may serve as preconditioner. Preconditioners: Jacobi (the diagonal of A − σ) or one multigrid V(2,2)-cycle.
 * The residual that is reported and tested is that of (A − σ)u = b, like the other solvers; when the recursively
 * updated residual meets the tolerance the true residual is recomputed, and the iteration restarts from it if it
 * does not. Immutable.
 */
public final class ConjugateGradientSolver implements PoissonSolver {

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
    public Prepared prepare(EllipticOperator op) {
        MultigridSolver.Hierarchy hierarchy = multigrid ? MultigridSolver.vCycle().prepare(op) : null;
        double[] r = op.newArray();
        double[] z = op.newArray();
        double[] zOld = op.newArray();
        double[] p = op.newArray();
        double[] ap = op.newArray();
        boolean singular = op.isSingular();
        return new Prepared() {
            @Override
            public SolveReport solve(double[] b, double[] x, Stopping stopping) {
                return solve(b, x, stopping, ProgressListener.NONE);
            }

            @Override
            public SolveReport solve(double[] b, double[] x, Stopping stopping, ProgressListener listener) {
                listener.started(name() + " iterations (at most " + stopping.maxIterations() + ")",
                        stopping.maxIterations());
                try {
                    return iterate(b, x, stopping, listener);
                } finally {
                    listener.finished();
                }
            }

            private SolveReport iterate(double[] b, double[] x, Stopping stopping, ProgressListener listener) {
                double rhsNorm = op.norm(b);
                double threshold = stopping.threshold(rhsNorm);
                List<Double> history = new ArrayList<>();
                double res = op.residual(x, b, r);
                history.add(res);
                int iterations = 0;
                boolean restart = true;
                double rz = 0;
                while (res > threshold && iterations < stopping.maxIterations() && Double.isFinite(res)) {
                    precondition(op, hierarchy, singular, r, z);
                    double rzNew = op.weightedDot(r, z);
                    if (restart) {
                        op.copyUnknowns(z, p);
                        restart = false;
                    } else {
                        double beta = (rzNew - op.weightedDot(r, zOld)) / rz;
                        op.xpay(z, beta, p);
                    }
                    rz = rzNew;
                    op.copyUnknowns(z, zOld);
                    op.apply(p, ap);
                    double alpha = rz / op.weightedDot(p, ap);
                    op.axpy(alpha, p, x);
                    op.axpy(-alpha, ap, r);
                    iterations++;
                    res = op.norm(r);
                    if (res <= threshold) {
                        res = op.residual(x, b, r);
                        restart = true;
                    }
                    history.add(res);
                    listener.advanced(iterations, MultigridSolver.relativeResidual(res, rhsNorm));
                }
                if (singular) {
                    op.subtract(x, op.weightedMean(x));
                }
                return new SolveReport(name(), iterations, rhsNorm,
                        history.stream().mapToDouble(Double::doubleValue).toArray(), res <= threshold, threshold);
            }
        };
    }

    private static void precondition(EllipticOperator op, MultigridSolver.Hierarchy hierarchy, boolean singular,
                                      double[] r, double[] z) {
        if (hierarchy != null) {
            hierarchy.precondition(r, z);
        } else {
            op.divideByDiagonal(r, z);
        }
        if (singular) {
            op.subtract(z, op.weightedMean(z));
        }
    }
}
