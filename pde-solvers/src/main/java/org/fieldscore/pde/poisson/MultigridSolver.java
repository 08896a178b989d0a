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
import org.fieldscore.pde.poisson.AxisTransfer.Layout;

/**
 * Geometric multigrid for (∇²<sub>h</sub> − σ)u = b (Brandt 1977; Trottenberg, Oosterlee &amp; Schüller,
 * <i>Multigrid</i>, 2001): re-discretised coarse operators with the same boundary kinds, linear interpolation and its
 * scaled transpose as restriction, red–black over-relaxation or weighted-Jacobi smoothing, and an exact dense Cholesky
 * solve once a level has at most {@value #COARSEST_UNKNOWNS} unknowns.
 *
 * <p>Red–black smoothing over-relaxes by a factor ω that depends on the dimension: 1 in 1-D, 1.15 in 2-D, 1.25 in
 * 3-D. Over-relaxed red–black smoothing is analysed by Yavneh (<i>On red-black SOR smoothing in multigrid</i>, SIAM
 * J. Sci. Comput. 17, 1996); these values were measured on this solver with V(2,2)-cycles. On the 3-D Dirichlet
 * cube they halve the convergence factor (0.048 → 0.025 at 65³), and the 127³ benchmark of docs/performance.md
 * reaches 1e-10 in 7 cycles instead of 10. {@link #withRelaxation} sets another ω.
 *
 * <p>Coarsening halves the number of cells per axis, n → ⌈n/2⌉, so any grid size works (2<sup>k</sup> cells give
 * nested grids); only the axes with the finest spacing are coarsened, which keeps coarse cells nearly isotropic.
 * Cycles: V, W, and full multigrid (FMG: restrict the right-hand side to every level, solve on the coarsest grid,
 * interpolate with {@link AxisTransfer#cubic cubic} interpolation, one V-cycle per level, then further V-cycles until
 * the stopping criterion holds). One FMG cycle reaches the discretisation error, with boundary data too, when the
 * walls are all of one family (vertex Dirichlet; vertex Neumann or Robin; cell Neumann; periodic with cell walls),
 * which the tests check. Boundary data enters only through the restricted right-hand sides, which is not consistent
 * enough at edges where two cell-centred Dirichlet or Robin walls with data meet, or where vertex Dirichlet walls meet
 * Neumann or Robin walls: there the first cycle's error is larger and the following V-cycles do the rest. Immutable.
 */
public final class MultigridSolver extends PreparableSolver implements PoissonSolver {

    /** The cycle shape. */
    public enum Cycle {
        /** One coarse-grid visit per level. */
        V,
        /** Two coarse-grid visits per level. */
        W,
        /** Full multigrid start, then V-cycles. */
        FMG
    }

    /** The smoother. */
    public enum Smoother {
        /** Red–black Gauss–Seidel over-relaxed by ω: red points, then black points, before and after the coarse-grid
         * correction. */
        RED_BLACK,
        /** Weighted Jacobi with ω = 2d/(2d + 1) (d the dimension): 2/3, 4/5, 6/7. */
        WEIGHTED_JACOBI
    }

    /** Coarsening stops once a level has at most this many unknowns. */
    static final int COARSEST_UNKNOWNS = 400;

    /** The red–black relaxation factor per dimension (index 1 to 3). */
    private static final double[] DEFAULT_RELAXATION = {1, 1, 1.15, 1.25};

    private final Cycle cycle;
    private final Smoother smoother;
    private final int preSmoothing;
    private final int postSmoothing;
    /** The red–black relaxation factor ω, or NaN for the default of the dimension. */
    private final double relaxation;

    /**
     * @param cycle the cycle
     * @param smoother the smoother
     * @param preSmoothing sweeps before the coarse-grid correction, ≥ 0
     * @param postSmoothing sweeps after it, ≥ 0, with pre + post ≥ 1
     */
    public MultigridSolver(Cycle cycle, Smoother smoother, int preSmoothing, int postSmoothing) {
        if (preSmoothing < 0 || postSmoothing < 0 || preSmoothing + postSmoothing < 1) {
            throw new IllegalArgumentException("multigrid needs pre- and post-smoothing counts >= 0 with at least one"
                    + " sweep in total, got " + preSmoothing + " and " + postSmoothing);
        }
        this.cycle = java.util.Objects.requireNonNull(cycle, "cycle");
        this.smoother = java.util.Objects.requireNonNull(smoother, "smoother");
        this.preSmoothing = preSmoothing;
        this.postSmoothing = postSmoothing;
        this.relaxation = Double.NaN;
    }

    private MultigridSolver(MultigridSolver base, double relaxation) {
        this.cycle = base.cycle;
        this.smoother = base.smoother;
        this.preSmoothing = base.preSmoothing;
        this.postSmoothing = base.postSmoothing;
        this.relaxation = relaxation;
    }

    /**
     * @param omega the red–black relaxation factor, 0 &lt; ω &lt; 2 (1 is Gauss–Seidel); ignored by weighted Jacobi
     * @return a copy that smooths with this ω in every dimension
     */
    public MultigridSolver withRelaxation(double omega) {
        if (!(omega > 0 && omega < 2)) {
            throw new IllegalArgumentException("red-black relaxation factor must lie in (0, 2), got " + omega);
        }
        return new MultigridSolver(this, omega);
    }

    /** @return V(2,2) with red–black Gauss–Seidel */
    public static MultigridSolver vCycle() {
        return new MultigridSolver(Cycle.V, Smoother.RED_BLACK, 2, 2);
    }

    @Override
    public String name() {
        String base = switch (cycle) {
            case V -> "multigrid";
            case W -> "multigrid-w";
            case FMG -> "fmg";
        };
        return base + (smoother == Smoother.WEIGHTED_JACOBI ? "-jacobi" : "");
    }

    /** @return the cycle */
    public Cycle cycle() {
        return cycle;
    }

    @Override
    Hierarchy prepare(EllipticOperator operator) {
        return new Hierarchy(operator.stencil());
    }

    /**
     * The level hierarchy of one operator with its work arrays: level 0 is the given operator, levels 1 … are
     * {@link CoarseLevel}s, the last one solved exactly. Not thread-safe.
     */
    final class Hierarchy implements PreparedSolve {

        /** The operator of every level, finest first. */
        private final ShiftedLaplacian[] ops;
        /** Level l + 1 (its operator and its transfers from and to level l) at index l. */
        private final List<CoarseLevel> coarse = new ArrayList<>();
        private final Smoothers[] smoothers;
        private final PaddedVectors[] vectors;
        private final double[][] u;
        private final double[][] b;
        private final double[][] jacobiScratch;
        private final double[] tmpA;
        private final double[] tmpB;
        private final DenseDirect coarsest;
        private final double jacobiWeight;
        private final double redBlackFactor;
        /** Whether the cycles of a solve report the fine residual of their last sweep (not when preconditioning). */
        private boolean trackFineResidual;
        /** The fine residual taken during the last cycle's final sweep, or NaN. */
        private double fineResidual = Double.NaN;

        Hierarchy(ShiftedLaplacian fine) {
            List<ShiftedLaplacian> levels = new ArrayList<>();
            levels.add(fine);
            ShiftedLaplacian op = fine;
            long maxTmp = 0;
            while (op.layout().unknownCount() > COARSEST_UNKNOWNS) {
                CoarseLevel next = CoarseLevel.below(op);
                if (next == null) {
                    break;
                }
                coarse.add(next);
                maxTmp = Math.max(maxTmp, (long) next.op.layout().m0 * op.layout().m1 * op.layout().m2);
                levels.add(next.op);
                op = next.op;
            }
            ops = levels.toArray(new ShiftedLaplacian[0]);
            int count = ops.length;
            smoothers = new Smoothers[count];
            vectors = new PaddedVectors[count];
            u = new double[count][];
            b = new double[count][];
            jacobiScratch = new double[count][];
            for (int l = 0; l < count; l++) {
                smoothers[l] = new Smoothers(ops[l]);
                vectors[l] = new PaddedVectors(ops[l]);
                if (l > 0) {
                    u[l] = ops[l].layout().newArray();
                    b[l] = ops[l].layout().newArray();
                }
                jacobiScratch[l] = smoother == Smoother.WEIGHTED_JACOBI ? ops[l].layout().newArray() : null;
            }
            tmpA = new double[(int) maxTmp];
            tmpB = new double[(int) maxTmp];
            coarsest = new DenseDirect(op);
            int d = fine.dimension();
            jacobiWeight = 2.0 * d / (2.0 * d + 1);
            redBlackFactor = Double.isNaN(relaxation) ? DEFAULT_RELAXATION[d] : relaxation;
        }

        @Override
        public SolveReport solve(double[] rhs, double[] solution, Stopping stopping) {
            return solve(rhs, solution, stopping, ProgressListener.NONE);
        }

        @Override
        public SolveReport solve(double[] rhs, double[] solution, Stopping stopping, ProgressListener listener) {
            try {
                return cycles(rhs, solution, stopping, listener);
            } finally {
                listener.finished();
            }
        }

        private SolveReport cycles(double[] rhs, double[] solution, Stopping stopping, ProgressListener listener) {
            u[0] = solution;
            b[0] = rhs;
            double rhsNorm = vectors[0].norm(rhs);
            double threshold = stopping.threshold(rhsNorm);
            double res = ops[0].residual(solution, rhs, null);
            trackFineResidual = true;
            try {
                return cyclesUntilConverged(rhsNorm, threshold, res, stopping, listener);
            } finally {
                trackFineResidual = false;
                u[0] = null;
                b[0] = null;
            }
        }

        private SolveReport cyclesUntilConverged(double rhsNorm, double threshold, double initialResidual,
                                                 Stopping stopping, ProgressListener listener) {
            List<Double> history = new ArrayList<>();
            double res = initialResidual;
            history.add(res);
            ResidualProgress progress = new ResidualProgress(listener, name() + " cycles", stopping.maxIterations(),
                    res, threshold);
            int iterations = 0;
            if (cycle == Cycle.FMG && res > threshold) {
                fullMultigrid();
                iterations++;
                res = takeFineResidual();
                history.add(res);
                progress.advanced(iterations, res, relativeResidual(res, rhsNorm));
            }
            while (res > threshold && iterations < stopping.maxIterations() && Double.isFinite(res)) {
                cycle(0, cycle == Cycle.W ? 2 : 1);
                iterations++;
                res = takeFineResidual();
                history.add(res);
                progress.advanced(iterations, res, relativeResidual(res, rhsNorm));
            }
            if (ops[0].isSingular()) {
                vectors[0].removeWeightedMean(u[0]);
            }
            return new SolveReport(name(), iterations, rhsNorm, history.stream().mapToDouble(Double::doubleValue)
                    .toArray(), res <= threshold, threshold);
        }

        /**
         * @return ‖b − Au‖ on the finest level after the last cycle: taken during its last post-smoothing sweep when
         *     that was a red–black sweep, computed otherwise
         */
        private double takeFineResidual() {
            double res = Double.isNaN(fineResidual) ? ops[0].residual(u[0], b[0], null) : fineResidual;
            fineResidual = Double.NaN;
            return res;
        }

        /** Applies one cycle to the error equation with zero initial guess: z ≈ (A − σ)⁻¹ v (a preconditioner). */
        void precondition(double[] v, double[] z) {
            java.util.Arrays.fill(z, 0.0);
            u[0] = z;
            b[0] = v;
            cycle(0, cycle == Cycle.W ? 2 : 1);
            u[0] = null;
            b[0] = null;
        }

        private void cycle(int level, int gamma) {
            if (level == ops.length - 1) {
                coarsest.solve(b[level], u[level]);
                return;
            }
            smooth(level, preSmoothing);
            restrictResidual(level);
            java.util.Arrays.fill(u[level + 1], 0.0);
            for (int g = 0; g < gamma; g++) {
                cycle(level + 1, gamma);
            }
            interpolate(coarse.get(level).interpolation, level, u[level + 1], u[level], true);
            if (level == 0 && trackFineResidual && smoother == Smoother.RED_BLACK && postSmoothing > 0) {
                smooth(level, postSmoothing - 1);
                fineResidual = smoothers[0].redBlackWithResidual(u[0], b[0], redBlackFactor);
            } else {
                smooth(level, postSmoothing);
            }
        }

        private void fullMultigrid() {
            int last = ops.length - 1;
            for (int l = 0; l < last; l++) {
                restrict(l, b[l], b[l + 1]);
            }
            coarsest.solve(b[last], u[last]);
            for (int l = last - 1; l >= 0; l--) {
                interpolate(coarse.get(l).cubic, l, u[l + 1], u[l], false);
                cycle(l, 1);
            }
        }

        private void smooth(int level, int sweeps) {
            for (int s = 0; s < sweeps; s++) {
                if (smoother == Smoother.RED_BLACK) {
                    smoothers[level].redBlack(u[level], b[level], redBlackFactor);
                } else {
                    smoothers[level].jacobi(u[level], b[level], jacobiScratch[level], jacobiWeight);
                }
            }
        }

        /**
         * b<sub>l+1</sub> = R(b<sub>l</sub> − A<sub>l</sub>u<sub>l</sub>): the residual is restricted along x row by
         * row as it is computed, so the fine residual is never stored.
         */
        private void restrictResidual(int level) {
            ShiftedLaplacian f = ops[level];
            PaddedLayout fl = f.layout();
            AxisTransfer rx = coarse.get(level).restriction[0];
            Layout la = Layout.compact(ops[level + 1].layout().m0, fl.m1, fl.m2);
            double[] fu = u[level];
            double[] fb = b[level];
            f.fillGhosts(fu);
            fl.forEachRowRange((lo, hi) -> {
                double[] row = new double[fl.m0];
                for (int line = lo; line < hi; line++) {
                    int j = line % fl.m1;
                    int k = line / fl.m1;
                    f.residualRow(fu, fb, j, k, row);
                    rx.applyRow(row, 0, tmpA, la.origin() + j * la.sy() + k * la.sz(), false);
                }
            });
            restrictYz(level, la, b[level + 1]);
        }

        private void restrict(int level, double[] fineArray, double[] coarseArray) {
            PaddedLayout f = ops[level].layout();
            Layout la = Layout.compact(ops[level + 1].layout().m0, f.m1, f.m2);
            coarse.get(level).restriction[0].apply(0, fineArray, Layout.padded(f), tmpA, la, false);
            restrictYz(level, la, coarseArray);
        }

        /** Restricts tmpA (already restricted along x) along y and z into the coarse array. */
        private void restrictYz(int level, Layout la, double[] coarseArray) {
            PaddedLayout f = ops[level].layout();
            PaddedLayout c = ops[level + 1].layout();
            AxisTransfer[] rr = coarse.get(level).restriction;
            Layout lb = Layout.compact(c.m0, c.m1, f.m2);
            rr[1].apply(1, tmpA, la, tmpB, lb, false);
            rr[2].apply(2, tmpB, lb, coarseArray, Layout.padded(c), false);
            if (ops[level + 1].isSingular()) {
                vectors[level + 1].removeWeightedMean(coarseArray);
            }
        }

        private void interpolate(AxisTransfer[] p, int level, double[] coarseArray, double[] fineArray, boolean add) {
            PaddedLayout f = ops[level].layout();
            PaddedLayout c = ops[level + 1].layout();
            Layout la = Layout.compact(c.m0, c.m1, f.m2);
            Layout lb = Layout.compact(c.m0, f.m1, f.m2);
            p[2].apply(2, coarseArray, Layout.padded(c), tmpA, la, false);
            p[1].apply(1, tmpA, la, tmpB, lb, false);
            p[0].apply(0, tmpB, lb, fineArray, Layout.padded(f), add);
        }
    }

    /** @return the progress detail of an iteration: its relative residual */
    static String relativeResidual(double residual, double rhsNorm) {
        return String.format(java.util.Locale.ROOT, "residual %.2e", rhsNorm > 0 ? residual / rhsNorm : residual);
    }
}
