package org.fieldscore.pde.fokkerplanck;

import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.pde.internal.krylov.LinearMap;
import org.fieldscore.pde.internal.krylov.Vectors;
import org.fieldscore.pde.internal.multigrid.DiffusionMultigrid;

/**
 * The preconditioners of the Fokker–Planck linear solves: one multigrid V-cycle ({@link DiffusionMultigrid}) for a
 * symmetric diffusion operator built from L, or Jacobi where no hierarchy can be built (grid sizes with few factors
 * of 2).
 *
 * <p>For a potential U (Scharfetter–Gummel, weights w = e<sup>U − min U</sup>), L W⁻¹ is symmetric: in the variable
 * q = w p the operator is K = −L W⁻¹ = −∇·(D e<sup>−U</sup>∇·) with face coefficients k<sub>f</sub> =
 * a<sub>f</sub>/w<sub>L</sub> = c<sub>f</sub>/w<sub>R</sub>, and c₀I − c₁L = (c₀W⁻¹ + c₁K)W, so
 * (c₀I − c₁L)⁻¹r = W⁻¹(c₀W⁻¹ + c₁K)⁻¹r: the multigrid of the mass W⁻¹ and the faces k, divided by w. This is
 * self-adjoint in the exp(U) inner product of the conjugate gradients, and exact up to the V-cycle. Otherwise the
 * multigrid is built from L's symmetric part, faces (a<sub>f</sub> + c<sub>f</sub>)/2 (for Scharfetter–Gummel
 * D<sub>f</sub>/h²·(Pe/2)coth(Pe/2): the diffusion plus the upwind part of the drift) and mass 1, for the
 * BiCGSTAB of implicit steps; it ignores the advection, so it helps where diffusion or the mass term dominates. The
 * stationary state and the spectral gap of a drift without potential (the bordered system −L + γ11ᵀ/N, null vector
 * not the constant of the symmetric part) keep Jacobi, where the multigrid halved the iterations at several times
 * their cost. Absorbing walls enter as the sinks of the cells next to them. Not thread-safe.
 */
final class FokkerPlanckPreconditioner {

    private final FokkerPlanckOperator op;
    private final int n;
    private final double[] weights;
    private final DiffusionMultigrid multigrid;
    private final double[][] faces;
    private final double[] mass;
    private final double[] sink;
    private final double[] inverseDiagonal;

    private FokkerPlanckPreconditioner(FokkerPlanckOperator op, boolean useMultigrid) {
        this.op = op;
        this.n = op.grid().pointCount();
        this.weights = op.symmetryWeights();
        int d = op.grid().spaceDimension();
        this.inverseDiagonal = new double[n];
        if (useMultigrid) {
            faces = new double[d][n];
            mass = new double[n];
            sink = new double[n];
            fill();
            multigrid = DiffusionMultigrid.build(op.shape(), op.periodicAxes(), faces, mass, sink);
        } else {
            faces = null;
            mass = null;
            sink = null;
            multigrid = null;
        }
    }

    /**
     * @param op the operator
     * @return its preconditioners, multigrid where a hierarchy exists
     */
    static FokkerPlanckPreconditioner multigrid(FokkerPlanckOperator op) {
        return new FokkerPlanckPreconditioner(op, true);
    }

    /**
     * @param op the operator
     * @return Jacobi preconditioners only (for comparison)
     */
    static FokkerPlanckPreconditioner jacobi(FokkerPlanckOperator op) {
        return new FokkerPlanckPreconditioner(op, false);
    }

    /** @return whether the solves use the multigrid */
    boolean usesMultigrid() {
        return multigrid != null;
    }

    /** Takes the operator's coefficients again after a re-assembly. */
    void update() {
        if (multigrid != null) {
            fill();
            multigrid.update();
        }
    }

    private void fill() {
        int d = faces.length;
        double[] diag = op.diagonal();
        ParallelLoops.forRange(0, n, 1024, (from, to) -> {
            for (int f = from; f < to; f++) {
                double w = weights == null ? 1 : weights[f];
                double outflow = -diag[f];
                for (int a = 0; a < d; a++) {
                    double down = op.lowerFaces(a)[f];
                    double up = op.upperFaces(a)[f];
                    faces[a][f] = weights != null ? down / w : 0.5 * (down + up);
                    outflow -= down;
                    int left = op.lowerNeighbour(f, a);
                    if (left >= 0) {
                        outflow -= op.upperFaces(a)[left];
                    }
                }
                mass[f] = 1 / w;
                sink[f] = Math.max(0, outflow) / w;
            }
        });
    }

    /**
     * @param c1 θΔt
     * @return z ≈ (I − θΔt L)⁻¹ r
     */
    LinearMap step(double c1) {
        return combination(1, c1);
    }

    /**
     * @return z ≈ (−L)⁻¹ r; when L is singular (no-flux and periodic walls) r must have zero total, and z is
     *     projected along the null vector (e<sup>−U</sup>, or the constant) to zero total: the pinned coarsest
     *     solve leaves an arbitrary multiple of it, which would swamp the Krylov vectors (the projection is
     *     exp(U)-orthogonal, so the preconditioner stays self-adjoint)
     */
    LinearMap generator() {
        LinearMap inverse = combination(0, 1);
        if (multigrid == null || !op.problem().conservesMass()) {
            return inverse;
        }
        double nullSum = Vectors.sum(mass);
        return (r, z) -> {
            inverse.apply(r, z);
            Vectors.axpy(-Vectors.sum(z) / nullSum, mass, z);
        };
    }

    private LinearMap combination(double c0, double c1) {
        if (multigrid == null) {
            double[] diag = op.diagonal();
            for (int i = 0; i < n; i++) {
                inverseDiagonal[i] = 1 / (c0 - c1 * diag[i]);
            }
            return (r, z) -> Vectors.multiply(inverseDiagonal, r, z);
        }
        multigrid.configure(c0, c1);
        if (weights == null) {
            return multigrid;
        }
        return (r, z) -> {
            multigrid.apply(r, z);
            ParallelLoops.forRange(0, n, 4096, (from, to) -> {
                for (int i = from; i < to; i++) {
                    z[i] /= weights[i];
                }
            });
        };
    }

    /**
     * @param gamma γ of the bordered system −L p + γ(Σp/N)·1
     * @return z ≈ (−L + γ11ᵀ/N)⁻¹ r: with the multigrid (a potential) z = z₀ + βe<sup>−U</sup>, z₀ the multigrid
     *     of −L applied to r − mean(r) and β such that Σz = Σr/γ, the exact inverse when z₀ is exact (−L e<sup>−U</sup>
     *     = 0); Jacobi otherwise
     */
    LinearMap bordered(double gamma) {
        if (multigrid == null || weights == null) {
            double[] diag = op.diagonal();
            for (int i = 0; i < n; i++) {
                inverseDiagonal[i] = 1 / (-diag[i] + gamma / n);
            }
            return (r, z) -> Vectors.multiply(inverseDiagonal, r, z);
        }
        LinearMap inner = generator();
        double[] centred = new double[n];
        double nullSum = Vectors.sum(mass);
        return (r, z) -> {
            double total = Vectors.sum(r);
            double mean = total / n;
            for (int i = 0; i < n; i++) {
                centred[i] = r[i] - mean;
            }
            inner.apply(centred, z);
            Vectors.axpy((total / gamma - Vectors.sum(z)) / nullSum, mass, z);
        };
    }
}
