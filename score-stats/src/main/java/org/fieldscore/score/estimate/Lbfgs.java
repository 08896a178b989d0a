package org.fieldscore.score.estimate;

import static org.fieldscore.score.estimate.CorrectionHistory.dot;
import static org.fieldscore.score.estimate.CorrectionHistory.normInf;

import java.util.Arrays;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, Numerical Optimization, 2nd ed., Alg. 7.4 and 7.5) with a line search
 * satisfying the strong Wolfe conditions (Alg. 3.5/3.6, c₁ = 1e-4, c₂ = 0.9, zoom by safeguarded cubic
 * interpolation). Hipparchus 4 offers no quasi-Newton optimiser, hence this small one. Stops when
 * ‖∇f‖<sub>∞</sub> ≤ tolerance, when a step no longer changes f (relative change ≤ 1e-15 twice in a row), or after
 * the iteration limit. Immutable.
 */
public final class Lbfgs {

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;

    private final int memory;
    private final double gradientTolerance;
    private final int maxIterations;

    /**
     * @param memory number of correction pairs kept (5 to 20 is usual)
     * @param gradientTolerance stop when the largest gradient component is at most this
     * @param maxIterations iteration limit
     */
    public Lbfgs(int memory, double gradientTolerance, int maxIterations) {
        if (memory < 1) {
            throw new IllegalArgumentException("memory must be at least 1, got " + memory);
        }
        if (!(gradientTolerance >= 0)) {
            throw new IllegalArgumentException("gradient tolerance must be ≥ 0, got " + gradientTolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        this.memory = memory;
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * The result of a minimisation.
     *
     * @param point the final θ
     * @param value f there
     * @param gradientNorm ‖∇f‖<sub>∞</sub> there
     * @param iterations iterations done
     * @param evaluations objective evaluations done
     * @param converged whether the gradient tolerance was met
     */
    public record Result(double[] point, double value, double gradientNorm, int iterations, int evaluations,
            boolean converged) {
    }

    /**
     * @param f the objective
     * @param start the starting point (not modified)
     * @return the minimiser found
     * @throws IllegalArgumentException if f or its gradient is not finite at the start
     */
    public Result minimize(DifferentiableObjective f, double[] start) {
        return minimize(f, start, new CorrectionHistory(memory, start.length));
    }

    /** As {@link #minimize(DifferentiableObjective, double[])}, filling the given (empty) history. */
    Result minimize(DifferentiableObjective f, double[] start, CorrectionHistory history) {
        int m = start.length;
        double[] x = start.clone();
        double[] g = new double[m];
        double fx = f.valueAndGradient(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx) || !allFinite(g)) {
            throw new IllegalArgumentException("objective or gradient not finite at the starting point "
                    + Arrays.toString(start) + " (value " + fx + ")");
        }
        double[] dir = new double[m];
        double[] xNew = new double[m];
        double[] gNew = new double[m];
        int stalls = 0;
        int iter = 0;
        while (iter < maxIterations && normInf(g) > gradientTolerance) {
            iter++;
            for (int i = 0; i < m; i++) {
                dir[i] = -g[i];
            }
            history.multiplyByInverseHessian(dir);
            double slope = dot(g, dir);
            if (!(slope < 0)) {
                // not a descent direction (numerical trouble): restart with steepest descent
                history.clear();
                for (int i = 0; i < m; i++) {
                    dir[i] = -g[i] / Math.max(1, normInf(g));
                }
                slope = dot(g, dir);
            }
            LineSearch ls = new LineSearch(f, x, fx, g, dir, slope, xNew, gNew);
            double step = ls.search();
            evaluations += ls.evaluations;
            if (step == 0) {
                break;
            }
            double fNew = ls.value;
            history.offer(x, xNew, g, gNew);
            stalls = Math.abs(fNew - fx) <= 1e-15 * Math.max(1, Math.abs(fx)) ? stalls + 1 : 0;
            System.arraycopy(xNew, 0, x, 0, m);
            System.arraycopy(gNew, 0, g, 0, m);
            fx = fNew;
            if (stalls >= 2) {
                break;
            }
        }
        double gn = normInf(g);
        return new Result(x, fx, gn, iter, evaluations, gn <= gradientTolerance);
    }

    /** Strong-Wolfe line search along dir from x. */
    private static final class LineSearch {
        private final DifferentiableObjective f;
        private final double[] x;
        private final double f0;
        private final double[] dir;
        private final double slope0;
        private final double[] xTrial;
        private final double[] gTrial;
        private double value;
        private int evaluations;

        LineSearch(DifferentiableObjective f, double[] x, double f0, double[] g0, double[] dir, double slope0,
                double[] xTrial, double[] gTrial) {
            this.f = f;
            this.x = x;
            this.f0 = f0;
            this.dir = dir;
            this.slope0 = slope0;
            this.xTrial = xTrial;
            this.gTrial = gTrial;
        }

        /** Evaluates at x + a·dir; returns the directional derivative, stores the value. */
        private double evaluate(double a) {
            for (int i = 0; i < x.length; i++) {
                xTrial[i] = x[i] + a * dir[i];
            }
            value = f.valueAndGradient(xTrial, gTrial);
            evaluations++;
            return Double.isFinite(value) ? dot(gTrial, dir) : Double.NaN;
        }

        /** @return the accepted step (x + step·dir left in xTrial, gTrial, value), or 0 if none found */
        double search() {
            double aPrev = 0;
            double fPrev = f0;
            double dPrev = slope0;
            double a = 1;
            for (int i = 0; i < 40; i++) {
                double d = evaluate(a);
                if (!Double.isFinite(value) || Double.isNaN(d)) {
                    a = 0.5 * (aPrev + a);
                    continue;
                }
                if (value > f0 + C1 * a * slope0 || (i > 0 && value >= fPrev)) {
                    return zoom(aPrev, fPrev, dPrev, a, value, d);
                }
                if (Math.abs(d) <= -C2 * slope0) {
                    return a;
                }
                if (d >= 0) {
                    return zoom(a, value, d, aPrev, fPrev, dPrev);
                }
                aPrev = a;
                fPrev = value;
                dPrev = d;
                a *= 2;
            }
            return 0;
        }

        private double zoom(double lo, double fLo, double dLo, double hi, double fHi, double dHi) {
            for (int i = 0; i < 60; i++) {
                double a = cubicMinimum(lo, fLo, dLo, hi, fHi, dHi);
                double d = evaluate(a);
                if (!Double.isFinite(value) || value > f0 + C1 * a * slope0 || value >= fLo) {
                    hi = a;
                    fHi = value;
                    dHi = d;
                } else {
                    if (Math.abs(d) <= -C2 * slope0) {
                        return a;
                    }
                    if (d * (hi - lo) >= 0) {
                        hi = lo;
                        fHi = fLo;
                        dHi = dLo;
                    }
                    lo = a;
                    fLo = value;
                    dLo = d;
                }
                if (Math.abs(hi - lo) <= 1e-16 * Math.max(1, Math.abs(lo))) {
                    break;
                }
            }
            // accept the best point seen if it decreased f at all
            if (fLo < f0 && lo != 0) {
                evaluate(lo);
                return lo;
            }
            return 0;
        }

        /** Minimiser of the cubic through the two end points, kept inside the middle 80% of the bracket. */
        private static double cubicMinimum(double a, double fa, double da, double b, double fb, double db) {
            double lo = Math.min(a, b);
            double hi = Math.max(a, b);
            double d1 = da + db - 3 * (fa - fb) / (a - b);
            double disc = d1 * d1 - da * db;
            double t = Double.NaN;
            if (disc >= 0 && Double.isFinite(fb) && Double.isFinite(db)) {
                double d2 = Math.signum(b - a) * Math.sqrt(disc);
                t = b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
            }
            double margin = 0.1 * (hi - lo);
            if (!(t >= lo + margin && t <= hi - margin)) {
                t = 0.5 * (lo + hi);
            }
            return t;
        }
    }

    private static boolean allFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }
}
