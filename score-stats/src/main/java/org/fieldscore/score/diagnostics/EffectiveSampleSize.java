package org.fieldscore.score.diagnostics;

/**
 * The multi-chain effective sample size (Vehtari, Gelman, Simpson, Carpenter, Bürkner, Rank-normalization, folding,
 * and localization: an improved R̂, Bayesian Analysis 16, 2021, §3.2, without rank normalisation): with per-chain
 * autocovariances γ<sub>c</sub>(t), ρ(t) = 1 − (W − mean<sub>c</sub> γ<sub>c</sub>(t))/var⁺, truncated by Geyer's
 * initial monotone positive sequence, ESS = m·n/τ with τ = −1 + 2Σ<sub>k</sub>(ρ(2k) + ρ(2k+1)).
 */
public final class EffectiveSampleSize {

    private EffectiveSampleSize() {
    }

    /**
     * @param chains one scalar quantity, [chain][draw], at least 4 draws per chain
     * @return the effective number of independent draws (at most m·n·log₁₀(m·n) by Stan's cap; for
     *     anticorrelated chains it may exceed m·n)
     */
    public static double of(double[][] chains) {
        int n = ChainArrays.requireRectangular(chains, 4);
        int m = chains.length;
        double[] means = new double[m];
        double w = 0;
        for (int c = 0; c < m; c++) {
            means[c] = ChainArrays.mean(chains[c], 0, n);
            w += ChainArrays.variance(chains[c], 0, n, means[c]);
        }
        w /= m;
        double b = m > 1 ? n * ChainArrays.variance(means, 0, m, ChainArrays.mean(means, 0, m)) : 0;
        double varPlus = (n - 1.0) / n * w + b / n;
        if (!(varPlus > 0)) {
            throw new IllegalArgumentException("the chains are constant; the effective sample size is undefined");
        }
        double tau = -1;
        double previousPair = Double.POSITIVE_INFINITY;
        for (int t = 0; t + 1 < n; t += 2) {
            double pair = rho(chains, means, n, t, w, varPlus) + rho(chains, means, n, t + 1, w, varPlus);
            if (pair <= 0) {
                break;
            }
            pair = Math.min(pair, previousPair);
            previousPair = pair;
            tau += 2 * pair;
        }
        double total = (double) m * n;
        return Math.min(total / tau, total * Math.log10(total));
    }

    private static double rho(double[][] chains, double[] means, int n, int lag, double w, double varPlus) {
        double acov = 0;
        for (int c = 0; c < chains.length; c++) {
            double[] v = chains[c];
            double mu = means[c];
            double s = 0;
            for (int k = 0; k + lag < n; k++) {
                s += (v[k] - mu) * (v[k + lag] - mu);
            }
            acov += s / n;
        }
        acov /= chains.length;
        // w is the unbiased within-chain variance; the lag-0 autocovariance uses 1/n, so rescale it consistently
        return 1 - (w * (n - 1.0) / n - acov) / varPlus;
    }
}
