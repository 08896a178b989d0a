package org.fieldscore.pde.internal.krylov;

import org.fieldscore.fields.parallel.ParallelLoops;

/**
 * Reductions and updates on flat arrays for the Krylov solvers. Sums are taken over fixed blocks of
 * {@value #BLOCK} entries whose partial sums are added in block order, so a result does not depend on the number of
 * threads.
 */
public final class Vectors {

    /** Entries per partial sum. */
    static final int BLOCK = 4096;

    private Vectors() {
    }

    /**
     * @param x a vector
     * @param y another
     * @param w weights, or null for 1
     * @return Σ x·y·w
     */
    public static double dot(double[] x, double[] y, double[] w) {
        int n = x.length;
        int blocks = (n + BLOCK - 1) / BLOCK;
        double[] partial = new double[blocks];
        ParallelLoops.forRange(0, blocks, 4, (from, to) -> {
            for (int b = from; b < to; b++) {
                int lo = b * BLOCK;
                int hi = Math.min(n, lo + BLOCK);
                double s = 0;
                if (w == null) {
                    for (int i = lo; i < hi; i++) {
                        s += x[i] * y[i];
                    }
                } else {
                    for (int i = lo; i < hi; i++) {
                        s += x[i] * y[i] * w[i];
                    }
                }
                partial[b] = s;
            }
        });
        double s = 0;
        for (double p : partial) {
            s += p;
        }
        return s;
    }

    /**
     * @param x a vector
     * @return Σ x
     */
    public static double sum(double[] x) {
        int n = x.length;
        int blocks = (n + BLOCK - 1) / BLOCK;
        double[] partial = new double[blocks];
        ParallelLoops.forRange(0, blocks, 4, (from, to) -> {
            for (int b = from; b < to; b++) {
                double s = 0;
                for (int i = b * BLOCK, hi = Math.min(n, (b + 1) * BLOCK); i < hi; i++) {
                    s += x[i];
                }
                partial[b] = s;
            }
        });
        double s = 0;
        for (double p : partial) {
            s += p;
        }
        return s;
    }

    /** @return ‖x‖₂ */
    public static double norm(double[] x) {
        return Math.sqrt(dot(x, x, null));
    }

    /** y ← y + a·x. */
    public static void axpy(double a, double[] x, double[] y) {
        ParallelLoops.forRange(0, x.length, BLOCK, (from, to) -> {
            for (int i = from; i < to; i++) {
                y[i] += a * x[i];
            }
        });
    }

    /** out ← x ∘ y (entrywise). */
    public static void multiply(double[] x, double[] y, double[] out) {
        ParallelLoops.forRange(0, x.length, BLOCK, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = x[i] * y[i];
            }
        });
    }
}
