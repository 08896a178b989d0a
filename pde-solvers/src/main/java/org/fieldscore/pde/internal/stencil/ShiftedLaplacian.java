package org.fieldscore.pde.internal.stencil;

/**
 * The 7-point shifted Laplacian A − σ on padded arrays: (A − σ)u = Σ<sub>a</sub> c<sub>a</sub>(u<sub>−a</sub> +
 * u<sub>+a</sub>) − (2Σc<sub>a</sub> + σ)u with c<sub>a</sub> = 1/h<sub>a</sub>², the end layers filled from the
 * homogeneous ghost rules of each {@link AxisSpec}. It knows no grid and no boundary data, so it serves the finest
 * and every coarse multigrid level alike.
 *
 * <p>With the diagonal quadrature weights W (½ on vertex-centred Neumann/Robin boundary nodes per axis) the matrix
 * −W(A − σ) is symmetric positive (semi-)definite; it is singular exactly when σ = 0 and no face carries a Dirichlet
 * or Robin condition. Immutable; the kernels write only to the arrays passed in.
 */
public final class ShiftedLaplacian {

    private final AxisSpec[] axes;
    private final PaddedLayout layout;
    private final int dimension;
    /** σ. */
    public final double shift;
    /** 1/h² along x (0 on an inactive axis). */
    public final double c0;
    /** 1/h² along y. */
    public final double c1;
    /** 1/h² along z. */
    public final double c2;

    /**
     * @param axes the three axes (inactive beyond the dimension)
     * @param dimension the number of active axes
     * @param shift σ ≥ 0
     */
    public ShiftedLaplacian(AxisSpec[] axes, int dimension, double shift) {
        this.axes = axes.clone();
        this.dimension = dimension;
        this.shift = shift;
        this.layout = new PaddedLayout(axes[0].m, axes[1].m, axes[2].m);
        c0 = axes[0].coefficient;
        c1 = axes[1].coefficient;
        c2 = axes[2].coefficient;
    }

    /**
     * The stencil at padded index q, centre term last: c0(u<sub>q−1</sub> + u<sub>q+1</sub>) + c1(…) + c2(…) +
     * centre·u<sub>q</sub>. Every kernel but the explicit time step evaluates the operator through this method, so
     * that they all round alike.
     *
     * @param u padded array with current ghosts
     * @param q padded index of an unknown
     * @param sy stride of y
     * @param sz stride of z
     * @param c0 weight of the x neighbours
     * @param c1 weight of the y neighbours
     * @param c2 weight of the z neighbours
     * @param centre weight of u<sub>q</sub>
     * @return the weighted sum
     */
    public static double at(double[] u, int q, int sy, int sz, double c0, double c1, double c2, double centre) {
        return c0 * (u[q - 1] + u[q + 1]) + c1 * (u[q - sy] + u[q + sy]) + c2 * (u[q - sz] + u[q + sz])
                + centre * u[q];
    }

    /**
     * The stencil at padded index q, centre term first: centre·u<sub>q</sub> + c0(u<sub>q−1</sub> + u<sub>q+1</sub>)
     * + c1(…) + c2(…), the rounding order of the explicit time steps.
     *
     * @param u padded array with current ghosts
     * @param q padded index of an unknown
     * @param sy stride of y
     * @param sz stride of z
     * @param centre weight of u<sub>q</sub>
     * @param c0 weight of the x neighbours
     * @param c1 weight of the y neighbours
     * @param c2 weight of the z neighbours
     * @return the weighted sum
     */
    public static double centreFirst(double[] u, int q, int sy, int sz, double centre, double c0, double c1,
                                     double c2) {
        return centre * u[q] + c0 * (u[q - 1] + u[q + 1]) + c1 * (u[q - sy] + u[q + sy])
                + c2 * (u[q - sz] + u[q + sz]);
    }

    /**
     * @param coarseAxes the axes of a coarser grid on the same box with the same end kinds
     * @return the same operator (same σ) on those axes
     */
    public ShiftedLaplacian onAxes(AxisSpec[] coarseAxes) {
        return new ShiftedLaplacian(coarseAxes, dimension, shift);
    }

    /** @return the padded layout of the unknowns */
    public PaddedLayout layout() {
        return layout;
    }

    /**
     * @param a axis 0, 1 or 2
     * @return its discretisation
     */
    public AxisSpec axis(int a) {
        return axes[a];
    }

    /** @return the three axes (a copy of the array) */
    public AxisSpec[] axes() {
        return axes.clone();
    }

    /** @return the number of active axes */
    public int dimension() {
        return dimension;
    }

    /** @return the centre coefficient away from boundaries, −2(c0 + c1 + c2) − σ */
    public double centre() {
        return -2 * (c0 + c1 + c2) - shift;
    }

    /** @return whether the operator has the constants as null space */
    public boolean isSingular() {
        if (shift != 0) {
            return false;
        }
        for (AxisSpec a : axes) {
            if (a.active() && !a.conservesConstants()) {
                return false;
            }
        }
        return true;
    }

    /** @return the diagonal entry of A − σ at unknown (i, j, k) */
    public double diagonal(int i, int j, int k) {
        return axes[0].diagonal[i] + axes[1].diagonal[j] + axes[2].diagonal[k] - shift;
    }

    /**
     * @param j row index along y
     * @param k row index along z
     * @return the part of the diagonal of A − σ shared by row (j, k): the y and z entries minus σ (add the x entry
     *     {@code axis(0).diagonal[i]} for unknown (i, j, k))
     */
    public double rowDiagonal(int j, int k) {
        return axes[1].diagonal[j] + axes[2].diagonal[k] - shift;
    }

    /** @return the quadrature weight W at unknown (i, j, k) */
    public double weight(int i, int j, int k) {
        return axes[0].weight[i] * axes[1].weight[j] * axes[2].weight[k];
    }

    /**
     * Sets the end layers of u from the homogeneous ghost rules (fixed Dirichlet layers stay as they are).
     *
     * @param u padded array
     */
    public void fillGhosts(double[] u) {
        PaddedLayout l = layout;
        fillAxisGhosts(u, 0, 0, l.m1, l.sy, 0, l.m2, l.sz, 0, 2);
        fillAxisGhosts(u, 1, 0, l.m0, 1, 0, l.m2, l.sz, 0, 2);
        fillZGhosts(u);
    }

    /** Refreshes the x and y end layers of plane k. */
    void fillPlaneGhosts(double[] u, int k) {
        PaddedLayout l = layout;
        fillAxisGhosts(u, 0, 0, l.m1, l.sy, k, k + 1, l.sz, 0, 2);
        fillAxisGhosts(u, 1, 0, l.m0, 1, k, k + 1, l.sz, 0, 2);
    }

    /** Refreshes the z end layers. */
    void fillZGhosts(double[] u) {
        PaddedLayout l = layout;
        fillAxisGhosts(u, 2, 0, l.m0, 1, 0, l.m1, l.sy, 0, 2);
    }

    /** @return the slowest active axis (2 in 3-D, 1 in 2-D, 0 in 1-D): the planes of a blocked pass */
    public int outerAxis() {
        return dimension - 1;
    }

    /**
     * @return the unknowns per plane along the tile axis of a blocked pass, the next slower active axis: m1 in 3-D
     *     (lines are x rows), m0 in 2-D (lines are single points of the x row), 1 in 1-D
     */
    public int tileExtent() {
        return dimension == 3 ? layout.m1 : dimension == 2 ? layout.m0 : 1;
    }

    /**
     * Refreshes what {@link #fillGhosts} writes within lines from … to − 1 of plane p of the {@link #outerAxis}
     * (along the axes other than the outer one) from those lines' unknowns: the x ends of those rows, and the ends of
     * the tile axis when the lines include them (the tile must hold the two lines next to such an end).
     */
    void fillTileGhosts(double[] u, int p, int from, int to) {
        PaddedLayout l = layout;
        int sides0 = from == 0 ? 0 : 1;
        int sides1 = to == tileExtent() ? 2 : 1;
        if (dimension == 3) {
            fillAxisGhosts(u, 0, from, to, l.sy, p, p + 1, l.sz, 0, 2);
            fillAxisGhosts(u, 1, 0, l.m0, 1, p, p + 1, l.sz, sides0, sides1);
        } else if (dimension == 2) {
            fillAxisGhosts(u, 0, p, p + 1, l.sy, 0, 1, l.sz, sides0, sides1);
        }
    }

    /**
     * Refreshes one end layer of the {@link #outerAxis} within lines from … to − 1: what {@link #fillGhosts} writes
     * there, from the planes next to that end (the two nearest, or for a periodic axis the one at the other end).
     *
     * @param side 0 low, 1 high
     */
    void fillOuterGhosts(double[] u, int side, int from, int to) {
        PaddedLayout l = layout;
        if (dimension == 3) {
            fillAxisGhosts(u, 2, 0, l.m0, 1, from, to, l.sy, side, side + 1);
        } else if (dimension == 2) {
            fillAxisGhosts(u, 1, from, to, 1, 0, 1, l.sz, side, side + 1);
        } else {
            fillAxisGhosts(u, 0, 0, 1, l.sy, 0, 1, l.sz, side, side + 1);
        }
    }

    /**
     * Sets the ghosts of one axis at the points (a, b) of the two other axes, a in [aFrom, aTo) with stride sa, b in
     * [bFrom, bTo) with stride sb, on the sides sideFrom … sideTo − 1.
     */
    private void fillAxisGhosts(double[] u, int axis, int aFrom, int aTo, int sa, int bFrom, int bTo, int sb,
                                int sideFrom, int sideTo) {
        int stride = axis == 0 ? 1 : axis == 1 ? layout.sy : layout.sz;
        int m = axis == 0 ? layout.m0 : axis == 1 ? layout.m1 : layout.m2;
        AxisSpec spec = axes[axis];
        if (!spec.active()) {
            return;
        }
        for (int side = sideFrom; side < sideTo; side++) {
            if (spec.fixedEnd(side)) {
                continue;
            }
            int ghostOffset = side == 0 ? 0 : (m + 1) * stride;
            int adjOffset = side == 0 ? stride : m * stride;
            int nextOffset = side == 0 ? 2 * stride : (m - 1) * stride;
            int wrapOffset = side == 0 ? m * stride : stride;
            boolean periodic = spec.periodic();
            double s = spec.ghostSelf[side];
            double t = spec.ghostNext[side];
            for (int b = bFrom; b < bTo; b++) {
                for (int a = aFrom; a < aTo; a++) {
                    int base = (a + 1) * sa + (b + 1) * sb;
                    if (periodic) {
                        u[base + ghostOffset] = u[base + wrapOffset];
                    } else {
                        u[base + ghostOffset] = s * u[base + adjOffset] + (t != 0 ? t * u[base + nextOffset] : 0);
                    }
                }
            }
        }
    }

    /**
     * out = (A − σ) u at every unknown (end layers of out are left untouched).
     *
     * @param u padded input; its ghost layers are refreshed
     * @param out padded output
     */
    public void apply(double[] u, double[] out) {
        fillGhosts(u);
        int m0 = layout.m0;
        int sy = layout.sy;
        int sz = layout.sz;
        double centre = centre();
        layout.forEachRow((row, start) -> {
            for (int q = start, end = start + m0; q < end; q++) {
                out[q] = at(u, q, sy, sz, c0, c1, c2, centre);
            }
        });
    }

    /**
     * r = b − (A − σ) u, returning ‖r‖₂ over the unknowns.
     *
     * @param u padded solution; its ghost layers are refreshed
     * @param b padded right-hand side
     * @param r padded output, or null to compute the norm only (one pass that writes nothing but ghosts)
     * @return the Euclidean norm of r
     */
    public double residual(double[] u, double[] b, double[] r) {
        fillGhosts(u);
        double[] partial = new double[layout.rows()];
        layout.forEachRow((row, start) -> partial[row] = rowResidualSquares(u, b, r, start));
        return Math.sqrt(PaddedVectors.sum(partial));
    }

    /**
     * Σ (b − (A − σ)u)² over the x row that starts at padded index start, storing the residual in r when r is not
     * null; ghosts must be current.
     */
    double rowResidualSquares(double[] u, double[] b, double[] r, int start) {
        double centre = centre();
        int sy = layout.sy;
        int sz = layout.sz;
        double sum = 0;
        for (int q = start, end = start + layout.m0; q < end; q++) {
            double v = b[q] - at(u, q, sy, sz, c0, c1, c2, centre);
            if (r != null) {
                r[q] = v;
            }
            sum += v * v;
        }
        return sum;
    }

    /**
     * The residual of one x row, b − (A − σ)u at (0..m0−1, j, k), without refreshing ghosts (call
     * {@link #fillGhosts} first).
     *
     * @param u padded solution with current ghosts
     * @param b padded right-hand side
     * @param j row index along y
     * @param k row index along z
     * @param out destination, indices 0..m0−1
     */
    public void residualRow(double[] u, double[] b, int j, int k, double[] out) {
        double centre = centre();
        int sy = layout.sy;
        int sz = layout.sz;
        int base = layout.index(0, j, k);
        for (int i = 0; i < layout.m0; i++) {
            int q = base + i;
            out[i] = b[q] - at(u, q, sy, sz, c0, c1, c2, centre);
        }
    }

    @Override
    public String toString() {
        return "ShiftedLaplacian[" + layout.m0 + "x" + layout.m1 + "x" + layout.m2 + " unknowns, shift " + shift + "]";
    }
}
