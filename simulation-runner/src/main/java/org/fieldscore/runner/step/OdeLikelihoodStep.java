package org.fieldscore.runner.step;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.input.MapNode;
import org.fieldscore.score.model.GaussianMixtureModel;
import org.fieldscore.score.model.NoiseConditionalScore;
import org.fieldscore.score.sde.OdeTolerance;
import org.fieldscore.score.sde.ProbabilityFlowLikelihood;
import org.fieldscore.score.sde.ScoreSde;

/**
 * {@code type: ode-likelihood} — log-likelihoods of the points of {@code data} under a score-based diffusion model
 * by the probability-flow ODE and the instantaneous change of variables (Song et al., ICLR 2021): the {@code sde}
 * (keys as {@code diffusion-sampler}) with the marginal scores of {@code model} (blurred scores: normal, mixture,
 * noise-conditional or time-conditional network), Dormand–Prince at {@code ode-tolerance}, the exact divergence
 * ({@code probes: 0}, default) or Hutchinson's estimator with that many probes, and the prior as log p₁. Metrics:
 * {@code mean-log-density}, {@code mean-standard-error} (Hutchinson), {@code evaluations}; with a mixture
 * {@code truth}, its exact {@code exact-mean-log-density} at t = ε and the {@code mean-absolute-error} and
 * {@code max-absolute-error} of the ODE values against it.
 *
 * @param header id, type, position
 * @param model the model
 * @param data the points
 * @param sde the SDE
 * @param tolerance the ODE tolerance
 * @param probes 0 or the number of Hutchinson probes
 * @param seed seed or null
 * @param truth a mixture model or null
 */
public record OdeLikelihoodStep(StepHeader header, Reference model, Reference data, ScoreSde sde, double tolerance,
        int probes, Long seed, Reference truth) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("model", "data", "sde", "sigma-min", "sigma-max", "beta-min",
            "beta-max", "epsilon", "ode-tolerance", "probes", "seed", "truth");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Reference model = reading.reference(body.require("model", "the id of a model with blurred scores"));
        Reference data = reading.reference(body.require("data", "the id of the points to evaluate"));
        ScoreSde sde = DiffusionSamplerStep.readSde(body);
        double tolerance = DiffusionSamplerStep.readTolerance(body);
        int probes = body.integer("probes", 0, 1000, 0);
        if (probes == 1) {
            throw body.get("probes").problem("probes must be 0 (exact divergence) or at least 2 (Hutchinson), got 1");
        }
        return new OdeLikelihoodStep(header, model, data, sde, tolerance, probes,
                body.has("seed") ? body.get("seed").longValue() : null,
                body.has("truth") ? reading.reference(body.get("truth")) : null);
    }

    @Override
    public List<Reference> references() {
        return truth == null ? List.of(model, data) : List.of(model, data, truth);
    }

    @Override
    public Plan plan(PlanContext context) {
        int d = context.model(model, "'ode-likelihood.model'", ModelCapability.BLURRED_SCORES).components();
        Plan points = context.samples(data, "'ode-likelihood.data'");
        if (points.components() != d) {
            throw data.problem("the model '" + model.id() + "' is " + d + "-dimensional but '" + data.id() + "' has "
                    + points.components() + " coordinates");
        }
        List<String> metrics = new java.util.ArrayList<>(List.of("mean-log-density", "mean-standard-error",
                "evaluations"));
        if (truth != null) {
            context.model(truth, "'ode-likelihood.truth'", ModelCapability.DRAWS);
            metrics.addAll(List.of("exact-mean-log-density", "mean-absolute-error", "max-absolute-error"));
        }
        return new Plan(ResultKind.VALUES, null, 1, 0, 64L * d * (probes + 1), 1e5 * d * (probes + 1),
                "probability-flow log-likelihood (" + sde.name() + ") of '" + data.id() + "' under '" + model.id()
                        + "'", metrics);
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        if (!(context.model(model) instanceof NoiseConditionalScore blurred)) {
            throw new IllegalStateException("'" + model.id() + "' was validated as a model with blurred scores");
        }
        double[] x = context.samples(data).points();
        int d = context.samples(data).dimension();
        Map<String, Double> metrics = new LinkedHashMap<>();
        try {
            GaussianMixtureModel exact = null;
            if (truth != null) {
                if (!(context.model(truth) instanceof GaussianMixtureModel mixture)) {
                    throw new StepFailedException(header, "'truth' must be a mixture model ('" + truth.id()
                            + "' is not): its marginals are known in closed form", null);
                }
                exact = mixture.scaled(sde.meanScale(sde.epsilon())).withNoise(sde.marginalStd(sde.epsilon()));
            }
            long s = seed != null ? seed : context.seedFor(id());
            ProbabilityFlowLikelihood.Estimate e = ProbabilityFlowLikelihood.logDensity(sde, sde.score(blurred), x,
                    OdeTolerance.of(tolerance), probes == 0 ? ProbabilityFlowLikelihood.Divergence.exact()
                            : ProbabilityFlowLikelihood.Divergence.hutchinson(probes, s), null, context.progress());
            int n = e.logDensity().length;
            double mean = 0;
            double se = 0;
            double exactMean = 0;
            double meanError = 0;
            double maxError = 0;
            double[] point = new double[d];
            for (int p = 0; p < n; p++) {
                mean += e.logDensity()[p] / n;
                se += e.standardError()[p] / n;
                if (exact != null) {
                    System.arraycopy(x, p * d, point, 0, d);
                    double truthValue = exact.normalizedLogDensity(point);
                    double error = Math.abs(e.logDensity()[p] - truthValue);
                    exactMean += truthValue / n;
                    meanError += error / n;
                    maxError = Math.max(maxError, error);
                }
            }
            metrics.put("mean-log-density", mean);
            metrics.put("mean-standard-error", se);
            metrics.put("evaluations", (double) e.evaluations());
            if (exact != null) {
                metrics.put("exact-mean-log-density", exactMean);
                metrics.put("mean-absolute-error", meanError);
                metrics.put("max-absolute-error", maxError);
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        return new StepResult(id(), type(), new StepValue.None(), metrics, null, 0);
    }
}
