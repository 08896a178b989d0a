package org.fieldscore.score.diagnostics;

/** Checks of [chain][draw] arrays shared by the convergence diagnostics. */
final class ChainArrays {

    private ChainArrays() {
    }

    static int requireRectangular(double[][] chains, int minDraws) {
        if (chains.length < 1) {
            throw new IllegalArgumentException("at least one chain is needed");
        }
        int n = chains[0].length;
        if (n < minDraws) {
            throw new IllegalArgumentException("each chain needs at least " + minDraws + " draws, got " + n);
        }
        for (int c = 0; c < chains.length; c++) {
            if (chains[c].length != n) {
                throw new IllegalArgumentException("chains must have equal lengths; chain 0 has " + n + " draws, chain "
                        + c + " has " + chains[c].length);
            }
            for (int k = 0; k < n; k++) {
                if (!Double.isFinite(chains[c][k])) {
                    throw new IllegalArgumentException("chain " + c + ", draw " + k + " is " + chains[c][k]);
                }
            }
        }
        return n;
    }

    static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }

    static double variance(double[] v, int from, int to, double mean) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (v[i] - mean) * (v[i] - mean);
        }
        return s / (to - from - 1);
    }
}
