package org.fieldscore.pde.internal.krylov;

/**
 * Preconditioned conjugate gradients in the inner product ⟨x, y⟩<sub>w</sub> = Σ x·y·w, for an operator
 * that is self-adjoint and positive definite in that inner product though not symmetric as a matrix (Hestenes &amp;
 * Stiefel 1952; any inner product in which A is self-adjoint serves, with a preconditioner M self-adjoint and
 * positive definite in it too, i.e. W·M symmetric: a diagonal one, or W⁻¹B for a symmetric multigrid cycle B). Stops when the residual in the weighted norm ‖b − A x‖<sub>w</sub> ≤
 * max(relative·‖b‖<sub>w</sub>, absolute) or after maxIterations: the norm the method is built on, which for the
 * exp(U) weights of a Fokker–Planck operator asks for relative accuracy where the density is small too.
 */
public final class WeightedConjugateGradient {

    private final int n;
    private final double[] r;
    private final double[] z;
    private final double[] p;
    private final double[] q;

    /** @param n the number of unknowns */
    public WeightedConjugateGradient(int n) {
        this.n = n;
        this.r = new double[n];
        this.z = new double[n];
        this.p = new double[n];
        this.q = new double[n];
    }

    /**
     * @param a the operator, self-adjoint and positive definite in ⟨·,·⟩<sub>w</sub>
     * @param weights w &gt; 0
     * @param preconditioner z = M r with M ≈ A⁻¹, self-adjoint and positive definite in ⟨·,·⟩<sub>w</sub>
     * @param b the right-hand side
     * @param x the start, overwritten by the solution
     * @param relative relative tolerance
     * @param absolute absolute tolerance
     * @param maxIterations the cap
     * @return how it ended
     */
    public KrylovReport solve(LinearMap a, double[] weights, LinearMap preconditioner, double[] b, double[] x,
            double relative, double absolute, int maxIterations) {
        double bNorm = Math.sqrt(Vectors.dot(b, b, weights));
        double threshold = Math.max(relative * bNorm, absolute);
        a.apply(x, q);
        for (int i = 0; i < n; i++) {
            r[i] = b[i] - q[i];
        }
        double rNorm = Math.sqrt(Vectors.dot(r, r, weights));
        preconditioner.apply(r, z);
        System.arraycopy(z, 0, p, 0, n);
        double rho = Vectors.dot(r, z, weights);
        int iterations = 0;
        while (rNorm > threshold && iterations < maxIterations) {
            a.apply(p, q);
            double pq = Vectors.dot(p, q, weights);
            if (!(pq > 0)) {
                break;
            }
            double alpha = rho / pq;
            Vectors.axpy(alpha, p, x);
            Vectors.axpy(-alpha, q, r);
            iterations++;
            rNorm = Math.sqrt(Vectors.dot(r, r, weights));
            preconditioner.apply(r, z);
            double rhoNew = Vectors.dot(r, z, weights);
            double beta = rhoNew / rho;
            rho = rhoNew;
            for (int i = 0; i < n; i++) {
                p[i] = z[i] + beta * p[i];
            }
        }
        a.apply(x, q);
        for (int i = 0; i < n; i++) {
            r[i] = b[i] - q[i];
        }
        rNorm = Math.sqrt(Vectors.dot(r, r, weights));
        return new KrylovReport(iterations, rNorm, bNorm, rNorm <= threshold);
    }
}
