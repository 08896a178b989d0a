package org.fieldscore.pde.internal.stencil;

import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.fields.parallel.RangeBody;

/**
 * The padded flat-array layout of m0 × m1 × m2 unknowns: one extra layer on each side of every axis, x fastest, so
 * that unknown (i, j, k) sits at (i + 1) + p0·((j + 1) + p1·(k + 1)) with p = m + 2, and the 7-point stencil reaches
 * its six neighbours at offsets ±1, ±{@link #sy}, ±{@link #sz}. One- and two-dimensional problems use inactive axes
 * of one unknown. Also the one row loop of the kernels: {@link #forEachRow} visits the x rows (j, k) of the unknowns
 * in parallel chunks. Immutable.
 */
public final class PaddedLayout {

    /** Cells of work per parallel chunk (a chunk is at least one row). */
    private static final int ROW_WORK = 4096;

    /** Unknowns along x. */
    public final int m0;
    /** Unknowns along y. */
    public final int m1;
    /** Unknowns along z. */
    public final int m2;
    /** Padded length along x. */
    public final int p0;
    /** Padded length along y. */
    public final int p1;
    /** Padded length along z. */
    public final int p2;
    /** Stride of y, p0. */
    public final int sy;
    /** Stride of z, p0·p1. */
    public final int sz;

    /**
     * @param m0 unknowns along x
     * @param m1 unknowns along y
     * @param m2 unknowns along z
     * @throws IllegalArgumentException when the padded array would not fit one Java array
     */
    public PaddedLayout(int m0, int m1, int m2) {
        this.m0 = m0;
        this.m1 = m1;
        this.m2 = m2;
        p0 = m0 + 2;
        p1 = m1 + 2;
        p2 = m2 + 2;
        sy = p0;
        sz = p0 * p1;
        long padded = (long) p0 * p1 * p2;
        if (padded > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid too large for one array: " + padded + " padded points");
        }
    }

    /** @return the length of a padded array */
    public int paddedSize() {
        return p0 * p1 * p2;
    }

    /** @return the number of unknowns */
    public int unknownCount() {
        return m0 * m1 * m2;
    }

    /** @return a new zero padded array */
    public double[] newArray() {
        return new double[paddedSize()];
    }

    /** @return the number of unknowns per axis (3 entries; 1 on inactive axes) */
    public int[] unknownShape() {
        return new int[] {m0, m1, m2};
    }

    /** @return the strides of the three axes in the padded array */
    public int[] strides() {
        return new int[] {1, sy, sz};
    }

    /**
     * @param i unknown index along x (−1 and m0 address the end layers)
     * @param j unknown index along y
     * @param k unknown index along z
     * @return the padded index
     */
    public int index(int i, int j, int k) {
        return (i + 1) + p0 * ((j + 1) + p1 * (k + 1));
    }

    /** @return the number of x rows of unknowns, m1·m2 */
    public int rows() {
        return m1 * m2;
    }

    /**
     * @param row a row number j + m1·k
     * @return the padded index of its first unknown (0, j, k)
     */
    public int rowStart(int row) {
        return index(0, row % m1, row / m1);
    }

    /** The work on one x row of unknowns. */
    @FunctionalInterface
    public interface RowKernel {
        /**
         * @param row the row number j + m1·k
         * @param start the padded index of unknown (0, j, k); the row's unknowns are start … start + m0 − 1
         */
        void row(int row, int start);
    }

    /**
     * Runs the kernel once on every x row of unknowns, rows split into parallel chunks of about {@value #ROW_WORK}
     * cells. Kernels that write only their own row (or their own entry of a per-row array) give results that do not
     * depend on the thread count.
     *
     * @param kernel the row work
     */
    public void forEachRow(RowKernel kernel) {
        forEachRowRange((lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                kernel.row(r, rowStart(r));
            }
        });
    }

    /**
     * The chunking of {@link #forEachRow}, for kernels that need per-chunk scratch space: the body receives the row
     * numbers lo … hi − 1 of one chunk.
     *
     * @param body the work on one chunk of rows
     */
    public void forEachRowRange(RangeBody body) {
        ParallelLoops.forRange(0, rows(), Math.max(1, ROW_WORK / m0), body);
    }

    /**
     * Copies the unknowns of one padded array into another.
     *
     * @param from source
     * @param to destination
     */
    public void copyUnknowns(double[] from, double[] to) {
        forEachRow((row, start) -> System.arraycopy(from, start, to, start, m0));
    }

    /**
     * @param padded a padded array
     * @param packed destination, unknown numbering i + m0·(j + m1·k), length {@link #unknownCount()}
     */
    public void pack(double[] padded, double[] packed) {
        for (int row = 0; row < rows(); row++) {
            System.arraycopy(padded, rowStart(row), packed, m0 * row, m0);
        }
    }

    /**
     * @param packed unknowns in unknown numbering
     * @param padded destination
     */
    public void unpack(double[] packed, double[] padded) {
        for (int row = 0; row < rows(); row++) {
            System.arraycopy(packed, m0 * row, padded, rowStart(row), m0);
        }
    }
}
