package org.fieldscore.score.sde;

import java.util.SplittableRandom;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.score.model.NoiseConditionalScore;
import org.fieldscore.score.model.ScoreModel;

/**
 * A forward noising SDE dx = f(x, t) dt + g(t) dW on t ∈ [ε, 1] with linear drift f(x, t) = a(t)·x (Song, Sohl-Dickstein,
 * Kingma, Kumar, Ermon, Poole, Score-based generative modeling through stochastic differential equations, ICLR 2021,
 * §3.4 and App. B). Its perturbation kernel is Gaussian, p<sub>0t</sub>(x(t) | x(0)) = N(m(t)·x(0), s(t)²I), so the
 * marginal p<sub>t</sub> is the data density scaled by m(t) and blurred by N(0, s(t)²I):
 * <pre>
 *   p_t(x) = m⁻ᵈ p̃_σ̃(x/m),   σ̃ = s/m,   s_t(x) = (1/m) s̃_σ̃(x/m),
 * </pre>
 * with p̃<sub>σ</sub> = p<sub>0</sub> ∗ N(0, σ²I). Every SDE's exact score is therefore a noise-conditional score at
 * σ̃(t) ({@link #score(NoiseConditionalScore)}). Implementations are immutable records.
 */
public sealed interface ScoreSde permits VarianceExplodingSde, VariancePreservingSde, SubVariancePreservingSde {

    /** The names by which the SDEs are chosen: "ve", "vp", "sub-vp". */
    java.util.List<String> NAMES = java.util.List.of("ve", "vp", "sub-vp");

    /** @return the SDE's name, one of {@link #NAMES} */
    String name();

    /** @return ε, the smallest time (the samplers stop there; the kernel is degenerate at t = 0) */
    double epsilon();

    /**
     * @param t a time in [0, 1]
     * @return a(t) with f(x, t) = a(t)·x
     */
    double driftRate(double t);

    /**
     * @param t a time in [0, 1]
     * @return g(t)
     */
    double diffusion(double t);

    /**
     * @param t a time in [0, 1]
     * @return m(t), the mean of x(t) given x(0) divided by x(0)
     */
    double meanScale(double t);

    /**
     * @param t a time in [0, 1]
     * @return s(t), the standard deviation of x(t) given x(0)
     */
    double marginalStd(double t);

    /** @return the standard deviation of the prior N(0, σ²<sub>T</sub>I) the reverse process starts from */
    double priorStd();

    /**
     * @param x a point
     * @param t the time
     * @param out receives f(x, t) = a(t)·x
     */
    default void drift(double[] x, double t, double[] out) {
        double a = driftRate(t);
        for (int i = 0; i < x.length; i++) {
            out[i] = a * x[i];
        }
    }

    /**
     * @param t a time
     * @return σ̃(t) = s(t)/m(t), the noise level of the unscaled blur p<sub>0</sub> ∗ N(0, σ̃²I) behind p<sub>t</sub>
     */
    default double noiseLevel(double t) {
        return marginalStd(t) / meanScale(t);
    }

    /**
     * @param random the stream
     * @param x receives a draw of the prior N(0, σ²<sub>T</sub>I)
     */
    default void samplePrior(SplittableRandom random, double[] x) {
        double s = priorStd();
        for (int i = 0; i < x.length; i++) {
            x[i] = s * random.nextGaussian();
        }
    }

    /**
     * @param x a point
     * @return log N(x; 0, σ²<sub>T</sub>I)
     */
    default double priorLogDensity(double[] x) {
        double s = priorStd();
        double q = 0;
        for (double v : x) {
            q += v * v;
        }
        return -0.5 * q / (s * s) - x.length * (Math.log(s) + 0.5 * Math.log(2 * Math.PI));
    }

    /**
     * The exact score of p<sub>t</sub> from a family of blurred scores of p<sub>0</sub> (a Gaussian mixture's closed
     * form, a grid solve of the heat equation, a noise-conditional network):
     * s<sub>t</sub>(x) = (1/m) s̃<sub>σ̃(t)</sub>(x/m), ∇·s<sub>t</sub>(x) = (1/m²) ∇·s̃<sub>σ̃</sub>(x/m).
     *
     * @param blurred σ ↦ the score of p<sub>0</sub> ∗ N(0, σ²I)
     * @return t ↦ the score of p<sub>t</sub>
     */
    default TimeConditionalScore score(NoiseConditionalScore blurred) {
        ScoreSde sde = this;
        int d = blurred.atNoise(noiseLevel(1)).dimension();
        return new TimeConditionalScore() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public ScoreModel at(double t) {
                sde.requireTime(t, "t");
                double m = sde.meanScale(t);
                ScoreModel s = blurred.atNoise(sde.noiseLevel(t));
                return m == 1 ? s : new ScaledScore(s, 1 / m);
            }
        };
    }

    /**
     * The inverse of {@link #score(NoiseConditionalScore)}: the blurred scores of p<sub>0</sub> from a time-conditional
     * score of this SDE, s̃<sub>σ</sub>(y) = m·s<sub>t</sub>(m y) at the time t with σ̃(t) = σ (σ̃ increases with t for
     * the three SDEs; t by Brent's method to 1e-13). So a learned time-conditional network drives annealed Langevin,
     * or the samplers of another SDE.
     *
     * @param score s(x, t) of this SDE
     * @return σ ↦ the score of p<sub>0</sub> ∗ N(0, σ²I), for σ̃(ε) ≤ σ ≤ σ̃(1)
     */
    default NoiseConditionalScore blurred(TimeConditionalScore score) {
        ScoreSde sde = this;
        double low = noiseLevel(epsilon());
        double high = noiseLevel(1);
        return sigma -> {
            if (!(sigma >= low * (1 - 1e-12) && sigma <= high * (1 + 1e-12))) {
                throw InvalidArgumentException.of("sigma", sigma, "in [" + low + ", " + high + "], the noise levels"
                        + " σ̃(t) = s(t)/m(t) of the " + sde.name() + " SDE over [ε, 1]");
            }
            double t = Math.min(1, Math.max(sde.epsilon(), new org.hipparchus.analysis.solvers.BrentSolver(1e-13)
                    .solve(200, u -> Math.log(sde.noiseLevel(u) / sigma), sde.epsilon(), 1)));
            if (Math.abs(sigma - low) <= 1e-12 * low) {
                t = sde.epsilon();
            } else if (Math.abs(sigma - high) <= 1e-12 * high) {
                t = 1;
            }
            return new ScaledScore(score.at(t), sde.meanScale(t));
        };
    }

    /**
     * @param t a time
     * @param argument the argument's name for the message
     * @throws InvalidArgumentException unless ε ≤ t ≤ 1
     */
    default void requireTime(double t, String argument) {
        if (!(t >= epsilon() && t <= 1)) {
            throw InvalidArgumentException.of(argument, t, "in [ε, 1] = [" + epsilon() + ", 1]");
        }
    }

    /**
     * @param name one of {@link #NAMES}
     * @param first σ<sub>min</sub> for "ve", β<sub>min</sub> otherwise
     * @param second σ<sub>max</sub> for "ve", β<sub>max</sub> otherwise
     * @param epsilon ε
     * @return the SDE
     * @throws InvalidArgumentException for an unknown name or invalid parameters
     */
    static ScoreSde of(String name, double first, double second, double epsilon) {
        return switch (name) {
            case "ve" -> new VarianceExplodingSde(first, second, epsilon);
            case "vp" -> new VariancePreservingSde(first, second, epsilon);
            case "sub-vp" -> new SubVariancePreservingSde(first, second, epsilon);
            default -> throw InvalidArgumentException.of("sde", name, "one of " + NAMES);
        };
    }

    /**
     * Checks ε, shared by the SDEs.
     *
     * @param epsilon ε
     * @throws InvalidArgumentException unless 0 &lt; ε &lt; 1
     */
    static void requireEpsilon(double epsilon) {
        if (!(epsilon > 0 && epsilon < 1)) {
            throw InvalidArgumentException.of("epsilon", epsilon, "in (0, 1): the smallest time of t ∈ [ε, 1]");
        }
    }

    /**
     * Checks a β range, shared by the VP SDEs.
     *
     * @param betaMin β<sub>min</sub>
     * @param betaMax β<sub>max</sub>
     */
    static void requireBetas(double betaMin, double betaMax) {
        if (!(betaMin > 0) || !Double.isFinite(betaMin)) {
            throw InvalidArgumentException.of("beta-min", betaMin, "> 0 and finite");
        }
        if (!(betaMax > betaMin) || !Double.isFinite(betaMax)) {
            throw InvalidArgumentException.of("beta-max", betaMax, "finite and > beta-min = " + betaMin);
        }
    }
}
