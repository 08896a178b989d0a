package org.fieldscore.runner.output.plot;

import static org.fieldscore.runner.output.plot.ChartParts.colourBar;
import static org.fieldscore.runner.output.plot.ChartParts.subtitles;
import static org.fieldscore.runner.output.plot.PngAssertions.assertPicture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.ops.FiniteDifferences;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.VectorXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A derivative that is zero up to rounding (the curl of a gradient, the Laplacian of a linear field) is judged against
 * the scale of its operand, max|v|/h<sup>k</sup>, not against its own size, which is the rounding noise itself: it is
 * drawn as zero with a note stating the bound, without a colour bar or arrows of noise; a small but real derivative
 * is drawn as before.
 */
class RoundingNoisePlotsTest {

    private static final ScalarField POTENTIAL = ScalarField.of(3,
            (t, x) -> 1e3 * Math.exp(0.7 * x[0]) * Math.sin(3 * x[1]) * Math.cos(2 * x[2]));

    private static int arrowCount(JFreeChart chart) {
        int count = 0;
        for (int i = 0; i < chart.getXYPlot().getDatasetCount(); i++) {
            if (chart.getXYPlot().getDataset(i) instanceof VectorXYDataset v && v.getSeriesCount() > 0) {
                count += v.getItemCount(0);
            }
        }
        return count;
    }

    private static double maxComponent(SampledVectorField v) {
        double m = 0;
        for (int c = 0; c < v.components(); c++) {
            m = Math.max(m, v.component(c).maxNorm());
        }
        return m;
    }

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {2, 4})
    void theCurlOfAGradientInThreeDimensionsIsDrawnAsZeroWithoutArrows(int order) throws Exception {
        Grid box = Grid.cube(3, 21, -1, 1);
        FiniteDifferences fd = FiniteDifferences.order(order);
        SampledVectorField e = fd.gradient(POTENTIAL.sample(box));
        SampledVectorField curl = fd.curl(e);
        assertTrue(curl.norm().maxNorm() > 0, "the two mixed differences round differently");
        assertFalse(ValueRange.of(curl.norm()).isFlat(), "judged by its own size, rounding noise looks like a signal");
        OperandScale operand = OperandScale.ofDerivative("E", maxComponent(e), box.spacing(0), 1);
        assertTrue(curl.norm().maxNorm() < 1e-13 * operand.value(), "noise is a few ε of max|E|/h: "
                + curl.norm().maxNorm() / operand.value());

        Figure f = FieldPlots.vector("curl E", curl, "curl E", operand);
        String notes = subtitles(f.chart());
        assertTrue(notes.contains("|curl E| in plane is zero up to rounding: max "), notes);
        assertTrue(notes.contains("≤ 1e-09 × max|E|/h = "), notes);
        assertTrue(notes.contains("drawn as 0; no arrows"), notes);
        assertNull(colourBar(f.chart()), "no colour bar of noise");
        assertEquals(0, arrowCount(f.chart()), "no arrows of noise");
        assertEquals(1, PngAssertions.distinctColoursInside(assertPicture(f.toPng(), f.width(), f.height()),
                f.width() / 2, f.height() / 2, 40), "one colour in the middle of the map");
    }

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {2, 4})
    void theScalarCurlOfATwoDimensionalGradientIsDrawnAsZero(int order) {
        Grid plane = Grid.cube(2, 41, -1, 1);
        FiniteDifferences fd = FiniteDifferences.order(order);
        SampledVectorField e = fd.gradient(ScalarField.of(2, (t, x) -> 50 * Math.exp(x[0]) * Math.sin(2 * x[1]))
                .sample(plane));
        SampledScalarField curl = fd.curl2D(e);
        OperandScale operand = OperandScale.ofDerivative("E", maxComponent(e), plane.spacing(0), 1);
        Figure f = FieldPlots.scalar("curl E", curl, "curl E", true, operand);
        assertTrue(subtitles(f.chart()).contains("curl E is zero up to rounding"), subtitles(f.chart()));
        assertNull(colourBar(f.chart()));
    }

    @Test
    void theLaplacianOfALinearFieldIsZeroAgainstMaxOverHSquared() {
        Grid plane = Grid.cube(2, 41, -1, 1);
        SampledScalarField linear = ScalarField.of(2, (t, x) -> 7.3 + 1.7 * x[0] - 3.1 * x[1]).sample(plane);
        SampledScalarField laplacian = FiniteDifferences.order(4).laplacian(linear);
        OperandScale operand = OperandScale.ofDerivative("phi", linear.maxNorm(), plane.spacing(0), 2);
        assertEquals("max|phi|/h²", operand.formula());
        assertEquals(linear.maxNorm() / (plane.spacing(0) * plane.spacing(0)), operand.value(), 1e-9);
        Figure f = FieldPlots.scalar("lap", laplacian, "lap phi", true, operand);
        assertTrue(subtitles(f.chart()).contains("lap phi is zero up to rounding"), subtitles(f.chart()));
        assertNull(colourBar(f.chart()));
    }

    @Test
    void aOneDimensionalDerivativeThatIsRoundingIsDrawnAsAZeroLineWithTheNote() {
        Grid line = Grid.cube(1, 101, 0, 1);
        SampledScalarField linear = ScalarField.of(1, (t, x) -> 0.1 + 0.3 * x[0]).sample(line);
        SampledScalarField laplacian = FiniteDifferences.order(2).laplacian(linear);
        OperandScale operand = OperandScale.ofDerivative("u", linear.maxNorm(), line.spacing(0), 2);
        Figure f = FieldPlots.scalar("u''", laplacian, "u''", true, operand);
        assertTrue(subtitles(f.chart()).contains("u'' is zero up to rounding"), subtitles(f.chart()));
        XYDataset data = f.chart().getXYPlot().getDataset(0);
        for (int i = 0; i < data.getItemCount(0); i++) {
            assertEquals(0.0, data.getYValue(0, i), 0.0);
        }
    }

    @Test
    void aSmallButRealCurlIsDrawnWithItsColourBarAndArrows() {
        Grid box = Grid.cube(3, 17, -1, 1);
        // v = 1e-6 (sin(πy), 0, 0): curl v = (0, 0, −1e-6 π cos(πy)), small in absolute terms but far above rounding
        SampledVectorField v = SampledVectorField.of(
                ScalarField.of(3, (t, x) -> 1e-6 * Math.sin(Math.PI * x[1])).sample(box),
                ScalarField.of(3, (t, x) -> 1e-6 * x[2] * x[2]).sample(box),
                ScalarField.of(3, (t, x) -> 1e-6 * x[0] * x[1]).sample(box));
        SampledVectorField curl = FiniteDifferences.order(2).curl(v);
        OperandScale operand = OperandScale.ofDerivative("v", maxComponent(v), box.spacing(0), 1);
        Figure f = FieldPlots.vector("curl v", curl, "curl v", operand);
        assertFalse(subtitles(f.chart()).contains("rounding"), subtitles(f.chart()));
        assertNotNull(colourBar(f.chart()));
        assertTrue(arrowCount(f.chart()) > 0);
    }

    @Test
    void aDerivativeConstantUpToRoundingOfItsOperandKeepsItsValue() {
        Grid plane = Grid.cube(2, 9, 0, 1);
        double[] values = new double[plane.pointCount()];
        for (int p = 0; p < values.length; p++) {
            values[p] = 1e-3 + (p % 2 == 0 ? 1e-10 : -1e-10);
        }
        SampledScalarField gradientX = SampledScalarField.wrap(plane, values);
        assertFalse(ValueRange.of(gradientX).isFlat(), "a spread of 2e-7 of its own size");
        MapPlot map = MapPlot.titled("g").operandScale(new OperandScale(1e3, "max|phi|/h")).heatmap(gradientX, "g");
        String notes = subtitles(map.figure().chart());
        assertTrue(notes.contains("g is constant up to rounding: 0.00100000000 everywhere (spread below 1e-09 ×"
                + " max|phi|/h)"), notes);
        assertNull(colourBar(map.figure().chart()));
    }

    @Test
    void noScaleForAZeroOperand() {
        assertNull(OperandScale.ofDerivative("zero", 0.0, 0.1, 1));
        assertNotNull(OperandScale.ofDerivative("one", 1.0, 0.1, 1));
    }
}
