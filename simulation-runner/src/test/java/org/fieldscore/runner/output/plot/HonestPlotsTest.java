package org.fieldscore.runner.output.plot;

import static org.fieldscore.runner.output.plot.ChartParts.colourBar;
import static org.fieldscore.runner.output.plot.ChartParts.subtitles;
import static org.fieldscore.runner.output.plot.PngAssertions.assertPicture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.grid.TimeAxis;
import org.fieldscore.runner.output.slice.FieldSlices;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.VectorXYDataset;
import org.junit.jupiter.api.Test;

/** Pictures that do not mislead: colour scales by the kind of quantity, flat fields, ticks, arrows, legends. */
class HonestPlotsTest {

    private static final Grid PLANE = Grid.cube(2, 33, -1, 1);

    @Test
    void signedFieldsUseTheDivergingScaleCentredOnZeroAndMagnitudesViridis() {
        SampledScalarField divergence = ScalarField.of(2, (t, x) -> x[0] + 0.3 * x[1]).sample(PLANE);
        MapPlot signed = MapPlot.titled("div").heatmap(divergence, "div v");
        assertTrue(signed.heatmapScale().isDiverging());
        assertEquals(-signed.heatmapScale().getUpperBound(), signed.heatmapScale().getLowerBound(), 0.0,
                "centred on zero");

        SampledScalarField positive = ScalarField.of(2, (t, x) -> 1 + x[0] * x[0]).sample(PLANE);
        MapPlot magnitude = MapPlot.titled("|v|").heatmap(positive, "|v|");
        assertFalse(magnitude.heatmapScale().isDiverging());
        assertEquals(1.0, magnitude.heatmapScale().getLowerBound(), 0.0);

        // a field forced signed (a divergence that happens to be positive) still gets the diverging scale
        Figure forced = FieldPlots.signed("gauss", positive, "div E");
        assertTrue(((ColourScale) colourBar(forced.chart()).getScale()).isDiverging());
    }

    @Test
    void aFieldConstantUpToRoundingIsOneFlatColourWithItsValue() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        double[] values = new double[PLANE.pointCount()];
        for (int p = 0; p < values.length; p++) {
            values[p] = -2.613596904460871 + 1e-15 * (random.nextDouble() - 0.5);
        }
        SampledScalarField nearlyConstant = SampledScalarField.wrap(PLANE, values);
        assertTrue(ValueRange.of(nearlyConstant).isFlat());
        Figure f = FieldPlots.scalar("tr dS/dx", nearlyConstant, "trace");
        assertNull(colourBar(f.chart()), "no colour bar of noise");
        assertTrue(subtitles(f.chart()).contains("constant: -2.61359690"), subtitles(f.chart()));
        assertEquals(1, PngAssertions.distinctColoursInside(assertPicture(f.toPng(), f.width(), f.height()),
                f.width() / 2, f.height() / 2, 40), "one colour in the middle of the map");

        assertTrue(ValueRange.of(SampledScalarField.wrap(PLANE, new double[PLANE.pointCount()])).isFlat(),
                "all zero is flat");
        values[7] = -2.6135 ;
        assertFalse(ValueRange.of(SampledScalarField.wrap(PLANE, values)).isFlat(), "a relative spread of 4e-5");
    }

    @Test
    void colourBarsCarryFiveToEightTicks() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 2000; trial++) {
            double lower = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-16, 8));
            double upper = lower + Math.pow(10, random.nextDouble(-16, 8));
            if (!(upper > lower)) {
                continue;
            }
            double step = ColourBarTicks.step(lower, upper);
            int count = ColourBarTicks.count(lower, upper, step);
            assertTrue(count >= 5 && count <= 8, "[" + lower + ", " + upper + "] step " + step + ": " + count);
        }
    }

    @Test
    void arrowsOfASpaceTimeGradientAreItsSpaceComponentsAndTheTimeIsStated() {
        Grid spaceTime = Grid.of(new int[] {17, 17}, new double[] {0, 0}, new double[] {1, 1},
                org.fieldscore.fields.grid.Centering.VERTEX).withTime(TimeAxis.of(0, 0.25, 5));
        int n = spaceTime.pointCount();
        double[] dt = new double[n];
        double[] dx = new double[n];
        double[] dy = new double[n];
        java.util.Arrays.fill(dt, 100.0); // large ∂φ/∂t: must not become the x arrow
        java.util.Arrays.fill(dx, 0.0);
        java.util.Arrays.fill(dy, 1.0);
        SampledVectorField fourGradient = SampledVectorField.wrap(spaceTime, new double[][] {dt, dx, dy});
        Figure f = FieldPlots.vector("4-gradient", fourGradient, "dphi");
        VectorXYDataset arrows = null;
        for (int i = 0; i < f.chart().getXYPlot().getDatasetCount(); i++) {
            if (f.chart().getXYPlot().getDataset(i) instanceof VectorXYDataset v) {
                arrows = v;
            }
        }
        for (int i = 0; i < arrows.getItemCount(0); i++) {
            assertEquals(0.0, arrows.getVectorXValue(0, i), 1e-12, "x arrow = ∂φ/∂x = 0");
            assertTrue(arrows.getVectorYValue(0, i) > 0, "y arrow = ∂φ/∂y > 0");
        }
        assertTrue(subtitles(f.chart()).contains("t = 1.0 (time sample 5 of 5)"), subtitles(f.chart()));
        assertEquals(2, FieldSlices.spaceComponents(fourGradient).components());
    }

    @Test
    void haloAndArrowShareOneGeometryAndShortArrowsGetSmallHeads() {
        assertEquals(ArrowRenderer.HEAD_SHARE * 4, ArrowRenderer.headLength(4), 1e-12, "a 4-pixel arrow");
        assertEquals(ArrowRenderer.MAX_HEAD_PIXELS, ArrowRenderer.headLength(200), 0.0);
        assertNull(ArrowRenderer.head(0, 0, 0.1, 0.1), "sub-pixel arrows are not drawn");
        var head = ArrowRenderer.head(0, 0, 10, 0).getBounds2D();
        assertTrue(head.getMaxX() <= 10 + 1e-12 && head.getMinX() >= 10 - 3.5 - 1e-12, "the head ends at the tip");
    }

    @Test
    void histogramLegendListsHistogramAndExpectedDensityAndTrajectoriesOneEntryPerChain() {
        SampledScalarField density = ScalarField.of(2, (t, x) -> Math.exp(-x[0] * x[0] - x[1] * x[1]))
                .sample(PLANE);
        Figure f = MapPlot.titled("h").heatmap(density, "density [1/(x·y)]").heatmapLegend("histogram")
                .contours(density, 5, "expected density").figure();
        var items = f.chart().getXYPlot().getLegendItems();
        assertEquals(2, items.getItemCount());
        assertEquals("histogram", items.get(0).getLabel());
        assertEquals("expected density", items.get(1).getLabel());

        SampledVectorField wind = SampledVectorField.of(density, density);
        Figure withArrows = MapPlot.titled("a").heatmap(density, "d").arrows(wind, 10, "wind (arrows)").figure();
        var arrowItems = withArrows.chart().getXYPlot().getLegendItems();
        assertEquals(1, arrowItems.getItemCount(), "the arrows, once (not their halo)");
        assertEquals("wind (arrows)", arrowItems.get(0).getLabel());

        Figure paths = MapPlot.titled("p").paths("trajectory", java.util.List.of(new double[] {0, 0, 1, 1},
                new double[] {0, 1, 1, 0}, new double[] {1, 1, 0, 0})).figure();
        var pathItems = paths.chart().getXYPlot().getLegendItems();
        assertEquals(3, pathItems.getItemCount(), "one entry per chain colour");
        assertEquals("trajectory, chain 2", pathItems.get(1).getLabel());
        assertEquals(pathItems.get(1).getLinePaint(), paths.chart().getXYPlot().getRenderer(0).getSeriesPaint(1));
    }

    @Test
    void mapsHaveEqualAspect() {
        Grid wide = Grid.of(new int[] {61, 21}, new double[] {0, 0}, new double[] {3, 1},
                org.fieldscore.fields.grid.Centering.VERTEX);
        SampledScalarField f = ScalarField.of(2, (t, x) -> x[0] + x[1]).sample(wide);
        for (int[] size : new int[][] {{900, 900}, {600, 900}, {1200, 400}}) {
            Figure figure = MapPlot.titled("aspect").heatmap(f, "v").figure(size[0], size[1]);
            org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
            figure.chart().createBufferedImage(size[0], size[1], info);
            java.awt.geom.Rectangle2D data = info.getPlotInfo().getDataArea();
            assertEquals(3.0, data.getWidth() / data.getHeight(), 0.03, "one x unit as long as one y unit at "
                    + size[0] + " x " + size[1]);
        }
    }

    @Test
    void theFastPngEncoderWritesExactlyThePixels() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(37, 23,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(5);
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                image.setRGB(x, y, y < 10 ? 0x336699 : random.nextInt(1 << 24));
            }
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        PngEncoder.write(image, png);
        java.awt.image.BufferedImage back = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                png.toByteArray()));
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                assertEquals(image.getRGB(x, y) & 0xffffff, back.getRGB(x, y) & 0xffffff, "pixel " + x + ", " + y);
            }
        }
    }
}
