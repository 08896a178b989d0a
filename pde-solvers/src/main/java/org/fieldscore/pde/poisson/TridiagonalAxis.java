package org.fieldscore.pde.poisson;

import org.fieldscore.pde.internal.stencil.AxisSpec;

/**
 * The one-dimensional operator of one axis of the shifted Laplacian as a tridiagonal matrix, and the solution
 * of (A<sub>axis</sub> + μ)x = f by Gaussian elimination without pivoting (the Thomas algorithm). Row i reads
 * c(u<sub>i−1</sub> − 2u<sub>i</sub> + u<sub>i+1</sub>) inside; at an end the ghost value s·u<sub>end</sub> +
 * t·u<sub>next</sub> of {@link AxisSpec} moves into the diagonal (s·c) and the off-diagonal ((1 + t)c). With μ ≤ 0
 * the matrix is weakly diagonally dominant, so elimination without pivoting is stable; it is singular only for
 * μ = 0 on an axis that conserves constants, where the last unknown is pinned to 0 and the last equation dropped
 * (the caller removes the mean afterwards). Any boundary kind but periodic works, the two ends may differ. Immutable.
 *
 * <p>This is the tridiagonal half of Hockney's method (Hockney 1965): transform along the other axes, then solve
 * along this one.
 */
final class TridiagonalAxis {

    final int m;
    private final double[] lower;
    private final double[] diagonal;
    private final double[] upper;

    /**
     * @param spec a non-periodic active axis
     */
    TridiagonalAxis(AxisSpec spec) {
        if (!spec.active() || spec.periodic()) {
            throw new IllegalArgumentException("a tridiagonal axis must be active and not periodic");
        }
        m = spec.m;
        double c = spec.coefficient;
        lower = new double[m];
        upper = new double[m];
        diagonal = spec.diagonal.clone();
        java.util.Arrays.fill(lower, c);
        java.util.Arrays.fill(upper, c);
        lower[0] = 0;
        upper[m - 1] = 0;
        if (m > 1) {
            upper[0] = c * (1 + (spec.fixedEnd(0) ? 0 : spec.ghostNext[0]));
            lower[m - 1] = c * (1 + (spec.fixedEnd(1) ? 0 : spec.ghostNext[1]));
        }
    }

    /**
     * Solves (A + μ<sub>c</sub>)x<sub>c</sub> = f<sub>c</sub> in place for {@code count} interleaved lines: element p
     * of line c is data[offset + p·step + c], so the inner loops run over contiguous memory.
     *
     * @param data right-hand sides on entry, solutions on exit
     * @param offset index of element 0 of line 0
     * @param step distance between elements p and p + 1 of a line
     * @param count number of lines, at most step when step &gt; 1
     * @param mu μ of each line, ≤ 0
     * @param pinZeroShift whether a line with μ = 0 is singular (the whole operator has the constants as null space)
     * @param scratch at least m·count entries
     */
    void solve(double[] data, int offset, int step, int count, double[] mu, boolean pinZeroShift, double[] scratch) {
        double d0 = diagonal[0];
        double u0 = upper[0];
        for (int c = 0; c < count; c++) {
            double inv = 1 / (d0 + mu[c]);
            data[offset + c] *= inv;
            scratch[c] = u0 * inv;
        }
        for (int p = 1; p < m - 1; p++) {
            eliminate(data, offset + p * step, step, count, mu, p, scratch);
        }
        if (m > 1) {
            int q = offset + (m - 1) * step;
            int s = (m - 2) * count;
            double lo = lower[m - 1];
            double d = diagonal[m - 1];
            for (int c = 0; c < count; c++) {
                data[q + c] = pinZeroShift && mu[c] == 0 ? 0
                        : (data[q + c] - lo * data[q - step + c]) / (d + mu[c] - lo * scratch[s + c]);
            }
        }
        for (int p = m - 2; p >= 0; p--) {
            int q = offset + p * step;
            int s = p * count;
            for (int c = 0; c < count; c++) {
                data[q + c] -= scratch[s + c] * data[q + step + c];
            }
        }
    }

    /** Forward elimination of row p (0 &lt; p &lt; m − 1) for every line. */
    private void eliminate(double[] data, int q, int step, int count, double[] mu, int p, double[] scratch) {
        double lo = lower[p];
        double d = diagonal[p];
        double up = upper[p];
        int s = p * count;
        int sPrev = s - count;
        for (int c = 0; c < count; c++) {
            double inv = 1 / (d + mu[c] - lo * scratch[sPrev + c]);
            scratch[s + c] = up * inv;
            data[q + c] = (data[q + c] - lo * data[q - step + c]) * inv;
        }
    }
}
