package org.fieldscore.score.sample;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.sde.OdeTolerance;
import org.fieldscore.score.sde.ProbabilityFlow;
import org.fieldscore.score.sde.ScoreSde;
import org.fieldscore.score.sde.TimeConditionalScore;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;

/**
 * Samples by the probability-flow ODE dx/dt = f − ½g²s ({@link ProbabilityFlow}) from a prior draw at t = 1 down to ε,
 * integrated by Hipparchus' adaptive Dormand–Prince 5(4) at the given {@link OdeTolerance} (Song et al., ICLR 2021,
 * §4.3). Deterministic given the prior draw, which comes from the chain's stream (seed, c). Thread-safe;
 * it keeps the number of score evaluations of its last run.
 */
public final class ProbabilityFlowSampler {

    private final ProbabilityFlow flow;
    private final OdeTolerance tolerance;
    private final AtomicLong evaluations = new AtomicLong();

    /**
     * @param sde the forward SDE
     * @param score s(x, t)
     * @param tolerance the integrator's tolerances
     */
    public ProbabilityFlowSampler(ScoreSde sde, TimeConditionalScore score, OdeTolerance tolerance) {
        this.flow = new ProbabilityFlow(Objects.requireNonNull(sde, "sde"), Objects.requireNonNull(score, "score"));
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    /**
     * @param chains number of chains
     * @param seed seed of the prior draws
     * @param listener progress, one unit per chain
     * @return one draw per chain (the state at ε)
     */
    public ChainSamples run(int chains, long seed, ProgressListener listener) {
        ScoreSde sde = flow.sde();
        int d = flow.score().dimension();
        ChainSettings settings = ChainSettings.of(chains, 0, 1, seed);
        evaluations.set(0);
        return ChainRunner.run("probability-flow ODE (" + sde.name() + "), Dormand–Prince, tolerance "
                + tolerance.absolute() + "/" + tolerance.relative(), d, settings, 0, ReverseSdeSampler.priorStart(sde),
                () -> new Transition() {
                    @Override
                    public void begin(double[] x) {
                    }

                    @Override
                    public boolean advance(long step, double[] x, SplittableRandom random) {
                        DormandPrince54Integrator integrator = tolerance.integrator(1 - sde.epsilon());
                        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
                            @Override
                            public int getDimension() {
                                return d;
                            }

                            @Override
                            public double[] computeDerivatives(double t, double[] y) {
                                double[] out = new double[d];
                                flow.velocity(y, t, flow.scoreAt(t), out);
                                return out;
                            }
                        };
                        double[] end = integrator.integrate(ode, new ODEState(1.0, x.clone()), sde.epsilon())
                                .getPrimaryState();
                        evaluations.addAndGet(integrator.getEvaluations());
                        System.arraycopy(end, 0, x, 0, d);
                        return true;
                    }
                }, Double.NaN, Double.NaN, listener);
    }

    /** @return the score evaluations of the last {@link #run}, over all chains (the NFE of Song et al.) */
    public long evaluations() {
        return evaluations.get();
    }
}
