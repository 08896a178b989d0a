package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.List;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.output.plot.MapPlot;
import org.fieldscore.runner.output.slice.FieldSlices;

/**
 * {@code type: plot} — one map that overlays earlier results on a 2-D grid: a scalar field as a heatmap with a
 * colour bar (the essay's weather-map look), a vector field as arrows (the wind map, the temperature fronts, a score
 * as a quiver over its density), contour lines of a scalar field, and samples as points (with the paths of the
 * chains a Langevin step kept, {@code keep-paths}). Layers are drawn in that
 * order; every field must live on the same 2-D space grid (the last snapshot of a time series is used).
 *
 * <pre>
 * - id: fronts-map
 *   type: plot
 *   title: Temperature and its gradient
 *   heatmap: temperature-f
 *   arrows: fronts
 *   contours: temperature-f
 *   points: langevin
 * </pre>
 *
 * @param header id, type, position
 * @param heatmap the heatmap's field, or null
 * @param arrows the arrows' vector field, or null
 * @param contours the contours' field, or null
 * @param points the samples drawn as points, or null
 * @param arrowsPerAxis the most arrows along an axis
 * @param contourLevels the number of contour levels
 */
public record PlotStep(StepHeader header, Reference heatmap, Reference arrows, Reference contours, Reference points,
        int arrowsPerAxis, int contourLevels) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("heatmap", "arrows", "contours", "points", "arrows-per-axis",
            "contour-levels");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        if (!body.has("heatmap") && !body.has("arrows") && !body.has("contours") && !body.has("points")) {
            throw header.problem("", "a plot needs at least one layer: heatmap, arrows, contours or points");
        }
        return new PlotStep(header, optional(body, "heatmap", reading), optional(body, "arrows", reading),
                optional(body, "contours", reading), optional(body, "points", reading),
                body.integer("arrows-per-axis", 2, 200, 24), body.integer("contour-levels", 1, 100, 10));
    }

    private static Reference optional(MapNode body, String key, StepReading reading) {
        return body.has(key) ? reading.reference(body.get(key)) : null;
    }

    @Override
    public List<Reference> references() {
        List<Reference> refs = new ArrayList<>();
        for (Reference r : new Reference[] {heatmap, arrows, contours, points}) {
            if (r != null) {
                refs.add(r);
            }
        }
        return refs;
    }

    @Override
    public Plan plan(PlanContext context) {
        Grid grid = null;
        for (Reference r : new Reference[] {heatmap, contours}) {
            if (r != null) {
                grid = sameGrid(grid, context.scalarField(r, "'plot." + (r == heatmap ? "heatmap" : "contours") + "'")
                        .grid(), r);
            }
        }
        if (arrows != null) {
            Plan p = context.vectorField(arrows, "'plot.arrows'");
            if (p.components() < 2) {
                throw arrows.problem("arrows need a vector field with at least 2 components; '" + arrows.id()
                        + "' has " + p.components());
            }
            grid = sameGrid(grid, p.grid(), arrows);
        }
        if (points != null && context.samples(points, "'plot.points'").components() < 2) {
            throw points.problem("points need samples of dimension ≥ 2 (the first two coordinates are drawn)");
        }
        return new Plan(ResultKind.VALUES, grid, 0, 0, 0, grid == null ? 1e4 : 10.0 * grid.pointCount(),
                "a map of " + references().stream().map(Reference::id).toList(), List.of());
    }

    private static Grid sameGrid(Grid known, Grid grid, Reference r) {
        Grid space = grid.space();
        if (space.spaceDimension() != 2) {
            throw r.problem("a plot draws 2-D maps; '" + r.id() + "' lives on a " + space.spaceDimension()
                    + "-D grid");
        }
        if (known != null && !known.equals(space)) {
            throw r.problem("the layers of a plot must share one grid; '" + r.id() + "' is on " + space
                    + ", an earlier layer on " + known);
        }
        return space;
    }

    @Override
    public StepResult run(RunContext context) {
        SampledScalarField heat = heatmap == null ? null : lastSlice(context.scalar(heatmap));
        SampledVectorField arrowField = arrows == null ? null : spaceComponents(context.vector(arrows));
        SampledScalarField lines = contours == null ? null : lastSlice(context.scalar(contours));
        double[][] xy = null;
        if (points != null) {
            StepValue.Samples s = context.samples(points);
            xy = new double[2][s.count()];
            for (int i = 0; i < s.count(); i++) {
                xy[0][i] = s.get(i, 0);
                xy[1][i] = s.get(i, 1);
            }
        }
        double[][] pointsXy = xy;
        List<double[]> pointPaths = points == null ? List.of() : context.samples(points).paths();
        return new StepResult(id(), type(), new StepValue.Picture(title -> {
            MapPlot map = MapPlot.titled(title);
            if (heat != null) {
                map.heatmap(heat, heatmap.id()).heatmapLegend(heatmap.id() + " (colours)");
            }
            if (arrowField != null) {
                map.arrows(arrowField, arrowsPerAxis, arrows.id() + " (arrows)");
            }
            if (lines != null) {
                map.contours(lines, contourLevels, contours.id() + " (contour lines)");
            }
            if (pointsXy != null) {
                map.points(points.id(), pointsXy[0], pointsXy[1]);
                if (!pointPaths.isEmpty()) {
                    map.paths(points.id() + " chain path", pointPaths);
                }
            }
            return map.figure();
        }), new java.util.LinkedHashMap<>(), null, 0);
    }

    /** The components along the map's x and y axes (of a space-time gradient its space part), at the last time. */
    private static SampledVectorField spaceComponents(SampledVectorField v) {
        SampledVectorField along = FieldSlices.spaceComponents(v);
        SampledVectorField space = v.grid().hasTime()
                ? FieldSlices.atTimeIndex(along, v.grid().timeAxis().count() - 1) : along;
        return space.components() == 2 ? space : SampledVectorField.of(space.component(0), space.component(1));
    }

    /** The last time slice of a space-time field; a space field as it is. */
    private static SampledScalarField lastSlice(SampledScalarField f) {
        return f.grid().hasTime() ? FieldSlices.atTimeIndex(f, f.grid().timeAxis().count() - 1) : f;
    }
}
