package org.fieldscore.pde.internal.stencil;

import org.fieldscore.fields.parallel.ParallelLoops;

/**
 * The order of a temporally blocked pass: several time levels of a radius-1 explicit stencil advanced over the
 * planes of the slowest axis, without knowing the stencil. Level j + 1 of plane p may be computed once level j of
 * planes p − 1, p, p + 1 exists; two arrays hold the levels alternately (level j + 1 overwrites level j − 1).
 *
 * <p>The planes are split into slabs, one per thread. Phase one runs, in every slab at once, a wavefront (Wellein et
 * al. 2009, "Efficient temporal blocking for stencil computations by multicore-aware wavefront parallelization"):
 * front f computes level 1 of plane f, level 2 of plane f − 1, …, level T of plane f − T + 1, so the planes a front
 * touches stay in cache while all T levels pass over them. Inside the domain a slab [lo, hi) computes level j only on
 * the shrinking trapezoid [lo + j − 1, hi − j + 1) (the domain's own ends do not shrink), which needs no plane of
 * its neighbours beyond level 0. Phase two fills the inverted triangles left at each interior slab edge b, level by
 * level: level j on [b − j + 1, b + j − 1) (split tiling; compare the diamond tiles of Malas et al. 2015, SIAM J.
 * Sci. Comput. 37(5), which remove the second phase at the cost of more complex tiles).
 *
 * <p>Every level of every plane is computed exactly once, from the same inputs as in a step-by-step sweep, so a
 * stencil that computes each plane as the sweep does gives bit for bit the sweep's result, for any number of
 * slabs. The order also never overwrites a level that is still to be read: level j + 1 of plane p is computed after
 * every use of level j − 1 of plane p (by level j of planes p − 1, p, p + 1, and by p itself).
 */
public final class WavefrontTiles {

    /** The stencil's work on one plane; it also refreshes whatever the plane's new level must carry (ghosts). */
    @FunctionalInterface
    public interface PlaneUpdate {
        /**
         * Computes level + 1 of one plane from level (level 0 is the state at the start of the pass).
         *
         * @param level the level read, 0 … T − 1
         * @param plane the plane, 0 … planes − 1
         */
        void advance(int level, int plane);
    }

    private WavefrontTiles() {
    }

    /**
     * @param planes the number of planes P
     * @param levels the number of levels T advanced in the pass
     * @param threads the threads available
     * @return the number of slabs of a pass: one per thread, each at least 2T planes thick, at least one
     */
    public static int slabs(int planes, int levels, int threads) {
        return Math.max(1, Math.min(threads, planes / (2 * levels)));
    }

    /**
     * Runs one pass: every plane advanced by {@code levels} levels, in the order described above.
     *
     * @param planes P ≥ 1
     * @param levels T ≥ 1
     * @param slabs the number of slabs, 1 … {@link #slabs}(P, T, ∞); slabs are run in parallel
     * @param update the stencil
     * @throws IllegalArgumentException when the slabs would be thinner than 2T planes
     */
    public static void run(int planes, int levels, int slabs, PlaneUpdate update) {
        if (planes < 1 || levels < 1 || slabs < 1 || (slabs > 1 && planes / slabs < 2 * levels)) {
            throw new IllegalArgumentException("a pass of " + levels + " levels over " + planes + " planes cannot have "
                    + slabs + " slabs (each needs at least " + 2 * levels + " planes)");
        }
        ParallelLoops.forRange(0, slabs, 1, (from, to) -> {
            for (int s = from; s < to; s++) {
                wavefront(slabStart(planes, slabs, s), slabStart(planes, slabs, s + 1), planes, levels, update);
            }
        });
        if (slabs > 1) {
            ParallelLoops.forRange(1, slabs, 1, (from, to) -> {
                for (int s = from; s < to; s++) {
                    triangle(slabStart(planes, slabs, s), levels, update);
                }
            });
        }
    }

    private static int slabStart(int planes, int slabs, int s) {
        return (int) ((long) planes * s / slabs);
    }

    /** Phase one in slab [lo, hi): level j + 1 on [lo + j, hi − j), the domain ends not shrinking. */
    private static void wavefront(int lo, int hi, int planes, int levels, PlaneUpdate update) {
        for (int front = lo; front < hi + levels - 1; front++) {
            for (int j = 0; j < levels; j++) {
                int p = front - j;
                int first = lo == 0 ? 0 : lo + j;
                int end = hi == planes ? planes : hi - j;
                if (p >= first && p < end) {
                    update.advance(j, p);
                }
            }
        }
    }

    /** Phase two at the slab edge b: level j + 1 on [b − j, b + j), levels in increasing order. */
    private static void triangle(int b, int levels, PlaneUpdate update) {
        for (int j = 1; j < levels; j++) {
            for (int p = b - j; p < b + j; p++) {
                update.advance(j, p);
            }
        }
    }
}
