package org.fieldscore.pde.fokkerplanck;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.VectorField;
import org.fieldscore.fields.bc.Face;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.pde.internal.krylov.Vectors;

/**
 * The finite-volume Fokker–Planck operator L of a {@link FokkerPlanckProblem}: dp/dt = L p + s on the cells of the
 * grid, as flat arrays (x fastest), with the flux through each face from {@link FluxScheme}.
 *
 * <p>Through the face between cells L and R = L + e<sub>a</sub> (spacing h, D<sub>f</sub> and b<sub>f</sub> at the
 * face centre, Pe = b<sub>f</sub>h/D<sub>f</sub>, or Pe = U<sub>L</sub> − U<sub>R</sub> for a potential) the flux
 * per volume is J/h = a·p<sub>L</sub> − c·p<sub>R</sub> with a = (D<sub>f</sub>/h²)B(−Pe), c = (D<sub>f</sub>/h²)B(Pe)
 * for Scharfetter–Gummel, B(z) = z/(eᶻ − 1). Cell L loses J/h and R gains it, so every column of L sums to zero and
 * Σ p ΔV is conserved to rounding under no-flux and periodic walls. An absorbing face is a face at distance h/2 to a
 * cell with p = 0. The off-diagonal entries are ≥ 0 and the diagonal is −(outflow rate), so L is an M-matrix
 * transposed: explicit steps with Δt ≤ 1/max(outflow rate) keep p ≥ 0, and implicit steps keep it for any Δt.
 *
 * <p>For a potential, a·exp(−U<sub>L</sub>) = c·exp(−U<sub>R</sub>) on every face (detailed balance), so L is
 * self-adjoint in the inner product Σ f g exp(U) ΔV: the weights {@link #symmetryWeights()} that the conjugate
 * gradient solves use. Not thread-safe: one operator per solve; it may be re-assembled at another time in place.
 */
public final class FokkerPlanckOperator {

    /** Above this spread of the potential the exp(U) weights would overflow, and the solves do without them. */
    static final double MAX_WEIGHT_EXPONENT = 600;

    private final FokkerPlanckProblem problem;
    private final Grid grid;
    private final int d;
    private final int n;
    private final int nx;
    private final int lines;
    private final int[] shape = {1, 1, 1};
    private final int[] stride = {1, 1, 1};
    private final double[] h = {1, 1, 1};
    private final boolean[] periodic = new boolean[3];
    private final boolean[][] absorbing = new boolean[3][2];
    private final double[] diag;
    private final double[][] up;
    private final double[][] down;
    private final double[][][] wallSinks;
    private final double[] potential;
    private final double[] weights;
    private final double[] source;
    private double time;

    private FokkerPlanckOperator(FokkerPlanckProblem problem, double t) {
        this.problem = problem;
        this.grid = problem.grid();
        this.d = grid.spaceDimension();
        this.n = grid.pointCount();
        for (int a = 0; a < d; a++) {
            shape[a] = grid.size(a);
            stride[a] = grid.stride(a);
            h[a] = grid.spacing(a);
            periodic[a] = problem.wall(Face.of(a, -1)) == Wall.PERIODIC;
            absorbing[a][0] = problem.wall(Face.of(a, -1)) == Wall.ABSORBING;
            absorbing[a][1] = problem.wall(Face.of(a, +1)) == Wall.ABSORBING;
        }
        this.nx = shape[0];
        this.lines = n / nx;
        this.diag = new double[n];
        this.up = new double[d][n];
        this.down = new double[d][n];
        this.wallSinks = new double[d][2][];
        for (int a = 0; a < d; a++) {
            for (int side = 0; side < 2; side++) {
                wallSinks[a][side] = absorbing[a][side] ? new double[n / shape[a]] : null;
            }
        }
        if (problem.isGradientDrift()) {
            potential = new double[n];
            ParallelLoops.forRange(0, n, 1024, (from, to) -> {
                double[] x = new double[d];
                for (int i = from; i < to; i++) {
                    grid.spaceCoordinates(i, x);
                    potential[i] = problem.potential().value(0, x);
                    if (!Double.isFinite(potential[i])) {
                        throw new InvalidArgumentException("potential", potential[i], "finite at every grid point",
                                "the potential is " + potential[i] + " at " + java.util.Arrays.toString(x));
                    }
                }
            });
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double u : potential) {
                min = Math.min(min, u);
                max = Math.max(max, u);
            }
            if (max - min <= MAX_WEIGHT_EXPONENT && problem.flux() == FluxScheme.SCHARFETTER_GUMMEL) {
                weights = new double[n];
                for (int i = 0; i < n; i++) {
                    weights[i] = Math.exp(potential[i] - min);
                }
            } else {
                weights = null;
            }
        } else {
            potential = null;
            weights = null;
        }
        if (problem.source() != null) {
            source = problem.source().sample(grid).copyValues();
        } else {
            source = null;
        }
        assemble(t);
    }

    /**
     * @param problem the problem
     * @param t the time at which the drift is evaluated
     * @return its operator
     */
    public static FokkerPlanckOperator of(FokkerPlanckProblem problem, double t) {
        return new FokkerPlanckOperator(problem, t);
    }

    /**
     * The bytes the operator's arrays take on a grid: the diagonal, two face coefficients per axis, and for a
     * potential its values and weights, 8 bytes per point each.
     *
     * @param grid the grid
     * @param gradientDrift whether the drift is given by a potential
     * @param hasSource whether there is a source
     * @return the bytes
     */
    public static long bytes(Grid grid, boolean gradientDrift, boolean hasSource) {
        long arrays = 1 + 2L * grid.spaceDimension() + (gradientDrift ? 2 : 0) + (hasSource ? 1 : 0);
        return arrays * 8L * grid.pointCount();
    }

    /**
     * Fills the coefficients again for the drift at time t (in place, no allocation of arrays).
     *
     * @param t the time
     */
    public void assemble(double t) {
        this.time = t;
        VectorField drift = problem.drift();
        FluxScheme flux = problem.flux();
        ParallelLoops.forRange(0, lines, 16, (from, to) -> {
            double[] x = new double[d];
            double[] b = new double[d];
            for (int line = from; line < to; line++) {
                for (int i = 0; i < nx; i++) {
                    int f = line * nx + i;
                    grid.spaceCoordinates(f, x);
                    for (int a = 0; a < d; a++) {
                        int index = index(f, a);
                        int right = neighbour(f, index, a, +1);
                        if (right < 0) {
                            up[a][f] = 0;
                            down[a][f] = 0;
                            continue;
                        }
                        double centre = x[a];
                        x[a] = centre + 0.5 * h[a];
                        double df = requirePositiveDiffusivity(problem.diffusivity(x), x);
                        double pe;
                        if (potential != null) {
                            pe = potential[f] - potential[right];
                        } else {
                            drift.value(t, x, b);
                            pe = b[a] * h[a] / df;
                        }
                        x[a] = centre;
                        double g = df / (h[a] * h[a]);
                        down[a][f] = g * fitted(flux, -pe);
                        up[a][f] = g * fitted(flux, pe);
                    }
                }
            }
        });
        ParallelLoops.forRange(0, lines, 16, (from, to) -> {
            double[] x = new double[d];
            double[] b = new double[d];
            for (int line = from; line < to; line++) {
                for (int i = 0; i < nx; i++) {
                    int f = line * nx + i;
                    double out = 0;
                    for (int a = 0; a < d; a++) {
                        int index = index(f, a);
                        out += down[a][f];
                        int left = neighbour(f, index, a, -1);
                        if (left >= 0) {
                            out += up[a][left];
                        }
                        if (index == 0 && absorbing[a][0]) {
                            double sink = wallSink(f, a, -1, t, x, b, flux);
                            wallSinks[a][0][lineOf(f, a)] = sink;
                            out += sink;
                        }
                        if (index == shape[a] - 1 && absorbing[a][1]) {
                            double sink = wallSink(f, a, +1, t, x, b, flux);
                            wallSinks[a][1][lineOf(f, a)] = sink;
                            out += sink;
                        }
                    }
                    diag[f] = -out;
                }
            }
        });
    }

    private double wallSink(int f, int a, int side, double t, double[] x, double[] b, FluxScheme flux) {
        grid.spaceCoordinates(f, x);
        x[a] += 0.5 * side * h[a];
        double df = requirePositiveDiffusivity(problem.diffusivity(x), x);
        double pe;
        if (potential != null) {
            double wall = problem.potential().value(0, x);
            pe = side > 0 ? potential[f] - wall : wall - potential[f];
        } else {
            problem.drift().value(t, x, b);
            pe = b[a] * 0.5 * h[a] / df;
        }
        double g = 2 * df / (h[a] * h[a]);
        return side > 0 ? g * fitted(flux, -pe) : g * fitted(flux, pe);
    }

    private static double requirePositiveDiffusivity(double df, double[] x) {
        if (!(df > 0) || Double.isInfinite(df)) {
            throw new InvalidArgumentException("diffusivity", df, "finite and > 0 at every cell face",
                    "the diffusivity is " + df + " at the face " + java.util.Arrays.toString(x));
        }
        return df;
    }

    /**
     * The weight of the downstream cell value in a face flux: B(z) = z/(eᶻ − 1) for Scharfetter–Gummel (by its series
     * near 0), 1 − z/2 for central differences.
     */
    static double fitted(FluxScheme flux, double z) {
        if (flux == FluxScheme.CENTRAL) {
            return 1 - 0.5 * z;
        }
        if (Math.abs(z) < 1e-5) {
            return 1 - 0.5 * z + z * z / 12;
        }
        return z / Math.expm1(z);
    }

    /**
     * @param flat a cell
     * @param a an axis
     * @return the number of the grid line along axis a through the cell: its flat index with coordinate a removed,
     *     0 ≤ line &lt; N/n<sub>a</sub>
     */
    int lineOf(int flat, int a) {
        return flat % stride[a] + flat / (stride[a] * shape[a]) * stride[a];
    }

    private int index(int flat, int a) {
        return (flat / stride[a]) % shape[a];
    }

    /** @return the flat index of the neighbour on the given side along axis a, or −1 at a wall */
    private int neighbour(int flat, int index, int a, int side) {
        int next = index + side;
        if (next >= 0 && next < shape[a]) {
            return flat + side * stride[a];
        }
        if (!periodic[a]) {
            return -1;
        }
        return flat - side * (shape[a] - 1) * stride[a];
    }

    /**
     * out = L p.
     *
     * @param p a density on the grid points
     * @param out receives L p (not p itself)
     */
    public void apply(double[] p, double[] out) {
        apply(0, 1, p, out);
    }

    /**
     * The fused update out = α p + β L p, one pass over the coefficients.
     *
     * @param alpha α
     * @param beta β
     * @param p a density on the grid points
     * @param out receives α p + β L p (not p itself)
     */
    public void apply(double alpha, double beta, double[] p, double[] out) {
        ParallelLoops.forRange(0, lines, 8, (from, to) -> {
            for (int line = from; line < to; line++) {
                applyLine(line, alpha, beta, p, out);
            }
        });
    }

    private void applyLine(int line, double alpha, double beta, double[] p, double[] out) {
        int base = line * nx;
        int last = base + nx - 1;
        double[] upX = up[0];
        double[] downX = down[0];
        for (int f = base + 1; f < last; f++) {
            out[f] = diag[f] * p[f] + upX[f] * p[f + 1] + downX[f - 1] * p[f - 1];
        }
        if (nx == 1) {
            out[base] = diag[base] * p[base];
        } else {
            out[base] = diag[base] * p[base] + upX[base] * p[base + 1];
            out[last] = diag[last] * p[last] + downX[last - 1] * p[last - 1];
            if (periodic[0]) {
                out[base] += downX[last] * p[last];
                out[last] += upX[last] * p[base];
            }
        }
        for (int a = 1; a < d; a++) {
            int index = (base / stride[a]) % shape[a];
            int s = stride[a];
            double[] upA = up[a];
            double[] downA = down[a];
            int rightBase = index + 1 < shape[a] ? base + s : periodic[a] ? base - (shape[a] - 1) * s : -1;
            int leftBase = index > 0 ? base - s : periodic[a] ? base + (shape[a] - 1) * s : -1;
            if (rightBase >= 0) {
                for (int i = 0; i < nx; i++) {
                    out[base + i] += upA[base + i] * p[rightBase + i];
                }
            }
            if (leftBase >= 0) {
                for (int i = 0; i < nx; i++) {
                    out[base + i] += downA[leftBase + i] * p[leftBase + i];
                }
            }
        }
        if (alpha != 0 || beta != 1) {
            for (int f = base; f <= last; f++) {
                out[f] = alpha * p[f] + beta * out[f];
            }
        }
    }

    /** @return the grid */
    public Grid grid() {
        return grid;
    }

    /** @return the time of the last assembly */
    public double time() {
        return time;
    }

    /** @return max over the cells of −L<sub>ii</sub>, the fastest rate at which a cell empties */
    public double largestOutflowRate() {
        double max = 0;
        for (double v : diag) {
            max = Math.max(max, -v);
        }
        return max;
    }

    /** @return the diagonal L<sub>ii</sub> (the operator's own array: do not modify) */
    double[] diagonal() {
        return diag;
    }

    /**
     * @param a an axis
     * @return per cell f, the rate from cell f + e<sub>a</sub> into f (the coefficient of p<sub>f+e<sub>a</sub></sub>
     *     in (L p)<sub>f</sub>; 0 at a wall; the operator's own array: do not modify)
     */
    double[] upperFaces(int a) {
        return up[a];
    }

    /**
     * @param a an axis
     * @return per cell f, the rate from cell f into f + e<sub>a</sub> (the operator's own array: do not modify)
     */
    double[] lowerFaces(int a) {
        return down[a];
    }

    /**
     * @param a an axis
     * @param side −1 for the low face, +1 for the high face
     * @return per grid line along a ({@link #lineOf}), the rate from its end cell into the absorbing wall on that
     *     side (part of that cell's outflow −L<sub>ii</sub>), or null when the face is not absorbing (the operator's
     *     own array: do not modify)
     */
    double[] wallSinks(int a, int side) {
        return wallSinks[a][side > 0 ? 1 : 0];
    }

    /** @return the cells per axis (3 entries, 1 beyond the dimension; a copy) */
    int[] shape() {
        return shape.clone();
    }

    /** @return whether each axis is periodic (3 entries; a copy) */
    boolean[] periodicAxes() {
        return periodic.clone();
    }

    /**
     * @param f a cell
     * @param a an axis
     * @return the cell on the low side of f along a (wrapped on a periodic axis), or −1 at a wall
     */
    int lowerNeighbour(int f, int a) {
        return neighbour(f, index(f, a), a, -1);
    }

    /** @return the exp(U − min U) weights in which L is self-adjoint, or null (no potential, or too wide a range) */
    double[] symmetryWeights() {
        return weights;
    }

    /**
     * target ← target + Δt·s (nothing without a source).
     *
     * @param dt Δt
     * @param target a density on the grid points
     */
    void addSource(double dt, double[] target) {
        if (source != null) {
            Vectors.axpy(dt, source, target);
        }
    }

    /** @return the source on the grid points, or null (the operator's own array: do not modify) */
    double[] source() {
        return source;
    }

    /** @return the problem */
    public FokkerPlanckProblem problem() {
        return problem;
    }
}
