package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.input.MapNode;
import org.fieldscore.score.diagnostics.TwoSampleComparison;
import org.fieldscore.score.model.ExactSampler;

/**
 * {@code type: diagnostics} — compares samples (data, Langevin or annealed-Langevin draws) with fresh draws from a
 * reference model (a normal or a mixture): the unbiased squared maximum mean discrepancy with a Gaussian kernel of
 * width {@code bandwidth} (A. Gretton et al., JMLR 13, 2012) and, per coordinate, the two-sample
 * Kolmogorov–Smirnov p-value. At most {@code draws} sample points are used, evenly spaced through the samples (so
 * correlated chains are thinned), against {@code draws} reference draws. Metrics: {@code mmd2}, {@code ks-p-i},
 * {@code ks-p-min}, {@code points}.
 *
 * @param header id, type, position
 * @param samples the samples
 * @param reference the reference model
 * @param draws reference draws and the most sample points used
 * @param bandwidth the kernel width
 * @param seed the seed of the reference draws, or null for the derived one
 */
public record DiagnosticsStep(StepHeader header, Reference samples, Reference reference, int draws, double bandwidth,
        Long seed) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("samples", "reference", "draws", "bandwidth", "seed");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        return new DiagnosticsStep(header,
                reading.reference(body.require("samples", "the id of a data, langevin or annealed-langevin step")),
                reading.reference(body.require("reference", "the id of a model step (mvn or mixture) to draw from")),
                body.integer("draws", 10, 20_000, 2000), body.positive("bandwidth", 1.0),
                body.has("seed") ? body.get("seed").longValue() : null);
    }

    @Override
    public List<Reference> references() {
        return List.of(samples, reference);
    }

    @Override
    public Plan plan(PlanContext context) {
        int d = context.samples(samples, "'diagnostics.samples'").components();
        int m = context.model(reference, "'diagnostics.reference'", ModelCapability.DRAWS).components();
        if (d != m) {
            throw reference.problem("the reference model is " + m + "-dimensional but the samples have " + d
                    + " coordinates");
        }
        List<String> metrics = new ArrayList<>(List.of("mmd2", "ks-p-min", "points"));
        for (int a = 0; a < d; a++) {
            metrics.add("ks-p-" + a);
        }
        return new Plan(ResultKind.VALUES, null, 0, 0, 16L * draws * d, (double) draws * draws * d * 4,
                "MMD and Kolmogorov–Smirnov of '" + samples.id() + "' against " + draws + " draws of '"
                        + reference.id() + "'", metrics);
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        StepValue.Samples s = context.samples(samples);
        if (!(context.model(reference) instanceof ExactSampler model)) {
            throw new IllegalStateException("'" + reference.id() + "' was validated as a model with exact draws");
        }
        double[] ref = model.draw(draws, seed != null ? seed : context.seedFor(id()));
        TwoSampleComparison comparison;
        try {
            comparison = TwoSampleComparison.of(s.points(), ref, s.dimension(), bandwidth);
        } catch (IllegalArgumentException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("mmd2", comparison.mmd2());
        double[] p = comparison.ksPValues();
        for (int a = 0; a < p.length; a++) {
            metrics.put("ks-p-" + a, p[a]);
        }
        metrics.put("ks-p-min", comparison.ksPValueMin());
        metrics.put("points", (double) comparison.pointsUsed());
        return new StepResult(id(), type(), new StepValue.None(), metrics, null, 0);
    }
}
