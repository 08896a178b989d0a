package org.fieldscore.score.diagnostics;

/**
 * The split potential scale reduction factor R̂ (Gelman et al., Bayesian Data Analysis, 3rd ed., §11.4): every
 * chain is cut into halves, giving m = 2·chains sequences of n draws; with W the mean within-sequence variance and
 * B/n the variance of the sequence means, var⁺ = (n − 1)/n W + B/n and R̂ = √(var⁺/W). Values near 1 (below 1.01)
 * indicate that the chains mix; the split detects chains that are still drifting.
 */
public final class SplitRhat {

    private SplitRhat() {
    }

    /**
     * @param chains one scalar quantity, [chain][draw], at least 4 draws per chain
     * @return split-R̂
     */
    public static double of(double[][] chains) {
        int total = ChainArrays.requireRectangular(chains, 4);
        int n = total / 2;
        int m = 2 * chains.length;
        double[] means = new double[m];
        double w = 0;
        for (int c = 0; c < chains.length; c++) {
            for (int half = 0; half < 2; half++) {
                int from = half * (total - n);
                int s = 2 * c + half;
                means[s] = ChainArrays.mean(chains[c], from, from + n);
                w += ChainArrays.variance(chains[c], from, from + n, means[s]);
            }
        }
        w /= m;
        double grand = ChainArrays.mean(means, 0, m);
        double b = n * ChainArrays.variance(means, 0, m, grand);
        double varPlus = (n - 1.0) / n * w + b / n;
        return Math.sqrt(varPlus / w);
    }
}
