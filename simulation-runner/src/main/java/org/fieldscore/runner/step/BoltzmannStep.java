package org.fieldscore.runner.step;

import java.util.List;
import java.util.Map;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.score.bridge.BoltzmannSampling;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.score.sample.ChainSettings;
import org.fieldscore.score.sample.ChainStart;

/**
 * {@code type: boltzmann} — the bridge "Boltzmann sampling in a solved potential" ({@link BoltzmannSampling}):
 * Langevin chains driven by S = −∇φ/T of a potential field (e.g. a Poisson solution) sample exp(−φ/T)/Z; the
 * result is their histogram density on the potential's grid. Metrics: {@code total-variation} between histogram and
 * exp(−φ/T)/Z on the grid, {@code lost-fraction}, and the sample means and variances.
 *
 * @param header id, type, position
 * @param potential the potential field
 * @param temperature T
 * @param stepSize ε
 * @param settings chains, burn-in, draws, thinning
 * @param seed the seed, or null for the derived one
 * @param start where chains start
 */
public record BoltzmannStep(StepHeader header, Reference potential, double temperature, double stepSize,
        ChainSettings settings, Long seed, ChainStart start) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("potential", "temperature", "step-size", "chains", "burn-in",
            "draws", "thin", "start", "seed");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        return new BoltzmannStep(header,
                reading.reference(body.require("potential", "the id of a scalar field step: the potential φ")),
                body.require("temperature", "the temperature T > 0 in the potential's units").positive(),
                LangevinStep.stepSize(body), LangevinStep.chainSettings(header, body),
                body.has("seed") ? body.get("seed").longValue() : null, LangevinStep.start(body.get("start")));
    }

    @Override
    public List<Reference> references() {
        return List.of(potential);
    }

    @Override
    public Plan plan(PlanContext context) {
        Plan p = context.scalarField(potential, "'boltzmann.potential'");
        if (p.grid().hasTime()) {
            throw potential.problem("the potential must be a field on a space grid, got " + p.grid());
        }
        int d = p.grid().spaceDimension();
        List<String> metrics = new java.util.ArrayList<>(DataStep.metricNames(d));
        metrics.addAll(List.of("total-variation", "lost-fraction"));
        long points = (long) settings.chains() * settings.draws() * d;
        return new Plan(ResultKind.SCALAR_FIELD, p.grid(), 1, 8L * p.grid().pointCount(),
                8 * points + 24L * p.grid().pointCount(), 20.0 * d * settings.chains() * settings.stepsPerChain(),
                "Boltzmann sampling of exp(-phi/" + temperature + ") in '" + potential.id() + "' with "
                        + settings.chains() + " Langevin chains, step " + stepSize, metrics);
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        long s = seed != null ? seed : context.seedFor(id());
        ChainSettings cs = new ChainSettings(settings.chains(), settings.burnIn(), settings.draws(), settings.thin(),
                s, 0, settings.divergenceRadius());
        SampledScalarField phi = context.scalar(potential);
        BoltzmannSampling.Result r;
        try {
            r = new BoltzmannSampling(temperature, stepSize).sample(phi, cs, start, context.progress());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        int d = r.samples().dimension();
        Map<String, Double> metrics = DataStep.metrics(new StepValue.Samples(d, r.samples().copyValues(),
                DataStep.axisNames(d)));
        metrics.put("total-variation", r.totalVariation());
        metrics.put("lost-fraction", r.outsideFraction());
        return new StepResult(id(), type(), new StepValue.Scalar(r.histogram(), "1/volume"), metrics, null, 0);
    }
}
