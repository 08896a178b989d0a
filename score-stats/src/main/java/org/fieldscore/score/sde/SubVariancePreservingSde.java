package org.fieldscore.score.sde;

/**
 * The sub-VP SDE dx = −½β(t)x dt + √(β(t)(1 − e<sup>−2B(t)</sup>)) dW (Song et al., ICLR 2021, eq. 12): the VP drift
 * with a smaller diffusion, so that m(t) = e<sup>−B(t)/2</sup> as for VP and s(t) = 1 − e<sup>−B(t)</sup>, whose
 * square is below the VP variance at every t. The prior is N(0, I).
 *
 * @param betaMin β<sub>min</sub> &gt; 0
 * @param betaMax β<sub>max</sub> &gt; β<sub>min</sub>
 * @param epsilon the smallest time ε ∈ (0, 1)
 */
public record SubVariancePreservingSde(double betaMin, double betaMax, double epsilon) implements ScoreSde {

    /** Checks the parameters. */
    public SubVariancePreservingSde {
        ScoreSde.requireBetas(betaMin, betaMax);
        ScoreSde.requireEpsilon(epsilon);
    }

    @Override
    public String name() {
        return "sub-vp";
    }

    private double beta(double t) {
        return VariancePreservingSde.linearBeta(betaMin, betaMax, t);
    }

    private double integratedBeta(double t) {
        return VariancePreservingSde.linearBetaIntegral(betaMin, betaMax, t);
    }

    @Override
    public double driftRate(double t) {
        return -0.5 * beta(t);
    }

    @Override
    public double diffusion(double t) {
        return Math.sqrt(beta(t) * -Math.expm1(-2 * integratedBeta(t)));
    }

    @Override
    public double meanScale(double t) {
        return Math.exp(-0.5 * integratedBeta(t));
    }

    @Override
    public double marginalStd(double t) {
        return -Math.expm1(-integratedBeta(t));
    }

    @Override
    public double priorStd() {
        return 1;
    }
}
