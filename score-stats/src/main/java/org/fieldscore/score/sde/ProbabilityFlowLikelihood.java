package org.fieldscore.score.sde;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.fields.progress.ItemCounter;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.fields.random.SeededStreams;
import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.model.ScoreModel;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;

/**
 * Log-likelihoods by the probability-flow ODE and the instantaneous change of variables (Song et al., ICLR 2021,
 * §4.3 and App. D.2; Chen et al., NeurIPS 2018): integrating x(t) and the divergence from ε to 1,
 * <pre>
 *   log p_ε(x) = log p_1(x(1)) + ∫_ε^1 ∇·ṽ(x(t), t) dt,   ṽ = f − ½g²s,   ∇·ṽ = d·a(t) − ½g²∇·s,
 * </pre>
 * with the exact divergence of the score ({@link ScoreModel#scoreDivergence}: closed forms, or the network's exact
 * Jacobian trace; the trace term of Hyvärinen's objective) or Hutchinson's estimator (Hutchinson 1989; Grathwohl et
 * al., FFJORD, ICLR 2019) ∇·s ≈ (1/K) Σ vₖᵀ(∂s/∂x)vₖ with K fixed Rademacher probes per point, each
 * vᵀ(∂s/∂x)v by a central difference of s along v. The K probe estimates share the trajectory, so their mean is
 * unbiased and their spread gives the standard error. log p<sub>1</sub> is the prior's unless given. Every point is
 * one Dormand–Prince integration; points run in parallel, point i's probes from the stream (seed, i).
 */
public final class ProbabilityFlowLikelihood {

    private ProbabilityFlowLikelihood() {
    }

    /**
     * How ∇·s is taken.
     *
     * @param probes K: 0 for the exact divergence, ≥ 2 for Hutchinson's estimator with K probes
     * @param seed the seed of the probes
     */
    public record Divergence(int probes, long seed) {

        /** Checks the settings. */
        public Divergence {
            if (probes < 0 || probes == 1) {
                throw InvalidArgumentException.of("probes", probes, "0 (exact) or at least 2 (Hutchinson)");
            }
        }

        /** @return the exact divergence */
        public static Divergence exact() {
            return new Divergence(0, 0);
        }

        /**
         * @param probes K ≥ 2
         * @param seed seed
         * @return Hutchinson's estimator
         */
        public static Divergence hutchinson(int probes, long seed) {
            return new Divergence(probes, seed);
        }

        /**
         * @param d the dimension
         * @param seed the probes' seed
         * @return exact for d ≤ 3, Hutchinson with 16 probes above
         */
        public static Divergence automatic(int d, long seed) {
            return d <= 3 ? exact() : hutchinson(16, seed);
        }
    }

    /**
     * @param logDensity log p<sub>ε</sub>(xᵢ) per point
     * @param standardError its Hutchinson standard error (0 for the exact divergence)
     * @param evaluations score evaluations over all points
     */
    public record Estimate(double[] logDensity, double[] standardError, long evaluations) {
    }

    /**
     * @param sde the SDE
     * @param score s(x, t)
     * @param points n points at time ε, row-major
     * @param tolerance the ODE tolerances
     * @param divergence exact or Hutchinson
     * @param terminal log p<sub>1</sub>, or null for the SDE's prior
     * @param listener progress, one unit per point
     * @return the log-densities
     */
    public static Estimate logDensity(ScoreSde sde, TimeConditionalScore score, double[] points,
            OdeTolerance tolerance, Divergence divergence, ToDoubleFunction<double[]> terminal,
            ProgressListener listener) {
        Objects.requireNonNull(tolerance, "tolerance");
        int d = score.dimension();
        int n = Checks.requireSamples(points, d);
        ToDoubleFunction<double[]> end = terminal == null ? sde::priorLogDensity : terminal;
        ProbabilityFlow flow = new ProbabilityFlow(sde, score);
        int k = divergence.probes();
        double[] logp = new double[n];
        double[] se = new double[n];
        long[] nfe = new long[n];
        ItemCounter counter = new ItemCounter(listener, n);
        listener.started("probability-flow likelihood (" + sde.name() + "), " + n + " points, "
                + (k == 0 ? "exact divergence" : "Hutchinson with " + k + " probes"), n);
        try {
            ParallelLoops.forRange(0, n, 4, (from, to) -> {
                double[] v = new double[Math.max(1, k) * d];
                double[] plus = new double[d];
                double[] minus = new double[d];
                double[] sp = new double[d];
                double[] sm = new double[d];
                for (int p = from; p < to; p++) {
                    SplittableRandom random = SeededStreams.stream(divergence.seed(), p);
                    for (int j = 0; j < k * d; j++) {
                        v[j] = random.nextBoolean() ? 1 : -1;
                    }
                    int accumulators = Math.max(1, k);
                    OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
                        @Override
                        public int getDimension() {
                            return d + accumulators;
                        }

                        @Override
                        public double[] computeDerivatives(double t, double[] y) {
                            double[] out = new double[d + accumulators];
                            ScoreModel s = flow.scoreAt(t);
                            double[] x = java.util.Arrays.copyOf(y, d);
                            double[] vel = new double[d];
                            flow.velocity(x, t, s, vel);
                            System.arraycopy(vel, 0, out, 0, d);
                            if (k == 0) {
                                out[d] = flow.velocityDivergence(t, s.scoreDivergence(x), d);
                            } else {
                                double h = 1e-4 * Math.max(sde.marginalStd(t), 1e-2);
                                for (int q = 0; q < k; q++) {
                                    for (int i = 0; i < d; i++) {
                                        plus[i] = x[i] + h * v[q * d + i];
                                        minus[i] = x[i] - h * v[q * d + i];
                                    }
                                    s.score(plus, sp);
                                    s.score(minus, sm);
                                    double vjv = 0;
                                    for (int i = 0; i < d; i++) {
                                        vjv += v[q * d + i] * (sp[i] - sm[i]);
                                    }
                                    out[d + q] = flow.velocityDivergence(t, vjv / (2 * h), d);
                                }
                            }
                            return out;
                        }
                    };
                    double[] y0 = new double[d + accumulators];
                    System.arraycopy(points, p * d, y0, 0, d);
                    DormandPrince54Integrator integrator = tolerance.integrator(1 - sde.epsilon());
                    double[] y1 = integrator.integrate(ode, new ODEState(sde.epsilon(), y0), 1.0).getPrimaryState();
                    nfe[p] = (long) integrator.getEvaluations() * (k == 0 ? 1 : 2 * k + 1);
                    double prior = end.applyAsDouble(java.util.Arrays.copyOf(y1, d));
                    double mean = 0;
                    for (int q = 0; q < accumulators; q++) {
                        mean += y1[d + q];
                    }
                    mean /= accumulators;
                    double var = 0;
                    for (int q = 0; q < k; q++) {
                        var += (y1[d + q] - mean) * (y1[d + q] - mean);
                    }
                    logp[p] = prior + mean;
                    se[p] = k == 0 ? 0 : Math.sqrt(var / (k - 1) / k);
                    counter.finishedOne();
                }
            });
        } finally {
            listener.finished();
        }
        long total = 0;
        for (long e : nfe) {
            total += e;
        }
        return new Estimate(logp, se, total);
    }
}
