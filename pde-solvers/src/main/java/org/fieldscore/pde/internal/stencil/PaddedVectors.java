package org.fieldscore.pde.internal.stencil;

/**
 * Level-1 BLAS on the unknowns of padded arrays (the end layers are neither read nor written): dot products, plain
 * and with the quadrature weights W of {@link ShiftedLaplacian}, norms, axpy/xpay, means. Reductions sum one partial
 * per x row and then the partials in row order, so their results do not depend on the thread count. Immutable.
 */
public final class PaddedVectors {

    private final PaddedLayout layout;
    private final double[] w0;
    private final double[] w1;
    private final double[] w2;

    /** @param operator the operator whose layout and weights W are used */
    public PaddedVectors(ShiftedLaplacian operator) {
        this.layout = operator.layout();
        this.w0 = operator.axis(0).weight;
        this.w1 = operator.axis(1).weight;
        this.w2 = operator.axis(2).weight;
    }

    /**
     * @param partial per-row partial sums
     * @return their sum, in index order
     */
    public static double sum(double[] partial) {
        double s = 0;
        for (double p : partial) {
            s += p;
        }
        return s;
    }

    /**
     * @param v padded array
     * @return ‖v‖₂ over the unknowns
     */
    public double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    /**
     * @param x padded array
     * @param y padded array
     * @return Σ x·y over the unknowns (deterministic order)
     */
    public double dot(double[] x, double[] y) {
        double[] partial = new double[layout.rows()];
        int m0 = layout.m0;
        layout.forEachRow((row, start) -> {
            double sum = 0;
            for (int q = start, end = start + m0; q < end; q++) {
                sum += x[q] * y[q];
            }
            partial[row] = sum;
        });
        return sum(partial);
    }

    /**
     * @param x padded array
     * @param y padded array
     * @return Σ W·x·y over the unknowns (deterministic order)
     */
    public double weightedDot(double[] x, double[] y) {
        double[] partial = new double[layout.rows()];
        int m0 = layout.m0;
        int m1 = layout.m1;
        layout.forEachRow((row, start) -> {
            double sum = 0;
            for (int i = 0; i < m0; i++) {
                sum += w0[i] * x[start + i] * y[start + i];
            }
            partial[row] = w1[row % m1] * w2[row / m1] * sum;
        });
        return sum(partial);
    }

    /**
     * y += a·x over the unknowns.
     *
     * @param a the factor
     * @param x padded input
     * @param y padded array, updated
     */
    public void axpy(double a, double[] x, double[] y) {
        int m0 = layout.m0;
        layout.forEachRow((row, start) -> {
            for (int q = start, end = start + m0; q < end; q++) {
                y[q] += a * x[q];
            }
        });
    }

    /**
     * y = x + a·y over the unknowns.
     *
     * @param x padded input
     * @param a the factor
     * @param y padded array, updated
     */
    public void xpay(double[] x, double a, double[] y) {
        int m0 = layout.m0;
        layout.forEachRow((row, start) -> {
            for (int q = start, end = start + m0; q < end; q++) {
                y[q] = x[q] + a * y[q];
            }
        });
    }

    /**
     * Subtracts a constant from every unknown.
     *
     * @param v padded array, updated in place
     * @param c the constant
     */
    public void subtract(double[] v, double c) {
        int m0 = layout.m0;
        layout.forEachRow((row, start) -> {
            for (int q = start, end = start + m0; q < end; q++) {
                v[q] -= c;
            }
        });
    }

    /**
     * @param v padded array
     * @return Σ W v / Σ W over the unknowns (sequential, in unknown order)
     */
    public double weightedMean(double[] v) {
        double total = 0;
        double weights = 0;
        for (int row = 0; row < layout.rows(); row++) {
            int start = layout.rowStart(row);
            double wj = w1[row % layout.m1];
            double wk = w2[row / layout.m1];
            for (int i = 0; i < layout.m0; i++) {
                double w = w0[i] * wj * wk;
                total += w * v[start + i];
                weights += w;
            }
        }
        return total / weights;
    }

    /**
     * Removes the weighted mean: v ← v − Σ W v / Σ W.
     *
     * @param v padded array, updated in place
     */
    public void removeWeightedMean(double[] v) {
        subtract(v, weightedMean(v));
    }

    /** @return W in unknown numbering i + m0·(j + m1·k) */
    public double[] packedWeights() {
        double[] packed = new double[layout.unknownCount()];
        for (int row = 0; row < layout.rows(); row++) {
            double wj = w1[row % layout.m1];
            double wk = w2[row / layout.m1];
            for (int i = 0; i < layout.m0; i++) {
                packed[i + layout.m0 * row] = w0[i] * wj * wk;
            }
        }
        return packed;
    }
}
