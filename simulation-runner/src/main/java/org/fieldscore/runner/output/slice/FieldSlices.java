package org.fieldscore.runner.output.slice;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;

/**
 * Lower-dimensional views of sampled fields for output: one time sample of a space-time field, and the mid-plane
 * of a 3-D field. Each slice copies its values into a new field; the source is not changed.
 */
public final class FieldSlices {

    private FieldSlices() {
    }

    /**
     * A 2-D plane of a 3-D field and the sentence that names it.
     *
     * @param field the 2-D field on the plane (its axes are the two remaining axes in their original order)
     * @param description e.g. {@code "mid-plane z = 0.5"}
     */
    public record Plane(SampledScalarField field, String description) {
    }

    /**
     * @param field a field on a space-time grid
     * @param n time sample index, 0 ≤ n &lt; number of time samples
     * @return the space field at time t<sub>n</sub>
     * @throws IllegalArgumentException when the grid has no time axis or n is out of range
     */
    public static SampledScalarField atTimeIndex(SampledScalarField field, int n) {
        Grid grid = field.grid();
        requireTimeIndex(grid, n);
        int count = grid.spacePointCount();
        double[] values = new double[count];
        int offset = n * count;
        for (int p = 0; p < count; p++) {
            values[p] = field.valueAt(offset + p);
        }
        return SampledScalarField.wrap(grid.space(), values);
    }

    /**
     * @param field a vector field on a space-time grid
     * @param n time sample index
     * @return the space vector field at time t<sub>n</sub>
     */
    public static SampledVectorField atTimeIndex(SampledVectorField field, int n) {
        Grid grid = field.grid();
        requireTimeIndex(grid, n);
        int count = grid.spacePointCount();
        double[][] values = new double[field.components()][count];
        int offset = n * count;
        for (int c = 0; c < values.length; c++) {
            for (int p = 0; p < count; p++) {
                values[c][p] = field.valueAt(c, offset + p);
            }
        }
        return SampledVectorField.wrap(grid.space(), values);
    }

    /**
     * The plane through the middle of a 3-D field normal to one axis: the middle grid index along that axis
     * (for an even number of points the one just above the centre, so no interpolation is needed).
     *
     * @param field a field on a 3-D space grid
     * @param normalAxis 0, 1 or 2: the axis the plane is normal to
     * @return the plane and its description
     * @throws IllegalArgumentException when the field is not 3-D, has a time axis, or the axis is not 0–2
     */
    public static Plane midPlane(SampledScalarField field, int normalAxis) {
        Grid grid = field.grid();
        if (grid.spaceDimension() != 3 || grid.hasTime()) {
            throw new IllegalArgumentException("a mid-plane needs a field on a 3-D space grid, got " + grid);
        }
        if (normalAxis < 0 || normalAxis > 2) {
            throw new IllegalArgumentException("normal axis must be 0, 1 or 2 (x, y, z), got " + normalAxis);
        }
        int a = normalAxis == 0 ? 1 : 0;
        int b = normalAxis == 2 ? 1 : 2;
        int index = grid.size(normalAxis) / 2;
        int na = grid.size(a);
        int nb = grid.size(b);
        double[] values = new double[na * nb];
        int base = index * grid.stride(normalAxis);
        for (int j = 0; j < nb; j++) {
            for (int i = 0; i < na; i++) {
                values[i + na * j] = field.valueAt(base + i * grid.stride(a) + j * grid.stride(b));
            }
        }
        Grid plane = Grid.of(new int[] {na, nb}, new double[] {grid.lower(a), grid.lower(b)},
                new double[] {grid.upper(a), grid.upper(b)}, new Centering[] {grid.centering(a), grid.centering(b)});
        String description = "mid-plane " + Grid.axisName(normalAxis) + " = "
                + (float) grid.coordinate(normalAxis, index) + " (axes " + Grid.axisName(a) + ", "
                + Grid.axisName(b) + ")";
        return new Plane(SampledScalarField.wrap(plane, values), description);
    }

    private static void requireTimeIndex(Grid grid, int n) {
        if (!grid.hasTime()) {
            throw new IllegalArgumentException("a time slice needs a space-time grid, got " + grid);
        }
        if (n < 0 || n >= grid.timeAxis().count()) {
            throw new IllegalArgumentException("time index must be in [0, " + (grid.timeAxis().count() - 1)
                    + "], got " + n);
        }
    }
}
