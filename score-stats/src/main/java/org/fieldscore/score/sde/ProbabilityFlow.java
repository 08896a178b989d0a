package org.fieldscore.score.sde;

import org.fieldscore.score.model.ScoreModel;

/**
 * The probability-flow ODE of a score SDE, dx/dt = ṽ(x, t) = f(x, t) − ½g(t)²s(x, t), whose solutions share the SDE's
 * marginals p<sub>t</sub> (Song et al., ICLR 2021, eq. 13), and its divergence
 * ∇·ṽ = d·a(t) − ½g(t)²∇·s (for f = a(t)x), the integrand of the instantaneous change of variables
 * d log p<sub>t</sub>(x(t))/dt = −∇·ṽ (Chen, Rubanova, Bettencourt, Duvenaud, NeurIPS 2018). Immutable.
 *
 * @param sde the SDE
 * @param score the time-conditional score
 */
public record ProbabilityFlow(ScoreSde sde, TimeConditionalScore score) {

    /**
     * @param t a time the integrator asks for, which may overshoot [ε, 1] by rounding
     * @return the score at t clamped to [ε, 1]
     */
    public ScoreModel scoreAt(double t) {
        return score.at(Math.max(sde.epsilon(), Math.min(1, t)));
    }

    /**
     * @param x a point
     * @param t the time
     * @param s the score at t
     * @param out receives ṽ(x, t)
     */
    public void velocity(double[] x, double t, ScoreModel s, double[] out) {
        s.score(x, out);
        double a = sde.driftRate(t);
        double g = sde.diffusion(t);
        double h = 0.5 * g * g;
        for (int i = 0; i < x.length; i++) {
            out[i] = a * x[i] - h * out[i];
        }
    }

    /**
     * @param t the time
     * @param scoreDivergence ∇·s at the point
     * @param d the dimension
     * @return ∇·ṽ = d·a(t) − ½g²∇·s
     */
    public double velocityDivergence(double t, double scoreDivergence, int d) {
        double g = sde.diffusion(t);
        return d * sde.driftRate(t) - 0.5 * g * g * scoreDivergence;
    }
}
