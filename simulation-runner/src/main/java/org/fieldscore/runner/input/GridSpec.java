package org.fieldscore.runner.input;

import java.util.Arrays;
import java.util.List;

import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.grid.TimeAxis;

/**
 * Reads a grid declaration into a {@link Grid} (geometry only: nothing is allocated).
 *
 * <pre>
 * shape: [65, 65]          # points per axis, or one number for every axis
 * spacing: 0.1             # instead of shape: h per axis (vertex: n = (upper − lower)/h + 1)
 * lower: [0, 0]            # one number for every axis, or one per axis
 * upper: [1, 1]
 * dimension: 2             # needed only when shape, lower and upper are all single numbers
 * centering: vertex        # vertex (default) or cell, or one per axis
 * time: {start: 0, step: 0.1, count: 11}   # optional time axis (space-time fields)
 * </pre>
 */
public final class GridSpec {

    /** Keys of a grid mapping. */
    public static final List<String> KEYS = List.of("shape", "spacing", "lower", "upper", "dimension", "centering", "time");
    private static final List<String> CENTERINGS = List.of("vertex", "cell");
    private static final List<String> TIME_KEYS = List.of("start", "step", "end", "count");

    private GridSpec() {
    }

    /**
     * @param node a grid mapping
     * @return the grid
     * @throws ProblemException naming the key and what would be valid
     */
    public static Grid read(ScenarioNode node) {
        MapNode m = node.map().allow(KEYS);
        if (m.has("shape") == m.has("spacing")) {
            throw node.problem("give exactly one of 'shape' (points per axis) and 'spacing' (distance between points)");
        }
        int d = dimension(m);
        double[] lower = m.require("lower", "the lower end of each axis, e.g. [0, 0]").numbers(d);
        double[] upper = m.require("upper", "the upper end of each axis, e.g. [1, 1]").numbers(d);
        for (int a = 0; a < d; a++) {
            if (!(upper[a] > lower[a])) {
                throw m.get("upper").problem("axis " + Grid.axisName(a) + " needs upper > lower, got lower " + lower[a]
                        + " and upper " + upper[a] + "; valid: an upper end above the lower end");
            }
        }
        Centering[] centering = new Centering[d];
        ScenarioNode c = m.get("centering");
        if (c == null) {
            Arrays.fill(centering, Centering.VERTEX);
        } else if (c.isList()) {
            List<ScenarioNode> items = c.list(d, d);
            for (int a = 0; a < d; a++) {
                centering[a] = Centering.valueOf(items.get(a).choice(CENTERINGS).toUpperCase(java.util.Locale.ROOT));
            }
        } else {
            Arrays.fill(centering, Centering.valueOf(c.choice(CENTERINGS).toUpperCase(java.util.Locale.ROOT)));
        }
        int[] shape = m.has("shape") ? shape(m.get("shape"), d, centering) : fromSpacing(m.get("spacing"), d, lower,
                upper, centering);
        long points = 1;
        for (int n : shape) {
            points *= n;
        }
        TimeAxis time = m.has("time") ? time(m.get("time")) : null;
        if (time != null) {
            points *= time.count();
        }
        MemoryBudget.requireFits(node, points, "one field on this grid");
        try {
            Grid grid = Grid.of(shape, lower, upper, centering);
            return time == null ? grid : grid.withTime(time);
        } catch (IllegalArgumentException e) {
            throw node.problem(e.getMessage());
        }
    }

    private static int dimension(MapNode m) {
        ScenarioNode given = m.get("dimension");
        if (given != null) {
            return given.integer(1, 3);
        }
        for (String key : List.of("shape", "spacing", "lower", "upper")) {
            ScenarioNode n = m.get(key);
            if (n != null && n.isList()) {
                return n.list(1, 3).size();
            }
        }
        throw m.node().problem("cannot tell the number of dimensions: give 'dimension: 1', 2 or 3, or lists with one"
                + " entry per axis for shape, lower or upper");
    }

    private static int[] shape(ScenarioNode node, int d, Centering[] centering) {
        int[] shape = new int[d];
        List<ScenarioNode> items = node.isList() ? node.list(d, d) : null;
        for (int a = 0; a < d; a++) {
            ScenarioNode item = items == null ? node : items.get(a);
            int min = centering[a] == Centering.VERTEX ? 2 : 1;
            double v = item.number();
            if (v != Math.rint(v) || v < min) {
                throw item.problem("the number of points on axis " + Grid.axisName(a) + " must be a whole number >= "
                        + min + " for " + centering[a].name().toLowerCase(java.util.Locale.ROOT) + " centering, got "
                        + v);
            }
            if (v > Grid.MAX_POINTS) {
                throw item.problem("axis " + Grid.axisName(a) + " has " + (long) v + " points; at most "
                        + Grid.MAX_POINTS + " fit in one array");
            }
            shape[a] = (int) v;
        }
        return shape;
    }

    private static int[] fromSpacing(ScenarioNode node, int d, double[] lower, double[] upper, Centering[] centering) {
        double[] h = node.numbers(d);
        int[] shape = new int[d];
        for (int a = 0; a < d; a++) {
            if (!(h[a] > 0)) {
                throw node.problem("the spacing on axis " + Grid.axisName(a) + " must be > 0, got " + h[a]);
            }
            double cells = (upper[a] - lower[a]) / h[a];
            long rounded = Math.round(cells);
            if (rounded < 1 || Math.abs(cells - rounded) > 1e-9 * Math.max(1, cells)) {
                throw node.problem("the spacing " + h[a] + " does not divide axis " + Grid.axisName(a) + " ["
                        + lower[a] + ", " + upper[a] + "] into whole cells; valid: (upper - lower)/spacing a whole"
                        + " number, e.g. " + (upper[a] - lower[a]) / Math.max(1, rounded));
            }
            long n = centering[a] == Centering.VERTEX ? rounded + 1 : rounded;
            if (n > Grid.MAX_POINTS) {
                throw node.problem("spacing " + h[a] + " gives " + n + " points on axis " + Grid.axisName(a)
                        + "; at most " + Grid.MAX_POINTS + " fit in one array");
            }
            shape[a] = (int) n;
        }
        return shape;
    }

    private static TimeAxis time(ScenarioNode node) {
        MapNode t = node.map().allow(TIME_KEYS);
        double start = t.number("start", 0.0);
        int count = t.require("count", "the number of time samples (>= 2)").integer(2, Integer.MAX_VALUE);
        double step;
        if (t.has("step") == t.has("end")) {
            throw node.problem("give exactly one of 'step' (time between samples) and 'end' (last time)");
        }
        if (t.has("step")) {
            step = t.get("step").positive();
        } else {
            double end = t.get("end").number();
            if (!(end > start)) {
                throw t.get("end").problem("must be > start (" + start + "), got " + end);
            }
            step = (end - start) / (count - 1);
        }
        return TimeAxis.of(start, step, count);
    }
}
