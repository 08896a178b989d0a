package org.fieldscore.runner.step;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a sampler's chains mixed, judged from its own diagnostics: the largest split-R̂ of the coordinates must be
 * below {@value #RHAT_LIMIT} and the smallest effective sample size at least {@value #ESS_FRACTION} of the draws kept
 * (A. Vehtari, A. Gelman, D. Simpson, B. Carpenter and P.-C. Bürkner, "Rank-normalization, folding, and
 * localization: an improved R̂ for assessing convergence of MCMC", Bayesian Analysis 16(2), 2021, recommend
 * R̂ &lt; 1.01). A sampler that misses either gets a warning; its numbers are still reported.
 */
public final class MixingCheck {

    /** R̂ at or above this means the chains have not mixed. */
    public static final double RHAT_LIMIT = 1.01;
    /** An effective sample size below this share of the draws kept means the chains are too sticky. */
    public static final double ESS_FRACTION = 0.01;

    private MixingCheck() {
    }

    /**
     * @param metrics a step's metrics; the check applies when they hold {@code rhat-max}, {@code ess-min} and
     *     {@code count} (the draws kept over all chains)
     * @return the warning, or empty when the chains mixed or the step has no chain diagnostics
     */
    public static Optional<String> warning(Map<String, Double> metrics) {
        Double rhat = metrics.get("rhat-max");
        Double ess = metrics.get("ess-min");
        Double count = metrics.get("count");
        if (rhat == null || ess == null || count == null) {
            return Optional.empty();
        }
        StringBuilder problems = new StringBuilder();
        if (!(rhat < RHAT_LIMIT)) {
            problems.append(String.format(Locale.ROOT, "max R-hat = %.4g (should be below %.2f)", rhat, RHAT_LIMIT));
        }
        if (!(ess >= ESS_FRACTION * count)) {
            problems.append(problems.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "min ESS = %.0f of %.0f draws (%.2g %%, should be at least %.0f %%)", ess, count,
                    100 * ess / count, 100 * ESS_FRACTION));
        }
        if (problems.length() == 0) {
            return Optional.empty();
        }
        return Optional.of("the chains have not mixed: " + problems
                + "; run longer chains, thin them, or take a larger step size");
    }
}
