package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.density.GridDensities;
import org.fieldscore.fields.density.GridHistogram;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.VectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.expr.Formula;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.runner.output.plot.LinePlot;
import org.fieldscore.runner.output.plot.MapPlot;
import org.fieldscore.runner.text.Suggestions;

/**
 * {@code type: compare} — a computed result against a reference, with an error metric and a tolerance that
 * decides pass or fail. Three forms:
 *
 * <ul>
 *   <li><b>field</b>: {@code field: id} against {@code expected: "formula(t, x, y, z)"} (one formula, or a list
 *       for a vector field) or {@code expected-field: id}; the result of a time-dependent step is compared at its
 *       last snapshot, with t its time; metrics {@code l2} (‖a − b‖₂ by the grid's
 *       quadrature), {@code rms} (‖a − b‖₂/|Ω|<sup>½</sup>), {@code max}, {@code relative-l2}
 *       (‖a − b‖₂/‖b‖₂), {@code relative-max}; vector fields are compared through |a − b|;</li>
 *   <li><b>value</b>: {@code value: id.metric} against {@code expected: "formula of parameters"}; metrics
 *       {@code absolute} |a − e|, {@code relative} |a − e|/|e|;</li>
 *   <li><b>histogram</b>: {@code samples: id} against {@code density: "p(x, y, z)"} on the bins of a grid
 *       ({@code bins:}, one bin per grid point, of the grid's cell volume); metrics {@code total-variation}
 *       ½Σ|ĥ − p|ΔV, {@code max} max|ĥ − p|, {@code l2} (Σ(ĥ − p)²ΔV)<sup>½</sup>.</li>
 * </ul>
 *
 * @param header id, type, position
 * @param mode the form
 * @param subject the compared step
 * @param subjectMetric for the value form, the metric name
 * @param expected reference formulas (field: one per component; value: one; histogram: the density)
 * @param expectedField for the field form, a reference field instead of formulas
 * @param bins for the histogram form, the bins
 * @param metric the error metric
 * @param tolerance the largest error that passes
 * @param subjectNode where the subject is written
 */
public record CompareStep(StepHeader header, Mode mode, Reference subject, String subjectMetric,
        List<Formula> expected, Reference expectedField, Grid bins, String metric, double tolerance,
        ScenarioNode subjectNode) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("field", "value", "samples", "expected", "expected-field",
            "density", "bins", "metric", "tolerance");
    /** Metrics of the field form. */
    public static final List<String> FIELD_METRICS = List.of("l2", "rms", "max", "relative-l2", "relative-max");
    /** Metrics of the value form. */
    public static final List<String> VALUE_METRICS = List.of("absolute", "relative");
    /** Metrics of the histogram form. */
    public static final List<String> HISTOGRAM_METRICS = List.of("total-variation", "max", "l2");

    /** The three forms of a comparison. */
    public enum Mode {
        /** A field against a formula or another field. */
        FIELD,
        /** A metric of an earlier step against a closed form. */
        VALUE,
        /** A sample histogram against a density. */
        HISTOGRAM
    }

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        int forms = (body.has("field") ? 1 : 0) + (body.has("value") ? 1 : 0) + (body.has("samples") ? 1 : 0);
        if (forms != 1) {
            throw header.problem("", "give exactly one of 'field' (a field vs a reference), 'value' (id.metric vs a"
                    + " closed form) and 'samples' (a histogram vs a density)");
        }
        ScenarioNode tolNode = body.require("tolerance", "the largest error that passes, > 0");
        double tolerance = tolNode.positive();
        if (body.has("field")) {
            ScenarioNode subjectNode = body.get("field");
            Reference subject = reading.reference(subjectNode);
            String metric = body.choice("metric", FIELD_METRICS, "relative-l2");
            if (body.has("expected") == body.has("expected-field")) {
                throw header.problem("", "give exactly one of 'expected' (a formula over t, x, y, z, or a list of"
                        + " formulas for a vector field) and 'expected-field' (the id of another field)");
            }
            noKeys(body, "density", "bins");
            if (body.has("expected-field")) {
                return new CompareStep(header, Mode.FIELD, subject, null, List.of(),
                        reading.reference(body.get("expected-field")), null, metric, tolerance, subjectNode);
            }
            ScenarioNode e = body.get("expected");
            List<Formula> formulas = new ArrayList<>();
            for (ScenarioNode item : e.isList() ? e.list(1, 4) : List.of(e)) {
                formulas.add(item.formula(StepReading.coordinates(3)));
            }
            return new CompareStep(header, Mode.FIELD, subject, null, formulas, null, null, metric, tolerance,
                    subjectNode);
        }
        if (body.has("value")) {
            ScenarioNode v = body.get("value");
            String text = v.string();
            int dot = text.lastIndexOf('.');
            if (dot <= 0 || dot == text.length() - 1) {
                throw v.problem("expected 'step-id.metric', e.g. 'lagrangian.action', got '" + text + "'");
            }
            noKeys(body, "expected-field", "density", "bins");
            Reference subject = new Reference(text.substring(0, dot), v.position(), v.path());
            Formula e = body.require("expected", "the closed-form value: a number or a formula of parameters")
                    .formula(List.of());
            return new CompareStep(header, Mode.VALUE, subject, text.substring(dot + 1), List.of(e), null, null,
                    body.choice("metric", VALUE_METRICS, "relative"), tolerance, v);
        }
        ScenarioNode s = body.get("samples");
        noKeys(body, "expected", "expected-field");
        Grid bins = reading.grid(body.require("bins", "a grid whose points are the histogram bin centres"));
        Formula density = body.require("density", "the normalised density p over x, y, z")
                .formula(StepReading.coordinates(bins.spaceDimension()).subList(1, 1 + bins.spaceDimension()));
        return new CompareStep(header, Mode.HISTOGRAM, reading.reference(s), null, List.of(density), null, bins,
                body.choice("metric", HISTOGRAM_METRICS, "total-variation"), tolerance, s);
    }

    private static void noKeys(MapNode body, String... keys) {
        for (String k : keys) {
            if (body.has(k)) {
                throw body.get(k).problem("'" + k + "' does not belong to this form of comparison");
            }
        }
    }

    @Override
    public List<Reference> references() {
        return expectedField == null ? List.of(subject) : List.of(subject, expectedField);
    }

    @Override
    public Plan plan(PlanContext context) {
        String summary;
        switch (mode) {
            case FIELD -> {
                Plan a = context.of(subject);
                if (!a.isField()) {
                    throw subject.problem("'compare.field' needs a field, but step '" + subject.id() + "' gives "
                            + a.kind().description());
                }
                if (expectedField != null) {
                    Plan b = context.of(expectedField);
                    if (!b.isField() || b.components() != a.components()) {
                        throw expectedField.problem("'" + expectedField.id() + "' gives " + b.kind().description()
                                + " with " + b.components() + " components; it must match '" + subject.id()
                                + "' (" + a.components() + ")");
                    }
                    PlanContext.requireGrid(expectedField, b, a.grid());
                } else {
                    if (expected.size() != a.components()) {
                        throw header.problem("expected", "'" + subject.id() + "' has " + a.components()
                                + " components; give one formula per component");
                    }
                }
                summary = metric + " error of '" + subject.id() + "' against "
                        + (expectedField != null ? "'" + expectedField.id() + "'" : expectedText());
            }
            case VALUE -> {
                Plan a = context.of(subject);
                if (!a.metrics().contains(subjectMetric)) {
                    throw subjectNode.problem("step '" + subject.id() + "' has no metric '" + subjectMetric + "'."
                            + Suggestions.didYouMean(subjectMetric, a.metrics()) + " Valid metrics of this step: "
                            + String.join(", ", a.metrics()) + ".");
                }
                summary = metric + " error of " + subject.id() + "." + subjectMetric + " against " + expectedText();
            }
            default -> {
                Plan a = context.samples(subject, "'compare.samples'");
                if (a.components() != bins.spaceDimension()) {
                    throw subject.problem("the samples of '" + subject.id() + "' have " + a.components()
                            + " coordinates but the bins are " + bins.spaceDimension() + "-dimensional");
                }
                summary = metric + " between the histogram of '" + subject.id() + "' and " + expectedText();
            }
        }
        summary += " (tolerance " + tolerance + ")";
        List<String> metrics = List.of("error");
        return new Plan(ResultKind.COMPARISON, null, 1, 0, 0, 0, summary, metrics);
    }

    private String expectedText() {
        return String.join(", ", expected.stream().map(Formula::text).toList());
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        Map<String, Double> metrics = new LinkedHashMap<>();
        StepValue value = new StepValue.None();
        double error;
        switch (mode) {
            case FIELD -> error = fieldError(context, metrics);
            case VALUE -> error = valueError(context, metrics);
            default -> {
                SampledScalarField[] histogramAndTarget = new SampledScalarField[2];
                error = histogramError(context, metrics, histogramAndTarget);
                value = histogramPicture(histogramAndTarget[0], histogramAndTarget[1]);
            }
        }
        metrics.put("error", error);
        return new StepResult(id(), type(), value, metrics, Verdict.of(metric, error, tolerance), 0);
    }

    /**
     * The histogram with the target density overlaid: two curves in 1-D, the histogram as a map with the
     * density's contour lines in 2-D; nothing to draw in 3-D.
     */
    private StepValue histogramPicture(SampledScalarField histogram, SampledScalarField target) {
        int d = histogram.grid().spaceDimension();
        String histogramLabel = "histogram of '" + subject.id() + "'";
        if (d == 1) {
            return new StepValue.Picture(title -> LinePlot.titled(title).axes("x", "probability density [1/x]")
                    .field(histogramLabel, histogram).field("expected density " + expectedText(), target).figure());
        }
        if (d == 2) {
            return new StepValue.Picture(title -> MapPlot.titled(title)
                    .heatmap(histogram, "probability density [1/(x·y)]").heatmapLegend(histogramLabel + " (colours)")
                    .contours(target, 8, "expected density (contours)").figure());
        }
        return new StepValue.None();
    }

    private double fieldError(RunContext context, Map<String, Double> metrics) {
        StepValue a = context.result(subject).value();
        SampledScalarField difference;
        SampledScalarField referenceMagnitude;
        if (a instanceof StepValue.Vector v) {
            SampledVectorField field = v.field();
            VectorField ref = expectedField != null ? context.vector(expectedField)
                    : VectorField.of(field.spaceDimension(), expected.size(),
                            CoordinateFunctions.vector(expected.toArray(new Formula[0])));
            SampledVectorField refSampled = ref.sample(field.grid());
            difference = (SampledScalarField) field.minus(refSampled).norm();
            referenceMagnitude = refSampled.norm();
        } else {
            SampledScalarField field = context.scalar(subject);
            ScalarField ref;
            if (expectedField != null) {
                ref = context.scalar(expectedField);
            } else {
                org.fieldscore.fields.ScalarFunction formula = CoordinateFunctions.scalar(expected.get(0));
                double time = a instanceof StepValue.TimeSeries ts ? ts.times().get(ts.times().size() - 1) : 0;
                ref = a instanceof StepValue.TimeSeries ? ScalarField.of(field.spaceDimension(),
                        (t, x) -> formula.value(time, x)) : ScalarField.of(field.spaceDimension(), formula);
            }
            SampledScalarField refSampled = ref.sample(field.grid());
            difference = field.minus(refSampled);
            referenceMagnitude = refSampled;
        }
        double l2 = difference.l2Norm();
        double max = difference.maxNorm();
        double measure = SampledScalarField.constant(difference.grid(), 1.0).integral();
        metrics.put("l2", l2);
        metrics.put("rms", l2 / Math.sqrt(measure));
        metrics.put("max", max);
        metrics.put("relative-l2", l2 / referenceMagnitude.l2Norm());
        metrics.put("relative-max", max / referenceMagnitude.maxNorm());
        return metrics.get(metric);
    }

    private double valueError(RunContext context, Map<String, Double> metrics) {
        double actual = context.result(subject).metrics().get(subjectMetric);
        double e = expected.get(0).evaluate(new double[0]);
        metrics.put("actual", actual);
        metrics.put("expected", e);
        metrics.put("absolute", Math.abs(actual - e));
        metrics.put("relative", Math.abs(actual - e) / Math.abs(e));
        return metrics.get(metric);
    }

    private double histogramError(RunContext context, Map<String, Double> metrics, SampledScalarField[] drawn) {
        StepValue.Samples samples = context.samples(subject);
        GridHistogram.Estimate histogram = GridHistogram.of(bins, samples.points());
        Formula p = expected.get(0);
        double[] x = new double[bins.spaceDimension()];
        double[] target = new double[bins.pointCount()];
        for (int b = 0; b < target.length; b++) {
            bins.spaceCoordinates(b, x);
            target[b] = p.evaluate(x);
        }
        SampledScalarField density = SampledScalarField.wrap(bins, target);
        metrics.put("total-variation", GridDensities.totalVariation(histogram.density(), density));
        metrics.put("max", GridDensities.maxDifference(histogram.density(), density));
        metrics.put("l2", GridDensities.l2Distance(histogram.density(), density));
        metrics.put("outside-fraction", histogram.outsideFraction());
        drawn[0] = histogram.density();
        drawn[1] = density;
        return metrics.get(metric);
    }
}
