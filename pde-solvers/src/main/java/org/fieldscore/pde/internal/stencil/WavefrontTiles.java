package org.fieldscore.pde.internal.stencil;

import org.fieldscore.fields.parallel.ParallelLoops;

/**
 * The order of a temporally blocked pass: T time levels of a radius-1 explicit stencil advanced over a grid of
 * planes (the slowest axis) × lines (the next axis, the tile axis), without knowing the stencil. Level j + 1 of line
 * r of plane p may be computed once level j exists on lines r − 1 … r + 1 of planes p − 1 … p + 1; two arrays hold
 * the levels alternately (level j + 1 overwrites level j − 1).
 *
 * <p>The tile axis is cut into tiles at least 2T lines wide (split tiling). Phase one runs every tile at once; a tile
 * [lo, hi) computes level j only on the shrinking range [lo + j − 1, hi − j + 1) (the domain's own ends do not
 * shrink), which needs nothing of its neighbours beyond level 0. Phase two fills the inverted triangles at each
 * interior tile edge b, level j on [b − j + 1, b + j − 1), all edges at once. In both phases the planes go as a
 * wavefront (Wellein et al. 2009, "Efficient temporal blocking for stencil computations by multicore-aware wavefront
 * parallelization"): front f computes level 1 of plane f, level 2 of plane f − 1, …, level T of plane f − T + 1, so
 * the T + 2 plane tiles a front touches stay in cache while all T levels pass over them. (The diamond tiles of Malas
 * et al. 2015, SIAM J. Sci. Comput. 37(4), avoid the second phase at the cost of more complex tiles.)
 *
 * <p>Every level of every line is computed exactly once, from the same inputs as in a step-by-step sweep, so a
 * stencil that computes a line as its sweep does gives bit for bit the sweep's result, for any tiling and thread
 * count. The order never overwrites a level still to be read: level j + 1 of a line is computed after every use of
 * level j − 1 of it (by level j of its neighbours and of itself).
 */
public final class WavefrontTiles {

    /** The stencil's work on part of one plane; it also refreshes what those lines of the new level carry (ghosts). */
    @FunctionalInterface
    public interface TileUpdate {
        /**
         * Computes level + 1 of lines from … to − 1 of one plane from level (level 0: the state at the pass's start).
         *
         * @param level the level read, 0 … T − 1
         * @param plane the plane, 0 … planes − 1
         * @param from first line
         * @param to end line (exclusive), &gt; from
         */
        void advance(int level, int plane, int from, int to);
    }

    private WavefrontTiles() {
    }

    /**
     * @param lines the lines per plane
     * @param levels T
     * @param width the wanted tile width
     * @return the number of tiles of a pass: tiles of at least max(width, 2T) lines, at least one
     */
    public static int tiles(int lines, int levels, int width) {
        return Math.max(1, lines / Math.max(width, 2 * levels));
    }

    /**
     * Runs one pass: every line of every plane advanced by {@code levels} levels, in the order described above.
     *
     * @param planes P ≥ 1
     * @param lines lines per plane ≥ 1
     * @param levels T ≥ 1
     * @param tiles the number of tiles, 1 or such that every tile has at least 2T lines; tiles run in parallel
     * @param update the stencil
     * @throws IllegalArgumentException when the tiles would be thinner than 2T lines
     */
    public static void run(int planes, int lines, int levels, int tiles, TileUpdate update) {
        if (planes < 1 || lines < 1 || levels < 1 || tiles < 1 || (tiles > 1 && lines / tiles < 2 * levels)) {
            throw new IllegalArgumentException("a pass of " + levels + " levels over " + lines + " lines cannot have "
                    + tiles + " tiles (each needs at least " + 2 * levels + " lines)");
        }
        ParallelLoops.forRange(0, tiles, 1, (first, end) -> {
            for (int t = first; t < end; t++) {
                int lo = tileStart(lines, tiles, t);
                int hi = tileStart(lines, tiles, t + 1);
                wavefront(planes, levels, (j, p) -> {
                    int from = lo == 0 ? 0 : lo + j;
                    int to = hi == lines ? lines : hi - j;
                    if (from < to) {
                        update.advance(j, p, from, to);
                    }
                });
            }
        });
        if (tiles > 1) {
            ParallelLoops.forRange(1, tiles, 1, (first, end) -> {
                for (int t = first; t < end; t++) {
                    int b = tileStart(lines, tiles, t);
                    wavefront(planes, levels, (j, p) -> {
                        if (j > 0) {
                            update.advance(j, p, b - j, b + j);
                        }
                    });
                }
            });
        }
    }

    private static int tileStart(int lines, int tiles, int t) {
        return (int) ((long) lines * t / tiles);
    }

    /** The (level, plane) visits of one wavefront. */
    private interface Visit {
        void at(int level, int plane);
    }

    private static void wavefront(int planes, int levels, Visit visit) {
        for (int front = 0; front < planes + levels - 1; front++) {
            for (int j = Math.max(0, front - planes + 1); j < levels && j <= front; j++) {
                visit.at(j, front - j);
            }
        }
    }
}
