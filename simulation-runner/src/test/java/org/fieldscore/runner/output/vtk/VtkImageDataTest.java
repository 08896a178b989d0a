package org.fieldscore.runner.output.vtk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.grid.TimeAxis;
import org.fieldscore.runner.output.OutputDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VtkImageDataTest {

    @TempDir
    Path temp;

    private static double[] randomValues(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.scalb(random.nextDouble() - 0.5, random.nextInt(-60, 60));
        }
        return v;
    }

    @Test
    void scalarAndVectorFieldsOn3dGridReadBackExactly() throws Exception {
        Grid grid = Grid.of(new int[] {5, 4, 3}, new double[] {-1, 0, 2}, new double[] {1, 3, 3}, Centering.VERTEX);
        SampledScalarField phi = SampledScalarField.wrap(grid, randomValues(grid.pointCount(), 1));
        SampledVectorField e = SampledVectorField.wrap(grid, new double[][] {randomValues(60, 2),
            randomValues(60, 3), randomValues(60, 4)});
        Path file = OutputDirectory.create(temp).writeVti("phi.vti",
                VtkImageData.on(grid).scalars("phi", phi).vectors("E", e));

        VtkReader.Image image = VtkReader.readImage(file);
        assertArrayEquals(new int[] {0, 4, 0, 3, 0, 2}, image.wholeExtent());
        assertArrayEquals(new double[] {-1, 0, 2}, image.origin());
        assertArrayEquals(new double[] {0.5, 1, 0.5}, image.spacing());
        assertEquals("phi", image.scalarsAttribute());
        assertEquals("E", image.vectorsAttribute());
        assertArrayEquals(phi.copyValues(), image.arrays().get("phi"), "scalars exact");
        double[] vectors = image.arrays().get("E");
        assertEquals(3, image.components().get("E"));
        for (int p = 0; p < grid.pointCount(); p++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(e.valueAt(c, p), vectors[3 * p + c], "point " + p + " component " + c);
            }
        }
    }

    @Test
    void everyEncodingReadsBackExactlyAndRawAppendedIsTheDefault() throws Exception {
        Grid small = Grid.of(new int[] {7, 5}, new double[] {0, 0}, new double[] {1, 1}, Centering.VERTEX);
        SampledScalarField f = SampledScalarField.wrap(small, randomValues(35, 11));
        SampledVectorField v = SampledVectorField.wrap(small, new double[][] {randomValues(35, 12),
            randomValues(35, 13)});
        OutputDirectory out = OutputDirectory.create(temp);
        for (VtkImageData.Encoding encoding : VtkImageData.Encoding.values()) {
            Path file = out.writeVti(encoding + ".vti", VtkImageData.on(small).scalars("f", f).vectors("v", v)
                    .encoding(encoding));
            VtkReader.Image image = VtkReader.readImage(file);
            assertEquals(encoding.name().toLowerCase(java.util.Locale.ROOT), image.formats().get("f"));
            assertArrayEquals(f.copyValues(), image.arrays().get("f"), encoding.name());
            double[] vectors = image.arrays().get("v");
            for (int p = 0; p < 35; p++) {
                assertEquals(v.valueAt(0, p), vectors[3 * p]);
                assertEquals(v.valueAt(1, p), vectors[3 * p + 1]);
                assertEquals(0.0, vectors[3 * p + 2]);
            }
        }

        Grid large = Grid.cube(3, 40, 0, 1);
        SampledScalarField g = SampledScalarField.wrap(large, randomValues(large.pointCount(), 14));
        Path file = out.writeVti("large.vti", "g", g);
        VtkReader.Image big = VtkReader.readImage(file);
        assertEquals("appended", big.formats().get("g"), "raw appended binary is the default");
        assertArrayEquals(g.copyValues(), big.arrays().get("g"));
        long payload = 8L + 8L * large.pointCount();
        assertTrue(java.nio.file.Files.size(file) < payload + 1024, "8 bytes a value plus a short XML header");
    }

    @Test
    void cellCentredAxesPutPointsAtCellCentresAnd2dVectorsArePadded() throws Exception {
        Grid grid = Grid.of(new int[] {4, 2}, new double[] {0, 0}, new double[] {1, 1},
                new Centering[] {Centering.CELL, Centering.VERTEX});
        SampledVectorField v = SampledVectorField.wrap(grid, new double[][] {randomValues(8, 5), randomValues(8, 6)});
        Path file = OutputDirectory.create(temp).writeVti("v.vti", "v", v);
        VtkReader.Image image = VtkReader.readImage(file);
        assertArrayEquals(new int[] {0, 3, 0, 1, 0, 0}, image.wholeExtent());
        assertArrayEquals(new double[] {0.125, 0, 0}, image.origin(), "first cell centre");
        assertArrayEquals(new double[] {0.25, 1, 1}, image.spacing());
        double[] values = image.arrays().get("v");
        for (int p = 0; p < 8; p++) {
            assertEquals(v.valueAt(0, p), values[3 * p]);
            assertEquals(v.valueAt(1, p), values[3 * p + 1]);
            assertEquals(0.0, values[3 * p + 2], "third component padded with zero");
        }
    }

    @Test
    void spaceTimeFieldBecomesPvdSeriesWithTimes() throws Exception {
        Grid grid = Grid.cube(1, 9, 0, 1).withTime(TimeAxis.of(0.0, 0.25, 3));
        SampledScalarField u = ScalarField.of(1, (t, x) -> Math.exp(-t) * Math.sin(Math.PI * x[0])).sample(grid);
        OutputDirectory out = OutputDirectory.create(temp);
        Path pvd = out.writeTimeSeries("heat/u", "u", u);
        Map<Double, String> entries = VtkReader.readCollection(pvd);
        assertEquals(List.of(0.0, 0.25, 0.5), List.copyOf(entries.keySet()));
        assertEquals(List.of("u/u_0000.vti", "u/u_0001.vti", "u/u_0002.vti"), List.copyOf(entries.values()));
        VtkReader.Image last = VtkReader.readImage(pvd.getParent().resolve(entries.get(0.5)));
        double[] values = last.arrays().get("u");
        for (int i = 0; i < 9; i++) {
            assertEquals(u.valueAt(2 * 9 + i), values[i]);
        }
    }

    @Test
    void vectorTimeSeriesKeepsEverySnapshot() throws Exception {
        Grid grid = Grid.cube(2, 3, 0, 1).withTime(TimeAxis.of(1.0, 0.5, 2));
        SampledVectorField v = SampledVectorField.wrap(grid, new double[][] {randomValues(18, 8),
            randomValues(18, 9)});
        Path pvd = OutputDirectory.create(temp).writeTimeSeries("wind", "v", v);
        Map<Double, String> entries = VtkReader.readCollection(pvd);
        assertEquals(List.of(1.0, 1.5), List.copyOf(entries.keySet()));
        VtkReader.Image second = VtkReader.readImage(pvd.getParent().resolve(entries.get(1.5)));
        double[] values = second.arrays().get("v");
        for (int p = 0; p < 9; p++) {
            assertEquals(v.valueAt(0, 9 + p), values[3 * p]);
            assertEquals(v.valueAt(1, 9 + p), values[3 * p + 1]);
        }
    }

    @Test
    void namesAreEscapedAndBadInputRefused() throws Exception {
        Grid grid = Grid.cube(2, 3, 0, 1);
        SampledScalarField f = SampledScalarField.constant(grid, 1);
        Path file = OutputDirectory.create(temp).writeVti("a.vti", "T \"<°F>\" & co", f);
        assertEquals("T \"<°F>\" & co", VtkReader.readImage(file).scalarsAttribute());
        assertThrows(IllegalArgumentException.class, () -> VtkImageData.on(grid).scalars("a", f).scalars("a", f));
        assertThrows(IllegalArgumentException.class,
                () -> VtkImageData.on(grid.withTime(TimeAxis.of(0, 1, 2))));
        assertThrows(IllegalArgumentException.class,
                () -> VtkImageData.on(grid).scalars("b", SampledScalarField.constant(Grid.cube(2, 4, 0, 1), 0)));
        assertThrows(IllegalArgumentException.class, () -> new PvdCollection().add(1.0, "a").add(1.0, "b"));
    }
}
