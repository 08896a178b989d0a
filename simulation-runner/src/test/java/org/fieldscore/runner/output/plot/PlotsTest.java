package org.fieldscore.runner.output.plot;

import static org.fieldscore.runner.output.plot.PngAssertions.assertPicture;
import static org.fieldscore.runner.output.plot.PngAssertions.distinctColours;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.VectorField;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.output.slice.FieldSlices;
import org.junit.jupiter.api.Test;

class PlotsTest {

    private static final Grid MAP = Grid.of(new int[] {48, 32}, new double[] {-3, -2}, new double[] {3, 2},
            Centering.VERTEX);

    /** A temperature-like field: a warm bump and a cold bump. */
    private static SampledScalarField temperature() {
        return ScalarField.of(2, (t, x) -> 60 + 25 * Math.exp(-(x[0] - 1) * (x[0] - 1) - x[1] * x[1])
                - 20 * Math.exp(-(x[0] + 1.5) * (x[0] + 1.5) - (x[1] - 1) * (x[1] - 1))).sample(MAP);
    }

    private static SampledVectorField rotation() {
        return VectorField.of(2, 2, (t, x, out) -> {
            out[0] = -x[1];
            out[1] = x[0];
        }).sample(MAP);
    }

    @Test
    void heatmapHasColourBarAndManyColours() throws Exception {
        Figure f = MapPlot.titled("Temperature").axes("x [km]", "y [km]").heatmap(temperature(), "T [°F]").figure();
        BufferedImage image = assertPicture(f.toPng(), f.width(), f.height());
        assertTrue(distinctColours(image) > 200, "a smooth heatmap shows many colours, got " + distinctColours(image));
        assertTrue(f.height() < f.width(), "a 6 x 4 map is wider than tall");
    }

    @Test
    void quiverContoursAndOverlayRender() throws Exception {
        byte[] quiver = MapPlot.titled("Wind").arrows(rotation(), 15).figure(640, 480).toPng();
        assertPicture(quiver, 640, 480);
        byte[] contours = MapPlot.titled("Isotherms").contours(temperature(), 8).figure(640, 480).toPng();
        assertPicture(contours, 640, 480);
        byte[] fronts = MapPlot.titled("Fronts").heatmap(temperature(), "T").contours(temperature(), 6)
                .arrows(rotation(), 20).figure(700, 500).toPng();
        assertPicture(fronts, 700, 500);
    }

    @Test
    void arrowsAreSubsampledAndScaledToTheLattice() {
        SampledVectorField nowhereZero = VectorField.of(2, 2, (t, x, out) -> {
            out[0] = 2 + x[1] * x[1];
            out[1] = x[0];
        }).sample(MAP);
        Figure f = MapPlot.titled("Wind").arrows(nowhereZero, 15).figure(640, 480);
        var data = (org.jfree.data.xy.VectorXYDataset) f.chart().getXYPlot().getDataset(0);
        // 48 x 32 grid points, at most 15 arrows per axis, every one drawn (the field has no zero).
        assertEquals(15 * 15, data.getItemCount(0));
        double longest = 0;
        for (int i = 0; i < data.getItemCount(0); i++) {
            longest = Math.max(longest, Math.hypot(data.getVectorXValue(0, i), data.getVectorYValue(0, i)));
        }
        double spacing = Math.min(6.0 / 15, 4.0 / 15);
        assertEquals(0.9 * spacing, longest, 1e-12, "longest arrow spans 90 % of the lattice spacing");
    }

    @Test
    void scatterAndTrajectoriesOverDensity() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        double[] x = new double[8000];
        double[] y = new double[8000];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
            y[i] = 0.5 * x[i] + Math.sqrt(0.75) * random.nextGaussian();
        }
        List<double[]> paths = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            double[] path = new double[200];
            for (int i = 2; i < path.length; i++) {
                path[i] = 0.95 * path[i - 2] + 0.2 * random.nextGaussian();
            }
            paths.add(path);
        }
        SampledScalarField density = ScalarField.of(2, (t, p) -> Math.exp(-0.5 * (p[0] * p[0] + p[1] * p[1])))
                .sample(MAP);
        byte[] png = MapPlot.titled("Langevin").heatmap(density, "p(x)").points("samples", x, y)
                .paths("trajectory", paths).figure(800, 600).toPng();
        assertPicture(png, 800, 600);
    }

    @Test
    void histogramWithDensityAndLinePlots() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        double[] s = new double[5000];
        for (int i = 0; i < s.length; i++) {
            s[i] = random.nextGaussian();
        }
        byte[] hist = LinePlot.titled("Samples").histogram("samples", s, 40, -4, 4)
                .curve("N(0,1)", v -> Math.exp(-v * v / 2) / Math.sqrt(2 * Math.PI), -4, 4).figure(600, 400).toPng();
        assertPicture(hist, 600, 400);

        Grid line = Grid.cube(1, 33, 0, Math.PI);
        SampledScalarField u = ScalarField.of(1, (t, x) -> Math.sin(x[0]) + 0.01 * Math.cos(7 * x[0])).sample(line);
        byte[] field = LinePlot.titled("u vs sin").field("u", u)
                .reference("sin x", ScalarField.of(1, (t, x) -> Math.sin(x[0])), line, 0.0).figure(600, 400).toPng();
        assertPicture(field, 600, 400);
    }

    @Test
    void convergencePlotNamesFittedOrderInLegend() throws Exception {
        double[] h = {0.1, 0.05, 0.025, 0.0125};
        double[] e = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            e[i] = 3 * h[i] * h[i];
        }
        LinePlot plot = LinePlot.titled("Poisson").axes("h", "error").logLog().convergence("multigrid", h, e);
        Figure figure = plot.figure(600, 450);
        String legend = figure.chart().getXYPlot().getLegendItems().get(0).getLabel();
        assertEquals("multigrid: fitted order 2.00", legend);
        assertPicture(figure.toPng(), 600, 450);
    }

    @Test
    void fieldPlotsChooseByDimension() throws Exception {
        Grid cube = Grid.cube(3, 12, -1, 1);
        SampledScalarField r2 = ScalarField.of(3, (t, x) -> x[0] * x[0] + x[1] * x[1] + x[2] * x[2]).sample(cube);
        Figure slice = FieldPlots.scalar("r²", r2, "r² [m²]");
        assertTrue(slice.chart().getSubtitle(0).toString().length() > 0);
        assertPicture(slice.toPng(), slice.width(), slice.height());

        SampledScalarField line = ScalarField.of(1, (t, x) -> x[0] * x[0]).sample(Grid.cube(1, 20, 0, 1));
        Figure f1 = FieldPlots.scalar("x²", line, "u");
        assertPicture(f1.toPng(), f1.width(), f1.height());

        Figure divergence = FieldPlots.signed("div v", ScalarField.of(2, (t, x) -> x[0] * x[1]).sample(MAP), "1/s");
        BufferedImage signed = assertPicture(divergence.toPng(), divergence.width(), divergence.height());
        assertTrue(distinctColours(signed) > 100);

        Figure wind = FieldPlots.vector("wind", rotation(), "v [m/s]");
        assertPicture(wind.toPng(), wind.width(), wind.height());
    }

    @Test
    void midPlaneTakesTheMiddleIndex() {
        Grid cube = Grid.of(new int[] {4, 5, 6}, new double[] {0, 0, 0}, new double[] {1, 2, 3}, Centering.CELL);
        SampledScalarField f = ScalarField.of(3, (t, x) -> x[0] + 10 * x[1] + 100 * x[2]).sample(cube);
        FieldSlices.Slice plane = FieldSlices.midPlane(f, 1);
        Grid g = plane.field().grid();
        assertEquals(4, g.size(0));
        assertEquals(6, g.size(1));
        double yMid = cube.coordinate(1, 2);
        double[] p = new double[3];
        for (int k = 0; k < 6; k++) {
            for (int i = 0; i < 4; i++) {
                double expected = cube.coordinate(0, i) + 10 * yMid + 100 * cube.coordinate(2, k);
                assertEquals(expected, plane.field().valueAt(i + 4 * k), 1e-12);
            }
        }
        assertTrue(plane.description().contains("y = " + (float) yMid), plane.description());
    }

    @Test
    void midLineFollowsOneAxisThroughTheMiddle() {
        Grid cube = Grid.of(new int[] {5, 6, 7}, new double[] {-1, -1, -1}, new double[] {1, 2, 3},
                Centering.VERTEX);
        SampledScalarField f = ScalarField.of(3, (t, x) -> x[0] + 10 * x[1] + 100 * x[2]).sample(cube);
        FieldSlices.Slice line = FieldSlices.midLine(f, 2);
        assertEquals(7, line.field().size());
        assertEquals(cube.lower(2), line.field().grid().lower(0));
        for (int k = 0; k < 7; k++) {
            double expected = cube.coordinate(0, 2) + 10 * cube.coordinate(1, 3) + 100 * cube.coordinate(2, k);
            assertEquals(expected, line.field().valueAt(k), 1e-12);
        }
        assertEquals("line along z at x = 0.0, y = " + (float) cube.coordinate(1, 3), line.description());
        assertThrows(IllegalArgumentException.class, () -> FieldSlices.midLine(f, 3));
    }

    @Test
    void badInputIsRefusedWithClearMessages() {
        Grid line = Grid.cube(1, 10, 0, 1);
        SampledScalarField f1 = SampledScalarField.constant(line, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MapPlot.titled("x").heatmap(f1, "u"));
        assertTrue(e.getMessage().contains("2-D"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> MapPlot.titled("empty").figure());
        assertThrows(IllegalArgumentException.class, () -> MapPlot.titled("w").arrows(rotation(), 1));
        assertThrows(IllegalArgumentException.class, () -> LinePlot.titled("h").histogram("s", new double[0], 10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> LinePlot.titled("l").line("a", new double[2], new double[3]));
    }
}
