package org.fieldscore.score.sde;

import org.fieldscore.fields.InvalidArgumentException;

/**
 * The variance-preserving SDE dx = −½β(t)x dt + √β(t) dW, the continuum limit of DDPM (Ho, Jain, Abbeel, NeurIPS
 * 2020; Song et al., ICLR 2021, eq. 11 and App. B): β(t) = β<sub>min</sub> + t(β<sub>max</sub> − β<sub>min</sub>),
 * m(t) = exp(−½B(t)) with B(t) = ∫₀ᵗβ = β<sub>min</sub>t + ½t²(β<sub>max</sub> − β<sub>min</sub>), and
 * s(t)² = 1 − m(t)². The prior is N(0, I). DDPM's discrete β<sub>i</sub> = β̄<sub>i</sub>/N are {@link #ddpmBetas};
 * their products Π(1 − β<sub>i</sub>) tend to m(t)² as N → ∞.
 *
 * @param betaMin β<sub>min</sub> &gt; 0 (0.1 in the paper)
 * @param betaMax β<sub>max</sub> &gt; β<sub>min</sub> (20 in the paper)
 * @param epsilon the smallest time ε ∈ (0, 1) (1e-5 for likelihoods, 1e-3 for sampling in the paper)
 */
public record VariancePreservingSde(double betaMin, double betaMax, double epsilon) implements ScoreSde {

    /** Checks the parameters. */
    public VariancePreservingSde {
        ScoreSde.requireBetas(betaMin, betaMax);
        ScoreSde.requireEpsilon(epsilon);
    }

    @Override
    public String name() {
        return "vp";
    }

    /**
     * @param t a time
     * @return β(t)
     */
    public double beta(double t) {
        return linearBeta(betaMin, betaMax, t);
    }

    /**
     * @param t a time
     * @return B(t) = ∫₀ᵗ β(u) du
     */
    public double integratedBeta(double t) {
        return linearBetaIntegral(betaMin, betaMax, t);
    }

    /** β(t) = β<sub>min</sub> + t(β<sub>max</sub> − β<sub>min</sub>), shared with the sub-VP SDE. */
    static double linearBeta(double betaMin, double betaMax, double t) {
        return betaMin + t * (betaMax - betaMin);
    }

    /** B(t) = β<sub>min</sub>t + ½t²(β<sub>max</sub> − β<sub>min</sub>), shared with the sub-VP SDE. */
    static double linearBetaIntegral(double betaMin, double betaMax, double t) {
        return betaMin * t + 0.5 * t * t * (betaMax - betaMin);
    }

    @Override
    public double driftRate(double t) {
        return -0.5 * beta(t);
    }

    @Override
    public double diffusion(double t) {
        return Math.sqrt(beta(t));
    }

    @Override
    public double meanScale(double t) {
        return Math.exp(-0.5 * integratedBeta(t));
    }

    @Override
    public double marginalStd(double t) {
        return Math.sqrt(-Math.expm1(-integratedBeta(t)));
    }

    @Override
    public double priorStd() {
        return 1;
    }

    /**
     * DDPM's linear schedule on N steps: β<sub>i</sub> = β̄<sub>min</sub>/N + (i−1)(β̄<sub>max</sub> −
     * β̄<sub>min</sub>)/(N(N−1)), i = 1 … N (Song et al. 2021, App. B; with N = 1000, β̄ = 0.1 … 20 gives Ho et al.'s
     * 1e-4 … 0.02).
     *
     * @param steps N ≥ 2
     * @return β<sub>1</sub> … β<sub>N</sub>
     */
    public double[] ddpmBetas(int steps) {
        if (steps < 2) {
            throw InvalidArgumentException.of("steps", steps, "at least 2");
        }
        double[] b = new double[steps];
        for (int i = 0; i < steps; i++) {
            b[i] = betaMin / steps + i * (betaMax - betaMin) / ((double) steps * (steps - 1));
        }
        return b;
    }
}
