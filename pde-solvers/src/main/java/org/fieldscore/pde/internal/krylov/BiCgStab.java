package org.fieldscore.pde.internal.krylov;

import java.util.Arrays;

/**
 * Preconditioned BiCGSTAB (H. A. van der Vorst, "Bi-CGSTAB: a fast and smoothly converging variant of Bi-CG
 * for the solution of nonsymmetric linear systems", SIAM J. Sci. Stat. Comput. 13, 631–644, 1992), right
 * preconditioned so that the residual it monitors is the true one. Stops when ‖b − A x‖₂ ≤ max(relative·‖b‖₂,
 * absolute) or after maxIterations, the true residual b − A x being recomputed whenever the recursion ends; a
 * breakdown (ρ or ω vanishing) restarts from the current iterate with a fresh shadow residual, as long as the
 * restart improved the residual. The work arrays are allocated once per solver.
 */
public final class BiCgStab {

    private final int n;
    private final double[] r;
    private final double[] shadow;
    private final double[] p;
    private final double[] v;
    private final double[] s;
    private final double[] t;
    private final double[] hat;

    /** @param n the number of unknowns */
    public BiCgStab(int n) {
        this.n = n;
        this.r = new double[n];
        this.shadow = new double[n];
        this.p = new double[n];
        this.v = new double[n];
        this.s = new double[n];
        this.t = new double[n];
        this.hat = new double[n];
    }

    /**
     * Solves A x = b, starting from the given x.
     *
     * @param a the operator
     * @param preconditioner z = M r with M ≈ A⁻¹ (right preconditioning)
     * @param b the right-hand side
     * @param x the start, overwritten by the solution
     * @param relative relative tolerance
     * @param absolute absolute tolerance
     * @param maxIterations the cap
     * @return how it ended
     */
    public KrylovReport solve(LinearMap a, LinearMap preconditioner, double[] b, double[] x, double relative,
            double absolute, int maxIterations) {
        double bNorm = Vectors.norm(b);
        double threshold = Math.max(relative * bNorm, absolute);
        residual(a, b, x);
        double rNorm = Vectors.norm(r);
        int iterations = 0;
        double normAtRestart = Double.POSITIVE_INFINITY;
        while (rNorm > threshold && iterations < maxIterations && rNorm < normAtRestart) {
            normAtRestart = rNorm;
            System.arraycopy(r, 0, shadow, 0, n);
            Arrays.fill(p, 0);
            Arrays.fill(v, 0);
            double rho = 1;
            double alpha = 1;
            double omega = 1;
            while (rNorm > threshold && iterations < maxIterations) {
                double rhoNew = Vectors.dot(shadow, r, null);
                if (rhoNew == 0 || omega == 0) {
                    break;
                }
                double beta = (rhoNew / rho) * (alpha / omega);
                rho = rhoNew;
                for (int i = 0; i < n; i++) {
                    p[i] = r[i] + beta * (p[i] - omega * v[i]);
                }
                preconditioner.apply(p, hat);
                a.apply(hat, v);
                double sv = Vectors.dot(shadow, v, null);
                if (sv == 0) {
                    break;
                }
                alpha = rho / sv;
                for (int i = 0; i < n; i++) {
                    s[i] = r[i] - alpha * v[i];
                }
                Vectors.axpy(alpha, hat, x);
                iterations++;
                double sNorm = Vectors.norm(s);
                if (sNorm <= threshold) {
                    break;
                }
                preconditioner.apply(s, hat);
                a.apply(hat, t);
                double tt = Vectors.dot(t, t, null);
                omega = tt > 0 ? Vectors.dot(t, s, null) / tt : 0;
                Vectors.axpy(omega, hat, x);
                for (int i = 0; i < n; i++) {
                    r[i] = s[i] - omega * t[i];
                }
                rNorm = Vectors.norm(r);
            }
            residual(a, b, x);
            rNorm = Vectors.norm(r);
        }
        return new KrylovReport(iterations, rNorm, bNorm, rNorm <= threshold);
    }

    private void residual(LinearMap a, double[] b, double[] x) {
        a.apply(x, t);
        for (int i = 0; i < n; i++) {
            r[i] = b[i] - t[i];
        }
    }
}
