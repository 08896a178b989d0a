package org.fieldscore.runner.output.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.grid.Grid;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.VectorSeries;
import org.jfree.data.xy.VectorSeriesCollection;

/**
 * A map of the (x, y) plane built from layers drawn bottom to top in the order they are added: a heatmap of a
 * scalar field with a colour bar (the essay's weather map), arrows of a vector field (the wind map), contour lines,
 * sample points and paths (e.g. Langevin trajectories). Fields must live on 2-D space grids; take a
 * {@link org.fieldscore.runner.output.slice.FieldSlices#midPlane mid-plane} of 3-D fields first.
 *
 * <p>Example, the "temperature fronts" picture: {@code MapPlot.titled("Fronts").heatmap(t, "°F")
 * .arrows(gradT, 20).figure()}. Not thread-safe; each call to {@link #figure} builds a new chart.
 */
public final class MapPlot {

    /** Heatmaps with more points per axis than this are resampled for display (the data files keep all). */
    static final int MAX_HEATMAP_POINTS_PER_AXIS = 400;
    /** Scatter layers with more points than this draw an evenly strided subset. */
    static final int MAX_SCATTER_POINTS = 5000;

    private final String title;
    private String xLabel = "x";
    private String yLabel = "y";
    private String subtitle;
    private final XYPlot plot = new EqualAspectPlot();
    private PaintScaleLegend colourBar;
    private ColourScale heatmapScale;
    private String heatmapLegend;
    private boolean heatmapDrawn;
    private final List<String> notes = new ArrayList<>();
    private OperandScale operandScale;
    private boolean heatmapZero;
    private int layers;
    private int colourIndex;
    private Grid extent;

    private MapPlot(String title) {
        this.title = Objects.requireNonNull(title, "title");
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    }

    /**
     * @param title the chart title
     * @return an empty map
     */
    public static MapPlot titled(String title) {
        return new MapPlot(title);
    }

    /**
     * @param x label of the horizontal axis (with its unit)
     * @param y label of the vertical axis
     * @return this map
     */
    public MapPlot axes(String x, String y) {
        this.xLabel = Objects.requireNonNull(x, "x");
        this.yLabel = Objects.requireNonNull(y, "y");
        return this;
    }

    /**
     * @param text a line under the title (e.g. the slice a 3-D field was cut at)
     * @return this map
     */
    public MapPlot subtitle(String text) {
        this.subtitle = text;
        return this;
    }

    /**
     * Compares the heatmap's and the arrows' values with the scale of the operand they were computed from (call
     * before them): values within {@value ValueRange#FLAT_RELATIVE_RANGE} of it are rounding, drawn as one flat
     * colour (zero, when their size is within that bound too) with a note stating the bound, and arrows of that size
     * are not drawn.
     *
     * @param scale the operand's scale, or null for none (the values are then judged against their own size only)
     * @return this map
     */
    public MapPlot operandScale(OperandScale scale) {
        this.operandScale = scale;
        return this;
    }

    /**
     * Adds a heatmap with a colour bar, its scale chosen from the values: the diverging scale centred on zero
     * when the field takes both signs in earnest (each side at least 5 % of the other), the perceptually uniform
     * viridis scale over the field's range otherwise. A field constant up to rounding is drawn in one flat colour
     * with its value stated (see {@link #heatmap(SampledScalarField, String, ColourScale)}).
     *
     * @param field a field on a 2-D space grid
     * @param valueLabel the colour bar's label (quantity and unit)
     * @return this map
     */
    public MapPlot heatmap(SampledScalarField field, String valueLabel) {
        return heatmap(field, valueLabel, scaleFor(ValueRange.of(field)));
    }

    /**
     * @param range a field's value range
     * @return the diverging scale over ±max|v| for a field that takes both signs, viridis over the range otherwise
     */
    static ColourScale scaleFor(ValueRange range) {
        return range.takesBothSigns() ? ColourScale.diverging(range.maxAbs())
                : ColourScale.sequential(range.lower(), range.upper());
    }

    /**
     * Adds a heatmap with a chosen colour scale and a colour bar. Only one heatmap per map.
     *
     * @param field a field on a 2-D space grid
     * @param valueLabel the colour bar's label
     * @param scale the colour scale
     * @return this map
     */
    public MapPlot heatmap(SampledScalarField field, String valueLabel, ColourScale scale) {
        if (colourBar != null || heatmapDrawn) {
            throw new IllegalStateException("a map has at most one colour scale; '" + title + "' already has one");
        }
        ValueRange range = ValueRange.of(require2d(field, "heatmap"));
        boolean flat = range.isFlat(operandScale);
        heatmapZero = range.isZero(operandScale);
        double flatValue = heatmapZero ? 0.0 : range.middle();
        if (heatmapZero) {
            notes.add(operandScale.zeroNote(valueLabel, range.maxAbs(), "drawn as 0"));
        } else if (range.isFlat()) {
            notes.add(String.format(java.util.Locale.ROOT, "%s is constant: %.9g everywhere (spread below %.0e of "
                    + "its size)", valueLabel, range.middle(), ValueRange.FLAT_RELATIVE_RANGE));
        } else if (flat) {
            notes.add(String.format(java.util.Locale.ROOT, "%s is constant up to rounding: %.9g everywhere (spread"
                    + " below %.0e × %s)", valueLabel, range.middle(), ValueRange.FLAT_RELATIVE_RANGE,
                    operandScale.formula()));
        }
        if (flat) {
            scale = ColourScale.sequential(flatValue, flatValue);
        }
        SampledScalarField shown = displayResolution(field);
        Grid grid = shown.grid();
        int nx = grid.size(0);
        int ny = grid.size(1);
        // one pixel per grid point, scaled to blocks of one spacing centred on the points: no seams between
        // blocks and one image to draw instead of nx·ny rectangles
        BufferedImage image = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double v = flat ? flatValue : shown.valueAt(i + nx * j);
                image.setRGB(i, ny - 1 - j, scale.colour(v).getRGB());
            }
        }
        double hx = grid.spacing(0);
        double hy = grid.spacing(1);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, false);
        renderer.setDefaultSeriesVisibleInLegend(false);
        renderer.addAnnotation(new XYDataImageAnnotation(image, grid.coordinate(0, 0) - hx / 2,
                grid.coordinate(1, 0) - hy / 2, nx * hx, ny * hy), Layer.BACKGROUND);
        addLayer(new DefaultXYDataset(), renderer);
        heatmapDrawn = true;
        heatmapScale = scale;
        if (!flat) {
            colourBar = colourBar(scale, valueLabel);
        }
        extent = field.grid();
        return this;
    }

    /**
     * Gives the heatmap an entry in the legend (a colour-scale swatch), for maps whose legend lists every layer.
     *
     * @param label what the colours show, e.g. "histogram of 'langevin'"
     * @return this map
     */
    public MapPlot heatmapLegend(String label) {
        this.heatmapLegend = Objects.requireNonNull(label, "label");
        return this;
    }

    /** @return the heatmap's colour scale, or null without a heatmap (for tests) */
    ColourScale heatmapScale() {
        return heatmapScale;
    }

    private static PaintScaleLegend colourBar(ColourScale scale, String valueLabel) {
        PaintScaleLegend bar = new PaintScaleLegend(scale,
                ColourBarTicks.axis(valueLabel, scale.getLowerBound(), scale.getUpperBound()));
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setSubdivisionCount(256);
        bar.setStripWidth(16);
        bar.setAxisOffset(4);
        bar.setMargin(new RectangleInsets(20, 8, 20, 8));
        bar.setBackgroundPaint(Color.WHITE);
        return bar;
    }

    /**
     * Adds arrows of the first two components of a vector field on a regular lattice of at most
     * {@code maxArrowsPerAxis} arrows per axis (values interpolated from the grid). Arrows are scaled so the
     * longest spans 90 % of the lattice spacing; the scale is noted under the title. Components 0 and 1 are taken
     * as the components along the map's x and y axes: pass the in-plane components (e.g.
     * {@link org.fieldscore.runner.output.slice.FieldSlices#spaceComponents} of a space-time gradient).
     *
     * @param field a vector field with at least 2 components on a 2-D space grid
     * @param maxArrowsPerAxis 2 to 100; about 20 reads well
     * @return this map
     */
    public MapPlot arrows(SampledVectorField field, int maxArrowsPerAxis) {
        return arrows(field, maxArrowsPerAxis, null);
    }

    /**
     * Like {@link #arrows(SampledVectorField, int)}, with a legend entry for the arrows.
     *
     * @param field a vector field with at least 2 components on a 2-D space grid
     * @param maxArrowsPerAxis 2 to 100
     * @param label the legend entry, or null for none
     * @return this map
     */
    public MapPlot arrows(SampledVectorField field, int maxArrowsPerAxis, String label) {
        Grid grid = field.grid();
        if (grid.spaceDimension() != 2 || grid.hasTime() || field.components() < 2) {
            throw new IllegalArgumentException("arrows need a vector field with >= 2 components on a 2-D space grid, "
                    + "got " + field);
        }
        if (maxArrowsPerAxis < 2 || maxArrowsPerAxis > 100) {
            throw new IllegalArgumentException("maxArrowsPerAxis must be in [2, 100], got " + maxArrowsPerAxis);
        }
        int mx = Math.min(grid.size(0), maxArrowsPerAxis);
        int my = Math.min(grid.size(1), maxArrowsPerAxis);
        double dx = (grid.upper(0) - grid.lower(0)) / mx;
        double dy = (grid.upper(1) - grid.lower(1)) / my;
        double[] u = new double[mx * my];
        double[] v = new double[mx * my];
        double[] point = new double[2];
        double[] value = new double[field.components()];
        double longest = 0;
        for (int j = 0; j < my; j++) {
            for (int i = 0; i < mx; i++) {
                point[0] = grid.lower(0) + (i + 0.5) * dx;
                point[1] = grid.lower(1) + (j + 0.5) * dy;
                field.value(0.0, point, value);
                u[i + mx * j] = value[0];
                v[i + mx * j] = value[1];
                double length = Math.hypot(value[0], value[1]);
                if (Double.isFinite(length)) {
                    longest = Math.max(longest, length);
                }
            }
        }
        if (operandScale != null && longest <= operandScale.roundingBound()) {
            notes.add(heatmapZero ? "no arrows" : operandScale.zeroNote("|v| of the arrows", longest, "not drawn"));
            if (extent == null) {
                extent = grid;
            }
            return this;
        }
        double scale = longest > 0 ? 0.9 * Math.min(dx, dy) / longest : 0.0;
        VectorSeries series = new VectorSeries("arrows");
        for (int j = 0; j < my; j++) {
            for (int i = 0; i < mx; i++) {
                double a = u[i + mx * j] * scale;
                double b = v[i + mx * j] * scale;
                if ((a != 0 || b != 0) && Double.isFinite(a) && Double.isFinite(b)) {
                    series.add(grid.lower(0) + (i + 0.5) * dx - a / 2, grid.lower(1) + (j + 0.5) * dy - b / 2, a, b);
                }
            }
        }
        if (heatmapDrawn) {
            // a light halo under the dark arrows keeps them visible on the dark ends of the colour scale; it is the
            // same arrow geometry drawn wider, so halo and arrow agree for every length (a dataset of its own, as
            // the plot finds a layer's legend through its dataset)
            VectorSeriesCollection halo = new VectorSeriesCollection();
            halo.addSeries(series);
            addLayer(halo, new ArrowRenderer(new Color(255, 255, 255, 170), 3.0f, null));
        }
        VectorSeriesCollection data = new VectorSeriesCollection();
        data.addSeries(series);
        addLayer(data, new ArrowRenderer(new Color(0x202020), 1.2f, label));
        notes.add(String.format(java.util.Locale.ROOT, "longest arrow |v| = %.4g", longest));
        if (extent == null) {
            extent = grid;
        }
        return this;
    }

    /**
     * Adds contour lines at {@code levels} evenly spaced values strictly inside the field's range. Over a heatmap
     * the lines are dark; alone they are coloured by level with a colour bar.
     *
     * @param field a field on a 2-D space grid
     * @param levels number of levels, 1 to 100
     * @return this map
     */
    public MapPlot contours(SampledScalarField field, int levels) {
        return contours(field, levels, null);
    }

    /**
     * Like {@link #contours(SampledScalarField, int)}, naming the lines: over a heatmap the legend gets one entry
     * with that name, drawn as the lines are; alone, the name labels the colour bar.
     *
     * @param field a field on a 2-D space grid
     * @param levels number of levels, 1 to 100
     * @param label what the lines show (e.g. "expected density"), or null for no legend entry
     * @return this map
     */
    public MapPlot contours(SampledScalarField field, int levels, String label) {
        if (levels < 1 || levels > 100) {
            throw new IllegalArgumentException("number of contour levels must be in [1, 100], got " + levels);
        }
        require2d(field, "contours");
        ValueRange range = ValueRange.of(field);
        if (range.isFlat()) {
            notes.add("no contour lines: the field is constant");
            if (extent == null) {
                extent = field.grid();
            }
            return this;
        }
        double[] values = new double[levels];
        for (int k = 0; k < levels; k++) {
            values[k] = range.lower() + (range.upper() - range.lower()) * (k + 1) / (levels + 1);
        }
        return contours(field, values, label);
    }

    /**
     * Adds contour lines at given levels (see {@link #contours(SampledScalarField, int)}).
     *
     * @param field a field on a 2-D space grid
     * @param levels the levels
     * @param valueLabel label of the colour bar when the contours are coloured, of the legend entry when they are
     *     drawn dark over a heatmap; null for "level" and no legend entry
     * @return this map
     */
    public MapPlot contours(SampledScalarField field, double[] levels, String valueLabel) {
        require2d(field, "contours");
        boolean coloured = !heatmapDrawn && colourBar == null;
        ColourScale scale = coloured && levels.length > 0
                ? ColourScale.sequential(Arrays.stream(levels).min().orElse(0), Arrays.stream(levels).max().orElse(1))
                : null;
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < levels.length; k++) {
            double[] seg = MarchingSquares.segments(field, levels[k]);
            int count = seg.length / 4;
            double[][] xy = new double[2][3 * count];
            for (int s = 0; s < count; s++) {
                xy[0][3 * s] = seg[4 * s];
                xy[1][3 * s] = seg[4 * s + 1];
                xy[0][3 * s + 1] = seg[4 * s + 2];
                xy[1][3 * s + 1] = seg[4 * s + 3];
                xy[0][3 * s + 2] = Double.NaN;
                xy[1][3 * s + 2] = Double.NaN;
            }
            boolean named = !coloured && valueLabel != null && k == 0;
            data.addSeries(named ? valueLabel : "level " + levels[k], xy);
            renderer.setSeriesPaint(k, coloured ? scale.colour(levels[k]) : new Color(0x303030));
            renderer.setSeriesStroke(k, coloured ? ChartStyle.LINE : ChartStyle.THIN);
            renderer.setSeriesVisibleInLegend(k, named);
        }
        addLayer(data, renderer);
        if (coloured && scale != null) {
            colourBar = colourBar(scale, valueLabel == null ? "level" : valueLabel);
        }
        if (extent == null) {
            extent = field.grid();
        }
        return this;
    }

    /**
     * Adds sample points (at most {@value #MAX_SCATTER_POINTS}; larger samples are drawn evenly strided).
     *
     * @param label legend label
     * @param x abscissae
     * @param y ordinates, as many as x
     * @return this map
     */
    public MapPlot points(String label, double[] x, double[] y) {
        double[][] xy = ScatterData.strided(x, y, MAX_SCATTER_POINTS);
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries(label, xy);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-1.8, -1.8, 3.6, 3.6));
        if (heatmapDrawn) {
            // over a heatmap: dark dots with a light rim, visible on every colour of the scale
            renderer.setSeriesPaint(0, new Color(20, 20, 20, 190));
            renderer.setUseOutlinePaint(true);
            renderer.setDrawOutlines(true);
            renderer.setSeriesOutlinePaint(0, new Color(255, 255, 255, 190));
            renderer.setSeriesOutlineStroke(0, new BasicStroke(0.6f));
        } else {
            Color c = (Color) ChartStyle.series(colourIndex++);
            renderer.setSeriesPaint(0, new Color(c.getRed(), c.getGreen(), c.getBlue(), 150));
        }
        addLayer(data, renderer);
        return this;
    }

    /**
     * Adds paths drawn as lines, one colour each (e.g. Langevin trajectories), each with its legend entry
     * "label, chain k" in its colour.
     *
     * @param label legend label of the group
     * @param paths paths[k] = {x<sub>0</sub>, y<sub>0</sub>, x<sub>1</sub>, y<sub>1</sub>, …}: path k as flat
     *     coordinates
     * @return this map
     */
    public MapPlot paths(String label, List<double[]> paths) {
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < paths.size(); k++) {
            double[] flat = paths.get(k);
            if (flat.length % 2 != 0) {
                throw new IllegalArgumentException("path " + k + " must hold x, y pairs, got " + flat.length
                        + " numbers");
            }
            double[][] xy = new double[2][flat.length / 2];
            for (int i = 0; i < xy[0].length; i++) {
                xy[0][i] = flat[2 * i];
                xy[1][i] = flat[2 * i + 1];
            }
            data.addSeries(paths.size() == 1 ? label : label + ", chain " + (k + 1), xy);
            renderer.setSeriesPaint(k, ChartStyle.series(colourIndex + k + (heatmapDrawn ? 1 : 0)));
            renderer.setSeriesStroke(k, ChartStyle.THIN);
        }
        colourIndex += paths.size();
        addLayer(data, renderer);
        return this;
    }

    /** @return the chart at 900 pixels wide, its height following the map's aspect ratio */
    public Figure figure() {
        int width = 900;
        double aspect = 1.0;
        if (extent != null) {
            aspect = (extent.upper(1) - extent.lower(1)) / (extent.upper(0) - extent.lower(0));
        }
        aspect = Math.max(0.4, Math.min(2.0, aspect));
        int height = (int) Math.round((width - 230) * aspect) + 170;
        return figure(width, height);
    }

    /**
     * @param width width in pixels
     * @param height height in pixels
     * @return the chart at that size
     */
    public Figure figure(int width, int height) {
        if (layers == 0) {
            throw new IllegalStateException("map '" + title + "' has no layers; add a heatmap, arrows, contours, "
                    + "points or paths");
        }
        NumberAxis x = ChartStyle.numberAxis(xLabel);
        NumberAxis y = ChartStyle.numberAxis(yLabel);
        if (extent != null) {
            x.setRange(extent.lower(0), extent.upper(0));
            y.setRange(extent.lower(1), extent.upper(1));
        }
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setDomainGridlinesVisible(!heatmapDrawn);
        plot.setRangeGridlinesVisible(!heatmapDrawn);
        String sub = subtitle;
        if (!notes.isEmpty()) {
            String joined = String.join("; ", notes);
            sub = sub == null ? joined : sub + " — " + joined;
        }
        if (heatmapLegend != null && heatmapScale != null) {
            org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
            java.awt.GradientPaint swatch = new java.awt.GradientPaint(0, 0, heatmapScale.colour(
                    heatmapScale.getLowerBound()), 12, 0, heatmapScale.colour(heatmapScale.getUpperBound()));
            items.add(new org.jfree.chart.LegendItem(heatmapLegend, null, null, null,
                    new java.awt.geom.Rectangle2D.Double(-6, -5, 12, 10), swatch));
            items.addAll(plot.getLegendItems());
            plot.setFixedLegendItems(items);
        }
        boolean legend = plot.getLegendItems().getItemCount() > 0;
        JFreeChart chart = ChartStyle.chart(title, sub, plot, legend);
        if (colourBar != null) {
            chart.addSubtitle(colourBar);
        }
        return new Figure(chart, width, height);
    }

    private void addLayer(org.jfree.data.xy.XYDataset data, org.jfree.chart.renderer.xy.XYItemRenderer renderer) {
        plot.setDataset(layers, data);
        plot.setRenderer(layers, renderer);
        layers++;
    }

    private static SampledScalarField require2d(SampledScalarField field, String what) {
        Grid grid = field.grid();
        if (grid.spaceDimension() != 2 || grid.hasTime()) {
            throw new IllegalArgumentException(what + " needs a field on a 2-D space grid, got " + grid
                    + "; plot 1-D fields with LinePlot and cut 3-D fields with FieldSlices.midPlane");
        }
        return field;
    }

    /** Resamples fields finer than {@link #MAX_HEATMAP_POINTS_PER_AXIS} so charts render quickly. */
    private static SampledScalarField displayResolution(SampledScalarField field) {
        Grid grid = field.grid();
        int nx = grid.size(0);
        int ny = grid.size(1);
        if (nx <= MAX_HEATMAP_POINTS_PER_AXIS && ny <= MAX_HEATMAP_POINTS_PER_AXIS) {
            return field;
        }
        return field.sample(grid.withShape(Math.min(nx, MAX_HEATMAP_POINTS_PER_AXIS),
                Math.min(ny, MAX_HEATMAP_POINTS_PER_AXIS)));
    }
}
