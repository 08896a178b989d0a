package org.fieldscore.fields.ops;

/**
 * Finite-difference weights on arbitrary point sets.
 *
 * <p>{@link #fornberg} is B. Fornberg's recursion ("Generation of finite difference formulas on arbitrarily spaced
 * grids", Math. Comp. 51, 699–706, 1988). {@link #withSlopeDatum} solves the Taylor-matching system directly when
 * one datum is a first derivative (a Neumann or Robin face), the Hermite–Birkhoff variant of the same idea.
 * Offsets are in units of the grid spacing h; the weights approximate h<sup>m</sup>·u<sup>(m)</sup>(x₀).
 */
public final class StencilWeights {

    private StencilWeights() {
    }

    /**
     * @param derivative m ≥ 0
     * @param x0 where the derivative is wanted
     * @param points the offsets of the values used, distinct, at least m + 1 of them
     * @return weights w with Σ w<sub>j</sub> u(points<sub>j</sub>) ≈ h<sup>m</sup> u<sup>(m)</sup>(x₀), exact for
     *     polynomials of degree &lt; points.length
     */
    public static double[] fornberg(int derivative, double x0, double[] points) {
        int n = points.length - 1;
        if (derivative < 0 || derivative > n) {
            throw new IllegalArgumentException("derivative order " + derivative + " needs at least " + (derivative + 1)
                    + " points, got " + points.length);
        }
        double[][][] c = new double[derivative + 1][n + 1][n + 1];
        c[0][0][0] = 1;
        double c1 = 1;
        for (int i = 1; i <= n; i++) {
            double c2 = 1;
            for (int j = 0; j < i; j++) {
                double c3 = points[i] - points[j];
                c2 *= c3;
                for (int k = 0; k <= Math.min(i, derivative); k++) {
                    double prev = k > 0 ? c[k - 1][i - 1][j] : 0;
                    c[k][i][j] = ((points[i] - x0) * c[k][i - 1][j] - k * prev) / c3;
                }
            }
            for (int k = 0; k <= Math.min(i, derivative); k++) {
                double prev = k > 0 ? c[k - 1][i - 1][i - 1] : 0;
                c[k][i][i] = c1 / c2 * (k * prev - (points[i - 1] - x0) * c[k][i - 1][i - 1]);
            }
            c1 = c2;
        }
        return c[derivative][n].clone();
    }

    /**
     * Weights that use values at {@code points} and one first-derivative datum h·u'(slopeAt).
     *
     * @param derivative m ≥ 0
     * @param x0 where the derivative is wanted
     * @param points offsets of the values
     * @param slopeAt offset of the first-derivative datum
     * @return points.length + 1 weights; the last multiplies h·u'(slopeAt)
     */
    public static double[] withSlopeDatum(int derivative, double x0, double[] points, double slopeAt) {
        int n = points.length + 1;
        if (derivative >= n) {
            throw new IllegalArgumentException("derivative order " + derivative + " needs more data than "
                    + points.length + " values and one slope");
        }
        double[][] a = new double[n][n + 1];
        for (int k = 0; k < n; k++) {
            double factorial = factorial(k);
            for (int j = 0; j < points.length; j++) {
                a[k][j] = Math.pow(points[j] - x0, k) / factorial;
            }
            a[k][n - 1] = k == 0 ? 0 : Math.pow(slopeAt - x0, k - 1) / factorial(k - 1);
            a[k][n] = k == derivative ? 1 : 0;
        }
        return solve(a, n);
    }

    private static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }

    /** Gaussian elimination with partial pivoting on an augmented n × (n+1) system. */
    private static double[] solve(double[][] a, int n) {
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-14) {
                throw new IllegalArgumentException("the stencil points do not determine the derivative");
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= n; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] w = new double[n];
        for (int r = 0; r < n; r++) {
            w[r] = a[r][n] / a[r][r];
        }
        return w;
    }
}
