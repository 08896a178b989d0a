package org.fieldscore.pde.internal.stencil;

/**
 * The explicit time-step kernels on padded arrays: the fused update of the FTCS diffusion and leapfrog wave steps,
 * and the first-order Mur absorbing update of a wave's fixed end layer (Mur, IEEE Trans. EMC 23, 1981). Immutable.
 */
public final class TimeStepKernels {

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
        double a0 = a * op.c0;
        double a1 = a * op.c1;
        double a2 = a * op.c2;
        double ac = s + a * op.centre();
        int m0 = layout.m0;
        int sy = layout.sy;
        int sz = layout.sz;
        layout.forEachRow((row, start) -> {
            int end = start + m0;
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
        });
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
