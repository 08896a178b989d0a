package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.runner.text.Suggestions;
import org.fieldscore.score.model.ExactSampler;

/**
 * {@code type: data} — a set of points in ℝ<sup>d</sup>, either read from a CSV file next to the scenario
 * ({@code file: data.csv}, optionally {@code columns: [x, y]}) or drawn from an earlier {@code model} step
 * ({@code from: model-id}, {@code count: N}, optional {@code seed}; default: derived from the scenario seed and the
 * step id). Reports the sample mean and variance of every coordinate and, with {@code modes: mixture-id}, the
 * fraction of points in each mixture component's mode.
 *
 * @param header id, type, position
 * @param table the file's data, or null when drawn
 * @param from the model drawn from, or null when read
 * @param count the number of draws
 * @param seed the seed of the draws, or null for the derived seed
 * @param modes a mixture model whose components define modes for the mode-fraction metrics, or null
 */
public record DataStep(StepHeader header, StepValue.Samples table, Reference from, int count, Long seed,
        Reference modes) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("file", "columns", "from", "count", "seed", "modes");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Reference modes = body.has("modes") ? reading.reference(body.get("modes")) : null;
        if (body.has("file") == body.has("from")) {
            throw header.problem("", "give either 'file' (a CSV file next to the scenario) or 'from' (the id of a"
                    + " model step to draw from, with 'count')");
        }
        if (body.has("file")) {
            for (String k : List.of("from", "count", "seed")) {
                if (body.has(k)) {
                    throw body.get(k).problem("'" + k + "' goes with 'from', not with 'file'");
                }
            }
            CsvData.Table t = CsvData.read(body.get("file"), reading.baseDirectory());
            StepValue.Samples all = new StepValue.Samples(t.columns().size(), t.values(), t.columns());
            return new DataStep(header, body.has("columns") ? select(all, body.get("columns")) : all, null, 0, null,
                    modes);
        }
        if (body.has("columns")) {
            throw body.get("columns").problem("'columns' goes with 'file'");
        }
        Reference from = reading.reference(body.get("from"));
        int count = body.require("count", "the number of points to draw, >= 1").integer(1, 50_000_000);
        Long seed = body.has("seed") ? body.get("seed").longValue() : null;
        return new DataStep(header, null, from, count, seed, modes);
    }

    private static StepValue.Samples select(StepValue.Samples all, ScenarioNode node) {
        List<ScenarioNode> names = node.list(1, all.dimension());
        int[] index = new int[names.size()];
        List<String> chosen = new ArrayList<>();
        for (int k = 0; k < index.length; k++) {
            String name = names.get(k).string();
            index[k] = all.columns().indexOf(name);
            if (index[k] < 0) {
                throw names.get(k).problem("the data file has no column '" + name + "'."
                        + Suggestions.didYouMean(name, all.columns()) + " Its columns: "
                        + String.join(", ", all.columns()) + ".");
            }
            chosen.add(name);
        }
        double[] v = new double[all.count() * index.length];
        for (int i = 0; i < all.count(); i++) {
            for (int k = 0; k < index.length; k++) {
                v[i * index.length + k] = all.get(i, index[k]);
            }
        }
        return new StepValue.Samples(index.length, v, chosen);
    }

    @Override
    public List<Reference> references() {
        List<Reference> refs = new ArrayList<>();
        if (from != null) {
            refs.add(from);
        }
        if (modes != null) {
            refs.add(modes);
        }
        return refs;
    }

    @Override
    public Plan plan(PlanContext context) {
        int d;
        int n;
        String summary;
        if (from != null) {
            d = context.model(from, "'data.from'", ModelCapability.DRAWS).components();
            n = count;
            summary = "draw " + count + " points from '" + from.id() + "'";
        } else {
            d = table.dimension();
            n = table.count();
            summary = n + " points of " + d + " columns (" + String.join(", ", table.columns()) + ") from a file";
        }
        List<String> metrics = new ArrayList<>(metricNames(d));
        metrics.addAll(LangevinStep.modeMetrics(modes, d, context));
        return new Plan(ResultKind.SAMPLES, null, d, 8L * n * d, 8L * n * d, (double) n * d, summary, metrics);
    }

    /**
     * @param d the dimension of a sample
     * @return the names {@link #metrics} gives: count, then mean-i and variance-i per coordinate
     */
    static List<String> metricNames(int d) {
        List<String> names = new ArrayList<>(List.of("count"));
        for (int a = 0; a < d; a++) {
            names.add("mean-" + a);
            names.add("variance-" + a);
        }
        return names;
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        StepValue.Samples samples = table;
        if (from != null) {
            if (!(context.model(from) instanceof ExactSampler model)) {
                throw new IllegalStateException("'" + from.id() + "' was validated as a model with exact draws");
            }
            double[] points = model.draw(count, seed != null ? seed : context.seedFor(id()));
            samples = new StepValue.Samples(model.dimension(), points, axisNames(model.dimension()));
        }
        Map<String, Double> metrics = metrics(samples);
        LangevinStep.addModeFractions(modes, samples.points(), context, metrics);
        return new StepResult(id(), type(), samples, metrics, null, 0);
    }

    /**
     * @param d a dimension
     * @return x, y, z for d ≤ 3, else x0, x1, …
     */
    static List<String> axisNames(int d) {
        List<String> names = new ArrayList<>();
        for (int a = 0; a < d; a++) {
            names.add(d <= 3 ? "xyz".substring(a, a + 1) : "x" + a);
        }
        return names;
    }

    /**
     * @param s samples
     * @return count, and mean and (unbiased) variance of every coordinate
     */
    static Map<String, Double> metrics(StepValue.Samples s) {
        Map<String, Double> m = new LinkedHashMap<>();
        int n = s.count();
        m.put("count", (double) n);
        for (int a = 0; a < s.dimension(); a++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += s.get(i, a);
            }
            mean /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double dx = s.get(i, a) - mean;
                ss += dx * dx;
            }
            m.put("mean-" + a, mean);
            m.put("variance-" + a, n > 1 ? ss / (n - 1) : 0.0);
        }
        return m;
    }
}
