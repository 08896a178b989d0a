package org.fieldscore.fields.kernel;

import org.fieldscore.fields.parallel.ParallelLoops;

/**
 * Allocation-free Laplacian kernels on flat arrays (x fastest), the inner loops of the operators and solvers.
 *
 * <p>They write the points whose whole stencil lies inside the array ("interior" points: at least r = order/2
 * points away from every face) and leave the others untouched; callers close the stencil at the faces.
 * Large grids are split over z-planes (3-D) or y-rows (2-D) and run on both cores.
 */
public final class LaplacianKernel {

    private LaplacianKernel() {
    }

    /**
     * Second-order 7-point (3-D), 5-point (2-D) or 3-point (1-D) Laplacian:
     * out = Σ<sub>a</sub> (in[p − s<sub>a</sub>] − 2 in[p] + in[p + s<sub>a</sub>]) / h<sub>a</sub>².
     *
     * @param shape points per axis (1 to 3 entries)
     * @param spacing h per axis
     * @param in input values
     * @param out output values; interior points are overwritten
     */
    public static void secondOrder(int[] shape, double[] spacing, double[] in, double[] out) {
        switch (shape.length) {
            case 1 -> secondOrder1D(shape[0], 1 / (spacing[0] * spacing[0]), in, out);
            case 2 -> secondOrder2D(shape[0], shape[1], 1 / (spacing[0] * spacing[0]), 1 / (spacing[1] * spacing[1]),
                    in, out);
            case 3 -> secondOrder3D(shape[0], shape[1], shape[2], 1 / (spacing[0] * spacing[0]),
                    1 / (spacing[1] * spacing[1]), 1 / (spacing[2] * spacing[2]), in, out);
            default -> throw new IllegalArgumentException("space dimension must be 1, 2 or 3, got " + shape.length);
        }
    }

    private static void secondOrder1D(int nx, double ax, double[] in, double[] out) {
        for (int i = 1; i < nx - 1; i++) {
            out[i] = ax * (in[i - 1] - 2 * in[i] + in[i + 1]);
        }
    }

    private static void secondOrder2D(int nx, int ny, double ax, double ay, double[] in, double[] out) {
        double c = -2 * (ax + ay);
        ParallelLoops.forRange(1, ny - 1, 16, (from, to) -> {
            for (int j = from; j < to; j++) {
                int row = j * nx;
                for (int i = 1; i < nx - 1; i++) {
                    int p = row + i;
                    out[p] = c * in[p] + ax * (in[p - 1] + in[p + 1]) + ay * (in[p - nx] + in[p + nx]);
                }
            }
        });
    }

    private static void secondOrder3D(int nx, int ny, int nz, double ax, double ay, double az, double[] in,
            double[] out) {
        int sz = nx * ny;
        double c = -2 * (ax + ay + az);
        ParallelLoops.forRange(1, nz - 1, 1, (from, to) -> {
            for (int k = from; k < to; k++) {
                for (int j = 1; j < ny - 1; j++) {
                    int row = k * sz + j * nx;
                    for (int p = row + 1; p < row + nx - 1; p++) {
                        out[p] = c * in[p] + ax * (in[p - 1] + in[p + 1]) + ay * (in[p - nx] + in[p + nx])
                                + az * (in[p - sz] + in[p + sz]);
                    }
                }
            }
        });
    }

    /**
     * One row segment [from, to) of a centred Laplacian of radius r (every point's stencil must lie inside the
     * array): out[p] = Σ<sub>a</sub> Σ<sub>k</sub> w<sub>a,k</sub> in[p + k s<sub>a</sub>]. The 7-point case is fused
     * into a single expression.
     *
     * @param in input values
     * @param out output values
     * @param from first flat index
     * @param to end flat index (exclusive)
     * @param strides flat stride per axis
     * @param weights per axis 2r + 1 weights, already divided by h<sub>a</sub>²
     */
    public static void centredRow(double[] in, double[] out, int from, int to, int[] strides, double[][] weights) {
        int d = strides.length;
        if (weights[0].length == 3 && d == 3) {
            double ax = weights[0][0];
            double ay = weights[1][0];
            double az = weights[2][0];
            double c = weights[0][1] + weights[1][1] + weights[2][1];
            int sy = strides[1];
            int sz = strides[2];
            for (int p = from; p < to; p++) {
                out[p] = c * in[p] + ax * (in[p - 1] + in[p + 1]) + ay * (in[p - sy] + in[p + sy])
                        + az * (in[p - sz] + in[p + sz]);
            }
            return;
        }
        int r = (weights[0].length - 1) / 2;
        double centre = 0;
        for (double[] w : weights) {
            centre += w[r];
        }
        for (int p = from; p < to; p++) {
            out[p] = centre * in[p];
        }
        for (int a = 0; a < d; a++) {
            double[] w = weights[a];
            for (int k = -r; k <= r; k++) {
                if (k == 0) {
                    continue;
                }
                double wk = w[k + r];
                int off = k * strides[a];
                for (int p = from; p < to; p++) {
                    out[p] += wk * in[p + off];
                }
            }
        }
    }
}
