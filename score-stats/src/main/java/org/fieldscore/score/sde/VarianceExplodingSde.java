package org.fieldscore.score.sde;

import org.fieldscore.fields.InvalidArgumentException;

/**
 * The variance-exploding SDE dx = g(t) dW, the continuum limit of NCSN's noise levels (Song et al., ICLR 2021,
 * eq. 9 and App. C): σ(t) = σ<sub>min</sub>(σ<sub>max</sub>/σ<sub>min</sub>)<sup>t</sup>,
 * g(t) = σ(t)√(2 log(σ<sub>max</sub>/σ<sub>min</sub>)), f = 0, m = 1 and the exact kernel variance
 * s(t)² = σ(t)² − σ²<sub>min</sub> (the integral of g² from 0 to t). The prior is N(0, σ²<sub>max</sub>I).
 * NCSN's geometric levels σ<sub>1</sub> &gt; … &gt; σ<sub>L</sub> (Song &amp; Ermon, NeurIPS 2019) are σ(t) at L
 * equally spaced times ({@link #ncsnLevels}).
 *
 * @param sigmaMin σ<sub>min</sub> &gt; 0
 * @param sigmaMax σ<sub>max</sub> &gt; σ<sub>min</sub>
 * @param epsilon the smallest time ε ∈ (0, 1)
 */
public record VarianceExplodingSde(double sigmaMin, double sigmaMax, double epsilon) implements ScoreSde {

    /** Checks the parameters. */
    public VarianceExplodingSde {
        NoiseSchedules.requireRange(sigmaMax, sigmaMin);
        ScoreSde.requireEpsilon(epsilon);
    }

    @Override
    public String name() {
        return "ve";
    }

    /**
     * @param t a time
     * @return σ(t) = σ<sub>min</sub>(σ<sub>max</sub>/σ<sub>min</sub>)<sup>t</sup>
     */
    public double sigma(double t) {
        return sigmaMin * Math.pow(sigmaMax / sigmaMin, t);
    }

    @Override
    public double driftRate(double t) {
        return 0;
    }

    @Override
    public double diffusion(double t) {
        return sigma(t) * Math.sqrt(2 * Math.log(sigmaMax / sigmaMin));
    }

    @Override
    public double meanScale(double t) {
        return 1;
    }

    @Override
    public double marginalStd(double t) {
        double s = sigma(t);
        return Math.sqrt(Math.max(0, s * s - sigmaMin * sigmaMin));
    }

    @Override
    public double priorStd() {
        return sigmaMax;
    }

    /**
     * NCSN's discrete levels σ<sub>i</sub> = σ<sub>max</sub>(σ<sub>min</sub>/σ<sub>max</sub>)<sup>(i−1)/(L−1)</sup>,
     * i = 1 … L, which are σ(t) at t = 1 − (i−1)/(L−1).
     *
     * @param levels L ≥ 2
     * @return σ<sub>1</sub> &gt; … &gt; σ<sub>L</sub>
     */
    public double[] ncsnLevels(int levels) {
        if (levels < 2) {
            throw InvalidArgumentException.of("levels", levels, "at least 2");
        }
        double[] s = new double[levels];
        for (int i = 0; i < levels; i++) {
            s[i] = sigma(1 - i / (double) (levels - 1));
        }
        return s;
    }
}
