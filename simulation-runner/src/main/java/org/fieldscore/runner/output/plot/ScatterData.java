package org.fieldscore.runner.output.plot;

/** Packs sample coordinates into JFreeChart's {x[], y[]} layout, striding large samples. */
final class ScatterData {

    private ScatterData() {
    }

    static double[][] strided(double[] x, double[] y, int maxPoints) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y need the same length, got " + x.length + " and " + y.length);
        }
        int stride = Math.max(1, (x.length + maxPoints - 1) / maxPoints);
        int n = (x.length + stride - 1) / stride;
        double[][] xy = new double[2][n];
        for (int i = 0; i < n; i++) {
            xy[0][i] = x[i * stride];
            xy[1][i] = y[i * stride];
        }
        return xy;
    }
}
