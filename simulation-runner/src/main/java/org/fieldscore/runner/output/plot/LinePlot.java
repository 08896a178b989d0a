package org.fieldscore.runner.output.plot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.output.fit.LogLogFit;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * An x–y chart built from layers drawn in the order added: lines (time series, 1-D fields and their references),
 * sample histograms normalised to a density, density curves, and convergence data with their fitted power law.
 * {@link #logLog()} switches both axes to logarithmic scales for convergence plots.
 *
 * <p>Example, a convergence plot: {@code LinePlot.titled("Poisson").axes("h", "L2 error").logLog()
 * .convergence("multigrid", h, errors).figure()} — the legend reads "multigrid: fitted order 2.00". Not
 * thread-safe; each call to {@link #figure} builds a new chart.
 */
public final class LinePlot {

    /** Points at which {@link #reference} and {@link #curve} evaluate a function. */
    static final int CURVE_POINTS = 400;

    private final String title;
    private String xLabel = "x";
    private String yLabel = "y";
    private String subtitle;
    private boolean logLog;
    private final XYPlot plot = new XYPlot();
    private int layers;
    private int colourIndex;

    private LinePlot(String title) {
        this.title = Objects.requireNonNull(title, "title");
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    }

    /**
     * @param title the chart title
     * @return an empty chart
     */
    public static LinePlot titled(String title) {
        return new LinePlot(title);
    }

    /**
     * @param x label of the horizontal axis (with its unit)
     * @param y label of the vertical axis
     * @return this chart
     */
    public LinePlot axes(String x, String y) {
        this.xLabel = Objects.requireNonNull(x, "x");
        this.yLabel = Objects.requireNonNull(y, "y");
        return this;
    }

    /**
     * @param text a line under the title
     * @return this chart
     */
    public LinePlot subtitle(String text) {
        this.subtitle = text;
        return this;
    }

    /**
     * Uses logarithmic scales on both axes; every plotted value must then be &gt; 0.
     *
     * @return this chart
     */
    public LinePlot logLog() {
        this.logLog = true;
        return this;
    }

    /**
     * Adds a solid line.
     *
     * @param label legend label
     * @param x abscissae
     * @param y ordinates, as many as x
     * @return this chart
     */
    public LinePlot line(String label, double[] x, double[] y) {
        return addLine(label, x, y, false, false);
    }

    /**
     * Adds a dashed line (a reference or an analytic solution).
     *
     * @param label legend label
     * @param x abscissae
     * @param y ordinates, as many as x
     * @return this chart
     */
    public LinePlot dashed(String label, double[] x, double[] y) {
        return addLine(label, x, y, true, false);
    }

    /**
     * Adds a 1-D field as a line with markers at its grid points.
     *
     * @param label legend label
     * @param field a field on a 1-D space grid
     * @return this chart
     */
    public LinePlot field(String label, SampledScalarField field) {
        Grid grid = require1d(field.grid());
        int n = grid.size(0);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = grid.coordinate(0, i);
            y[i] = field.valueAt(i);
        }
        return addLine(label, x, y, false, n <= 80);
    }

    /**
     * Adds a function of x (e.g. the analytic solution a 1-D field is compared with) as a dashed line over a
     * grid's axis, evaluated at {@value #CURVE_POINTS} points at time t.
     *
     * @param label legend label
     * @param reference the function, 1-D
     * @param grid the 1-D grid whose axis range is drawn
     * @param t the time at which the function is evaluated
     * @return this chart
     */
    public LinePlot reference(String label, ScalarField reference, Grid grid, double t) {
        require1d(grid);
        double[] point = new double[1];
        return curve(label, x -> {
            point[0] = x;
            return reference.value(t, point);
        }, grid.lower(0), grid.upper(0));
    }

    /**
     * Adds a function as a dashed line evaluated at {@value #CURVE_POINTS} points of [lower, upper] (e.g. a target
     * density over a histogram); the points are evenly spaced, or geometrically when {@link #logLog()} was called
     * before.
     *
     * @param label legend label
     * @param f the function
     * @param lower left end
     * @param upper right end, &gt; lower
     * @return this chart
     */
    public LinePlot curve(String label, DoubleUnaryOperator f, double lower, double upper) {
        if (!(upper > lower) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("curve '" + label + "' needs finite lower < upper, got [" + lower + ", "
                    + upper + "]");
        }
        if (logLog && !(lower > 0)) {
            throw new IllegalArgumentException("curve '" + label + "' on log-log axes needs lower > 0, got " + lower);
        }
        double[] x = new double[CURVE_POINTS];
        double[] y = new double[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            x[i] = logLog ? lower * Math.pow(upper / lower, i / (CURVE_POINTS - 1.0))
                    : lower + (upper - lower) * i / (CURVE_POINTS - 1.0);
            y[i] = f.applyAsDouble(x[i]);
        }
        return addLine(label, x, y, true, false);
    }

    /**
     * Adds a histogram of samples normalised to a probability density: bar height = count / (N · bin width), with
     * N all samples (those outside [lower, upper] included), so it is comparable with the density it estimates.
     *
     * @param label legend label
     * @param samples the samples (NaN entries are refused)
     * @param bins number of bins, 1 to 10 000
     * @param lower left end of the first bin
     * @param upper right end of the last bin, &gt; lower
     * @return this chart
     */
    public LinePlot histogram(String label, double[] samples, int bins, double lower, double upper) {
        double[] density = Histogram.density(samples, bins, lower, upper);
        double width = (upper - lower) / bins;
        double[][] data = new double[6][bins];
        for (int b = 0; b < bins; b++) {
            data[0][b] = lower + (b + 0.5) * width;
            data[1][b] = lower + b * width;
            data[2][b] = lower + (b + 1) * width;
            data[3][b] = density[b];
            data[4][b] = 0;
            data[5][b] = density[b];
        }
        DefaultIntervalXYDataset dataset = new DefaultIntervalXYDataset();
        dataset.addSeries(label, data);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        Color c = (Color) ChartStyle.series(colourIndex++);
        renderer.setSeriesPaint(0, new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
        renderer.setSeriesOutlinePaint(0, c);
        addLayer(dataset, renderer);
        return this;
    }

    /**
     * Adds convergence data as markers and the least-squares power law through them as a dashed line; the legend
     * reads "label: fitted order p". Use with {@link #logLog()}.
     *
     * @param label legend label
     * @param x step sizes or sample sizes, &gt; 0
     * @param error errors, &gt; 0
     * @return this chart
     */
    public LinePlot convergence(String label, double[] x, double[] error) {
        LogLogFit fit = LogLogFit.fit(x, error);
        String name = String.format(Locale.ROOT, "%s: fitted order %.2f", label, fit.order());
        int colour = colourIndex;
        addLine(name, x, error, false, true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double[] fx = {lo, hi};
        double[] fy = {fit.predict(lo), fit.predict(hi)};
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries(label + " fit", new double[][] {fx, fy});
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, ChartStyle.series(colour));
        renderer.setSeriesStroke(0, ChartStyle.DASHED);
        renderer.setSeriesVisibleInLegend(0, false);
        addLayer(data, renderer);
        return this;
    }

    /** @return the chart at 900 × 600 pixels */
    public Figure figure() {
        return figure(900, 600);
    }

    /**
     * @param width width in pixels
     * @param height height in pixels
     * @return the chart at that size
     */
    public Figure figure(int width, int height) {
        if (layers == 0) {
            throw new IllegalStateException("chart '" + title + "' has no layers; add lines, curves, histograms or "
                    + "convergence data");
        }
        plot.setDomainAxis(axis(xLabel));
        plot.setRangeAxis(axis(yLabel));
        decadeTicks(plot.getDomainAxis());
        decadeTicks(plot.getRangeAxis());
        return new Figure(ChartStyle.chart(title, subtitle, plot, true), width, height);
    }

    private ValueAxis axis(String label) {
        if (logLog) {
            LogAxis axis = new LogAxis(label);
            axis.setSmallestValue(1e-300);
            axis.setNumberFormatOverride(new DecimalFormat("0.#E0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            return axis;
        }
        return ChartStyle.numberAxis(label);
    }

    /**
     * Puts a logarithmic axis's ticks on whole powers of ten when its range spans a decade or more (ticks such as
     * 10^2.8 = 6.31E2 tell a reader less than 1E2, 1E3); shorter ranges keep JFreeChart's finer ticks.
     */
    private static void decadeTicks(ValueAxis axis) {
        if (axis instanceof LogAxis log && log.getUpperBound() >= 10 * log.getLowerBound()) {
            log.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
    }

    private LinePlot addLine(String label, double[] x, double[] y, boolean dashed, boolean markers) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("line '" + label + "' needs as many x as y values, got " + x.length
                    + " and " + y.length);
        }
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries(label, new double[][] {x.clone(), y.clone()});
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, markers);
        renderer.setSeriesPaint(0, ChartStyle.series(colourIndex++));
        renderer.setSeriesStroke(0, dashed ? ChartStyle.DASHED : ChartStyle.LINE);
        if (markers) {
            renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        addLayer(data, renderer);
        return this;
    }

    private void addLayer(XYDataset data, XYItemRenderer renderer) {
        plot.setDataset(layers, data);
        plot.setRenderer(layers, renderer);
        layers++;
    }

    private static Grid require1d(Grid grid) {
        if (grid.spaceDimension() != 1 || grid.hasTime()) {
            throw new IllegalArgumentException("a line plot of a field needs a 1-D space grid, got " + grid
                    + "; use MapPlot for 2-D fields");
        }
        return grid;
    }
}
