package org.fieldscore.score.diagnostics;

import org.fieldscore.score.sample.ChainSamples;

/**
 * Convergence of a set of Markov chains summarised over coordinates: the smallest effective sample size and the
 * largest split-R̂ (A. Vehtari et al., "Rank-normalization, folding, and localization: an improved R̂", Bayesian
 * Analysis 16, 2021, without the rank normalisation). The worst coordinate decides whether chains have mixed.
 *
 * @param essMin min over coordinates of {@link EffectiveSampleSize#of}
 * @param rhatMax max over coordinates of {@link SplitRhat#of}, NaN when there is one chain with fewer than four
 *     draws (split-R̂ needs two half-chains of two draws)
 */
public record ChainDiagnostics(double essMin, double rhatMax) {

    /**
     * @param samples the chains' kept draws
     * @return the worst coordinate's ESS and R̂
     */
    public static ChainDiagnostics of(ChainSamples samples) {
        double ess = Double.POSITIVE_INFINITY;
        double rhat = 0;
        for (int a = 0; a < samples.dimension(); a++) {
            double[][] chains = samples.perChain(a);
            ess = Math.min(ess, EffectiveSampleSize.of(chains));
            rhat = Math.max(rhat, chains.length > 1 || chains[0].length >= 4 ? SplitRhat.of(chains) : Double.NaN);
        }
        return new ChainDiagnostics(ess, rhat);
    }
}
