package org.fieldscore.score.diagnostics;

import java.util.Arrays;

import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.score.internal.Checks;

/**
 * The unbiased estimate of the squared maximum mean discrepancy with the Gaussian kernel
 * k(a, b) = exp(−‖a − b‖²/(2h²)) (Gretton et al., A kernel two-sample test, JMLR 13, 2012, eq. 3):
 * <pre>
 *   MMD²_u = 1/(n(n−1)) Σ_{i≠j} k(x_i,x_j) + 1/(m(m−1)) Σ_{i≠j} k(y_i,y_j) − 2/(nm) Σ_{i,j} k(x_i,y_j).
 * </pre>
 * Its expectation is 0 exactly when both samples come from one law; it can be slightly negative. O((n+m)²) work,
 * in parallel over rows with per-row sums added in order (thread-count independent).
 */
public final class MaximumMeanDiscrepancy {

    private MaximumMeanDiscrepancy() {
    }

    /**
     * @param x first sample, row-major
     * @param y second sample, row-major
     * @param d dimension
     * @param bandwidth h &gt; 0
     * @return MMD²_u
     */
    public static double squared(double[] x, double[] y, int d, double bandwidth) {
        int n = Checks.requireSamples(x, d);
        int m = Checks.requireSamples(y, d);
        Checks.requirePositive(bandwidth, "bandwidth");
        if (n < 2 || m < 2) {
            throw new IllegalArgumentException("MMD needs at least 2 draws per sample, got " + n + " and " + m);
        }
        double g = 1 / (2 * bandwidth * bandwidth);
        double kxx = kernelSum(x, n, x, n, d, g, true);
        double kyy = kernelSum(y, m, y, m, d, g, true);
        double kxy = kernelSum(x, n, y, m, d, g, false);
        return kxx / ((double) n * (n - 1)) + kyy / ((double) m * (m - 1)) - 2 * kxy / ((double) n * m);
    }

    /**
     * @param x first sample
     * @param y second sample
     * @param d dimension
     * @return the median of the pairwise distances in the pooled sample (the usual bandwidth heuristic), using at
     *     most the first 1000 points of each
     */
    public static double medianBandwidth(double[] x, double[] y, int d) {
        int n = Math.min(1000, Checks.requireSamples(x, d));
        int m = Math.min(1000, Checks.requireSamples(y, d));
        double[] pooled = new double[(n + m) * d];
        System.arraycopy(x, 0, pooled, 0, n * d);
        System.arraycopy(y, 0, pooled, n * d, m * d);
        int p = n + m;
        double[] dist = new double[p * (p - 1) / 2];
        int k = 0;
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    double e = pooled[i * d + c] - pooled[j * d + c];
                    s += e * e;
                }
                dist[k++] = Math.sqrt(s);
            }
        }
        Arrays.sort(dist);
        return dist[dist.length / 2];
    }

    private static double kernelSum(double[] a, int na, double[] b, int nb, int d, double g, boolean skipDiagonal) {
        double[] rows = new double[na];
        ParallelLoops.forRange(0, na, 16, (from, to) -> {
            for (int i = from; i < to; i++) {
                double s = 0;
                for (int j = 0; j < nb; j++) {
                    if (skipDiagonal && i == j) {
                        continue;
                    }
                    double r = 0;
                    for (int c = 0; c < d; c++) {
                        double e = a[i * d + c] - b[j * d + c];
                        r += e * e;
                    }
                    s += Math.exp(-g * r);
                }
                rows[i] = s;
            }
        });
        double total = 0;
        for (double r : rows) {
            total += r;
        }
        return total;
    }
}
