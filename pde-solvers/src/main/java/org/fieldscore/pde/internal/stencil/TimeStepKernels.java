package org.fieldscore.pde.internal.stencil;

/**
 * The explicit time-step kernels on padded arrays: the fused update of the FTCS diffusion and leapfrog wave steps,
 * and the first-order Mur absorbing update of a wave's fixed end layer (Mur, IEEE Trans. EMC 23, 1981). Immutable.
 */
public final class TimeStepKernels {

    /** Streamed bytes per step above which temporal blocking pays (beyond a last-level cache of 16–32 MiB). */
    static final long STREAMED_BYTES_TO_BLOCK = 24L << 20;
    /** Bytes of one tile's wavefront (T + 2 plane tiles of every array) that stay in a core's L2 cache. */
    static final long TILE_BYTES = 512L << 10;
    /** Steps of one blocked pass where blocking pays. */
    static final int STEPS_PER_PASS = 8;

    private final ShiftedLaplacian op;
    private final PaddedLayout layout;

    /** @param op the spatial operator A − σ */
    public TimeStepKernels(ShiftedLaplacian op) {
        this.op = op;
        this.layout = op.layout();
    }

    /**
     * The fused explicit update out = s·u + a·(A − σ)u + b·prev + c at every unknown, one pass over memory: an FTCS
     * diffusion step (s = 1, a = kΔt, no prev) or a leapfrog wave step (s = 2, a = c²Δt², b = −1). The leapfrog step
     * may write its result over prev (out = prev), which saves a third time level and its memory traffic.
     *
     * @param s factor of u
     * @param a factor of (A − σ)u
     * @param u padded input; its ghost layers are refreshed
     * @param b factor of prev
     * @param prev padded array, or null for none
     * @param c padded additive term (boundary data, sources), or null for none
     * @param out padded output, distinct from u; may be prev
     */
    public void explicitUpdate(double s, double a, double[] u, double b, double[] prev, double[] c, double[] out) {
        if (out == u) {
            throw new IllegalArgumentException("the explicit update cannot write over its input u");
        }
        op.fillGhosts(u);
        Coefficients k = new Coefficients(s, a, b);
        int m0 = layout.m0;
        layout.forEachRow((row, start) -> k.row(u, prev, c, out, start, start + m0));
    }

    /**
     * Advances {@code steps} explicit updates X<sup>n+1</sup> = s·X<sup>n</sup> + a·(A − σ)X<sup>n</sup> +
     * b·X<sup>n−1</sup> + c with two arrays, X<sup>n+1</sup> written over X<sup>n−1</sup>: FTCS diffusion (no
     * previous level) or leapfrog. With {@code stepsPerPass} ≥ 2 the steps go in temporally blocked passes of that
     * many steps over the planes of the slowest axis ({@link WavefrontTiles}), each plane computed as
     * {@link #explicitUpdate} computes it, so the result is bit for bit that of {@code steps} calls of
     * {@link #explicitUpdate}, on any thread count. A periodic slowest axis couples its first and last planes, so
     * its steps are always taken one by one.
     *
     * @param steps the number of steps ≥ 0
     * @param stepsPerPass the steps of one blocked pass (1 or less: one sweep per step); see {@link #profitablePass}
     * @param s factor of X<sup>n</sup>
     * @param a factor of (A − σ)X<sup>n</sup>
     * @param b factor of X<sup>n−1</sup> (used only with {@code withPrevious})
     * @param withPrevious whether the update reads X<sup>n−1</sup> (leapfrog) or not (FTCS)
     * @param c padded additive term, the same at every step, or null for none
     * @param x0 padded X<sup>0</sup>
     * @param x1 padded X<sup>−1</sup> when {@code withPrevious}, otherwise scratch; distinct from x0
     * @return the array holding X<sup>steps</sup>: x0 when steps is even, x1 when odd (the other holds
     *     X<sup>steps−1</sup>)
     */
    public double[] explicitSteps(int steps, int stepsPerPass, double s, double a, double b, boolean withPrevious,
                                  double[] c, double[] x0, double[] x1) {
        return explicitSteps(steps, stepsPerPass, 0, s, a, b, withPrevious, c, x0, x1);
    }

    /** As above, with tiles of {@code tileWidth} lines (0: the width that fits the cache). */
    double[] explicitSteps(int steps, int stepsPerPass, int tileWidth, double s, double a, double b,
                           boolean withPrevious, double[] c, double[] x0, double[] x1) {
        if (x0 == x1) {
            throw new IllegalArgumentException("the explicit steps need two distinct arrays");
        }
        double[] cur = x0;
        double[] other = x1;
        int done = 0;
        boolean blockable = !op.axis(op.outerAxis()).periodic();
        while (done < steps) {
            int levels = blockable ? Math.min(stepsPerPass, steps - done) : 1;
            if (levels < 2) {
                explicitUpdate(s, a, cur, b, withPrevious ? other : null, c, other);
                levels = 1;
            } else {
                blockedPass(levels, tileWidth, new Coefficients(s, a, b), withPrevious, c, cur, other);
            }
            if (levels % 2 == 1) {
                double[] swap = cur;
                cur = other;
                other = swap;
            }
            done += levels;
        }
        return cur;
    }

    /** One pass of {@code levels} steps: level j lives in x0 when j is even, in x1 when odd. */
    private void blockedPass(int levels, int tileWidth, Coefficients k, boolean withPrevious, double[] c, double[] x0,
                             double[] x1) {
        op.fillGhosts(x0);
        int outer = op.outerAxis();
        int planes = layout.unknownShape()[outer];
        int lines = op.tileExtent();
        int lowTrigger = Math.min(1, planes - 1);
        int arrays = 2 + (c == null ? 0 : 1);
        long lineBytes = (long) (outer == 2 ? layout.p0 : 1) * Double.BYTES * arrays;
        int width = tileWidth > 0 ? tileWidth
                : (int) Math.min(lines, Math.max(1, TILE_BYTES / (lineBytes * (levels + 2))));
        WavefrontTiles.run(planes, lines, levels, WavefrontTiles.tiles(lines, levels, width),
                (level, p, from, to) -> {
                    double[] in = level % 2 == 0 ? x0 : x1;
                    double[] out = level % 2 == 0 ? x1 : x0;
                    double[] prev = withPrevious ? out : null;
                    if (outer == 2) {
                        for (int r = from; r < to; r++) {
                            int start = layout.index(0, r, p);
                            k.row(in, prev, c, out, start, start + layout.m0);
                        }
                    } else {
                        int start = outer == 1 ? layout.index(from, p, 0) : layout.index(p, 0, 0);
                        k.row(in, prev, c, out, start, start + (to - from));
                    }
                    op.fillTileGhosts(out, p, from, to);
                    if (p == lowTrigger) {
                        op.fillOuterGhosts(out, 0, from, to);
                    }
                    if (p == planes - 1) {
                        op.fillOuterGhosts(out, 1, from, to);
                    }
                });
    }

    /**
     * The steps per blocked pass that pay on this grid, or 1 when sweeping step by step is as fast: blocking pays
     * once the arrays a step streams no longer fit the last-level cache (more than {@value #STREAMED_BYTES_TO_BLOCK}
     * bytes); a pass then advances {@value #STEPS_PER_PASS} steps over tiles whose wavefronts fit
     * {@value #TILE_BYTES} bytes of a core's L2 cache, so the arrays stream through memory once per
     * {@value #STEPS_PER_PASS} steps instead of once per step.
     *
     * @param arrays the padded arrays one step streams (2 for FTCS or leapfrog without an additive term, 3 with)
     * @return the steps per pass, 1 for none
     */
    public int profitablePass(int arrays) {
        int outer = op.outerAxis();
        boolean fitsCache = (long) layout.paddedSize() * Double.BYTES * arrays <= STREAMED_BYTES_TO_BLOCK;
        if (op.axis(outer).periodic() || fitsCache || layout.unknownShape()[outer] < 2) {
            return 1;
        }
        return STEPS_PER_PASS;
    }

    /** The coefficients of one explicit update, and its row kernel (shared by the sweep and the blocked passes). */
    private final class Coefficients {
        final double ac;
        final double a0;
        final double a1;
        final double a2;
        final double b;

        Coefficients(double s, double a, double b) {
            this.a0 = a * op.c0;
            this.a1 = a * op.c1;
            this.a2 = a * op.c2;
            this.ac = s + a * op.centre();
            this.b = b;
        }

        /** out = s·u + a(A − σ)u + b·prev + c on padded indices start … end − 1; ghosts of u must be current. */
        void row(double[] u, double[] prev, double[] c, double[] out, int start, int end) {
            int sy = layout.sy;
            int sz = layout.sz;
            if (prev == null && c == null) {
                for (int q = start; q < end; q++) {
                    out[q] = ShiftedLaplacian.centreFirst(u, q, sy, sz, ac, a0, a1, a2);
                }
            } else if (prev == null) {
                for (int q = start; q < end; q++) {
                    out[q] = ShiftedLaplacian.centreFirst(u, q, sy, sz, ac, a0, a1, a2) + c[q];
                }
            } else if (c == null) {
                for (int q = start; q < end; q++) {
                    out[q] = ShiftedLaplacian.centreFirst(u, q, sy, sz, ac, a0, a1, a2) + b * prev[q];
                }
            } else {
                for (int q = start; q < end; q++) {
                    out[q] = ShiftedLaplacian.centreFirst(u, q, sy, sz, ac, a0, a1, a2) + b * prev[q] + c[q];
                }
            }
        }
    }

    /**
     * First-order Mur absorbing update of a fixed (vertex Dirichlet) end layer:
     * u<sub>b</sub><sup>n+1</sup> = u<sub>i</sub><sup>n</sup> + κ(u<sub>i</sub><sup>n+1</sup> − u<sub>b</sub><sup>n</sup>),
     * with u<sub>i</sub> the first unknown inside and κ = (cΔt − h)/(cΔt + h).
     *
     * @param axis the face's axis
     * @param side 0 low, 1 high
     * @param kappa κ
     * @param current padded state at step n
     * @param next padded state at step n + 1 (unknowns already updated); its end layer is written
     * @throws IllegalArgumentException when that end is not a fixed layer
     */
    public void murUpdate(int axis, int side, double kappa, double[] current, double[] next) {
        if (!op.axis(axis).fixedEnd(side)) {
            throw new IllegalArgumentException("an absorbing face needs a vertex-centred axis with a fixed end layer");
        }
        int[] m = layout.unknownShape();
        int[] stride = layout.strides();
        int o1 = (axis + 1) % 3;
        int o2 = (axis + 2) % 3;
        int layer = side == 0 ? -1 : m[axis];
        int inside = side == 0 ? 0 : m[axis] - 1;
        for (int i2 = 0; i2 < m[o2]; i2++) {
            for (int i1 = 0; i1 < m[o1]; i1++) {
                int base = layout.index(0, 0, 0) + i1 * stride[o1] + i2 * stride[o2];
                int bnd = base + layer * stride[axis];
                int in = base + inside * stride[axis];
                next[bnd] = current[in] + kappa * (next[in] - current[bnd]);
            }
        }
    }
}
