package org.fieldscore.runner.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ProblemException;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.runner.input.SourcePosition;
import org.fieldscore.runner.step.Plan;
import org.fieldscore.runner.step.ResultKind;
import org.fieldscore.runner.text.Suggestions;

/**
 * The {@code study:} block of a scenario: which parameters to sweep, which metrics to tabulate, which plots to draw
 * (with optional expected slopes), and how many cases to run at once. Immutable.
 *
 * <pre>
 * study:
 *   sweep:
 *     n: [17, 33, 65]                          # a list
 *     dt: {from: 0.01, to: 0.04, step: 0.01}   # a linear range
 *     samples: {log: [1000, 100000], count: 5} # a log range
 *   metrics: [poisson-check, solve.iterations]
 *   plots:
 *     - {id: poisson-order, x: n, y: poisson-check, inverse-x: true, expect-slope: 2, tolerance: 0.15}
 *                                              # x: any parameter, e.g. one derived from a swept one
 *   parallel-cases: 2                        # default: the number of processors
 * </pre>
 *
 * @param sweep the sweep
 * @param metrics tabulated metrics
 * @param plots plots
 * @param parallelCases cases run at the same time
 */
public record StudyDeclaration(Sweep sweep, List<StudyMetric> metrics, List<StudyPlot> plots, int parallelCases) {

    /** Keys of the block. */
    public static final List<String> KEYS = List.of("sweep", "metrics", "plots", "parallel-cases");
    private static final List<String> PLOT_KEYS = List.of("id", "x", "y", "log-log", "inverse-x", "expect-slope",
            "tolerance");

    /**
     * @param node the {@code study:} node
     * @param parameters the scenario's parameter names (only those can be swept)
     * @param steps the scenario's step ids in order (metrics must name one)
     * @param plans the plans of the steps that could be planned, by id (metric names are checked against them)
     * @return the declaration
     * @throws org.fieldscore.runner.input.ProblemException with the position of the first problem
     */
    public static StudyDeclaration read(ScenarioNode node, Set<String> parameters, Set<String> steps,
            Map<String, Plan> plans) {
        MapNode m = node.map().allow(KEYS);
        MapNode sweepNode = m.require("sweep", "a mapping from parameter names to values, ranges or log ranges")
                .map();
        List<SweepAxis> axes = new ArrayList<>();
        Map<String, SourcePosition> origins = new LinkedHashMap<>();
        for (String name : sweepNode.keys()) {
            ScenarioNode values = sweepNode.require(name, "the values of '" + name + "': a list or a range");
            origins.put(name, sweepNode.keyPositions().get(name));
            if (!parameters.contains(name)) {
                throw values.problem("only declared parameters can be swept; '" + name + "' is not one."
                        + Suggestions.didYouMean(name, parameters) + " Valid: " + String.join(", ", parameters));
            }
            try {
                axes.add(axis(name, values));
            } catch (IllegalArgumentException e) {
                throw values.problem(e.getMessage());
            }
        }
        Sweep sweep;
        try {
            sweep = new Sweep(axes, origins);
        } catch (IllegalArgumentException e) {
            throw sweepNode.node().problem(e.getMessage());
        }
        List<StudyMetric> metrics = new ArrayList<>();
        if (m.has("metrics")) {
            for (ScenarioNode item : m.get("metrics").list()) {
                metrics.add(metric(item, steps, plans));
            }
        }
        List<StudyPlot> plots = new ArrayList<>();
        if (m.has("plots")) {
            for (ScenarioNode item : m.get("plots").list()) {
                MapNode p = item.map().allow(PLOT_KEYS);
                ScenarioNode x = p.require("x", "a parameter on the horizontal axis (swept, or derived from one)");
                if (!parameters.contains(x.string())) {
                    throw x.problem("'" + x.string() + "' is not a parameter of this scenario."
                            + Suggestions.didYouMean(x.string(), parameters) + " Valid: "
                            + String.join(", ", parameters));
                }
                StudyMetric y = metric(p.require("y", "a metric: 'step' (a comparison's value) or 'step.metric'"),
                        steps, plans);
                double expected = p.number("expect-slope", Double.NaN);
                if (!Double.isNaN(expected) && !p.bool("log-log", true)) {
                    throw p.get("expect-slope").problem("an expected slope is checked against a power-law fit on"
                            + " log-log axes, which 'log-log: false' turns off; valid: remove 'log-log: false' or"
                            + " 'expect-slope'");
                }
                double tolerance = Double.isNaN(expected) ? Double.NaN
                        : p.require("tolerance", "the allowed deviation of the fitted slope, > 0").positive();
                plots.add(new StudyPlot(p.string("id", y.label() + "-vs-" + x.string()).replaceAll("[^A-Za-z0-9_.-]",
                        "-"), x.string(), y, p.bool("log-log", true), p.bool("inverse-x", false), expected, tolerance));
                if (!metrics.contains(y)) {
                    metrics.add(y);
                }
            }
        }
        return new StudyDeclaration(sweep, metrics, plots,
                m.integer("parallel-cases", 1, 64, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Reads a reference to a number every case reports, checking every part of it: the step exists, a bare step id
     * names a comparison, and a metric is one the step reports (or the step's {@code wall} time).
     */
    private static StudyMetric metric(ScenarioNode node, Set<String> steps, Map<String, Plan> plans) {
        StudyMetric metric = StudyMetric.parse(node.string());
        if (!steps.contains(metric.step())) {
            throw node.problem("no step '" + metric.step() + "'." + Suggestions.didYouMean(metric.step(), steps)
                    + " A study metric is 'step' (a comparison's value) or 'step.metric'; steps: "
                    + String.join(", ", steps));
        }
        Plan plan = plans.get(metric.step());
        if (plan == null) {
            throw ProblemException.followUp();
        }
        List<String> valid = new ArrayList<>(plan.metrics());
        valid.add(WALL_TIME);
        if (metric.metric() == null) {
            if (plan.kind() != ResultKind.COMPARISON) {
                throw node.problem("step '" + metric.step() + "' is not a comparison, so it has no single value; name"
                        + " one of its metrics as '" + metric.step() + ".metric'. Valid: " + qualified(metric.step(),
                                valid));
            }
        } else if (!valid.contains(metric.metric())) {
            throw node.problem("step '" + metric.step() + "' reports no metric '" + metric.metric() + "'."
                    + Suggestions.didYouMean(metric.metric(), valid) + " Valid: " + qualified(metric.step(), valid));
        }
        return metric;
    }

    /** The timing every step reports besides its metrics. */
    private static final String WALL_TIME = "wall";

    private static String qualified(String step, List<String> metrics) {
        return String.join(", ", metrics.stream().map(m -> step + "." + m).toList());
    }

    private static SweepAxis axis(String name, ScenarioNode values) {
        if (values.isList()) {
            List<String> list = new ArrayList<>();
            for (ScenarioNode v : values.list(1, SweepAxis.MAX_VALUES)) {
                list.add(v.string());
            }
            return SweepAxis.of(name, list);
        }
        MapNode r = values.map().allow("from", "to", "step", "log", "count");
        if (r.has("log")) {
            double[] ends = r.get("log").numbers(2);
            return SweepAxis.logRange(name, ends[0], ends[1], r.require("count", "the number of values, >= 2")
                    .integer(2, SweepAxis.MAX_VALUES));
        }
        return SweepAxis.range(name, r.require("from", "the first value").number(),
                r.require("to", "the last value").number(), r.require("step", "the increment").number());
    }

    /** @return the declaration as a tree, for summary.json */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        Map<String, Object> axes = new LinkedHashMap<>();
        for (SweepAxis a : sweep.axes()) {
            axes.put(a.parameter(), a.values());
        }
        tree.put("sweep", axes);
        tree.put("metrics", metrics.stream().map(StudyMetric::label).toList());
        tree.put("plots", plots.stream().map(StudyPlot::id).toList());
        tree.put("parallel-cases", parallelCases);
        return tree;
    }
}
