package org.fieldscore.score.estimate;

import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.model.ScoreModel;

/**
 * The linear score model s(x) = Ax + b (the score of a Gaussian when A is symmetric negative definite);
 * tr(∂s/∂x) = tr A. Immutable.
 */
public final class LinearScoreModel implements ScoreModel {

    private final int d;
    private final double[] a;
    private final double[] b;

    /**
     * @param a A, d×d
     * @param b b, length d
     */
    public LinearScoreModel(double[][] a, double[] b) {
        d = b.length;
        Checks.requirePositive(d, "length of b");
        Checks.requireSquare(a, d, "A");
        Checks.requireFinite(b, "b");
        this.a = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(a[i], 0, this.a, i * d, d);
        }
        this.b = b.clone();
    }

    /** @return A (a copy) */
    public double[][] matrix() {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(a, i * d, m[i], 0, d);
        }
        return m;
    }

    /** @return b (a copy) */
    public double[] offset() {
        return b.clone();
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public void score(double[] x, double[] out) {
        for (int i = 0; i < d; i++) {
            double s = b[i];
            for (int j = 0; j < d; j++) {
                s += a[i * d + j] * x[j];
            }
            out[i] = s;
        }
    }

    @Override
    public double scoreDivergence(double[] x) {
        double tr = 0;
        for (int i = 0; i < d; i++) {
            tr += a[i * d + i];
        }
        return tr;
    }
}
