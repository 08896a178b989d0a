package org.fieldscore.runner.output.slice;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;

/**
 * Lower-dimensional views of sampled fields for output: one time sample of a space-time field, the mid-plane of a
 * 3-D field, and the line through the middle of a 2-D or 3-D field along one axis (a profile, e.g. a potential
 * against its analytic 1/r). Each slice copies its values into a new field; the source is not changed.
 */
public final class FieldSlices {

    private FieldSlices() {
    }

    /**
     * A lower-dimensional cut of a field and the words that name it.
     *
     * @param field the field on the cut (its axes are the remaining axes in their original order)
     * @param description e.g. {@code "mid-plane z = 0.5 (axes x, y)"}
     */
    public record Slice(SampledScalarField field, String description) {
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
     * The components of a vector field along its space axes: for a space-time gradient (d + 1 components on a
     * space-time grid, ∂/∂t first) components 1 … d, so that component a is the one along space axis a; any other
     * field as it is.
     *
     * @param field a vector field
     * @return its space components, on the same grid
     */
    public static SampledVectorField spaceComponents(SampledVectorField field) {
        Grid grid = field.grid();
        int d = grid.spaceDimension();
        if (!grid.hasTime() || field.components() != d + 1) {
            return field;
        }
        SampledScalarField[] parts = new SampledScalarField[d];
        for (int a = 0; a < d; a++) {
            parts[a] = field.component(a + 1);
        }
        return SampledVectorField.of(parts);
    }

    /**
     * @param grid a space-time grid
     * @param n a time sample index
     * @return the words naming that time in a picture, e.g. {@code "t = 1.0 (time sample 41 of 41)"}
     */
    public static String timeDescription(Grid grid, int n) {
        requireTimeIndex(grid, n);
        return "t = " + (float) grid.timeAxis().time(n) + " (time sample " + (n + 1) + " of "
                + grid.timeAxis().count() + ")";
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
    public static Slice midPlane(SampledScalarField field, int normalAxis) {
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
        return new Slice(SampledScalarField.wrap(plane, values), description);
    }

    /**
     * The line through the middle of a 2-D or 3-D field along one axis: the other axes are held at their middle
     * grid index (for an even number of points the one just above the centre), so no value is interpolated.
     *
     * @param field a field on a 2-D or 3-D space grid
     * @param axis the axis the line runs along, 0 to dimension − 1
     * @return the 1-D field along the line and its description, e.g. {@code "line along x at y = 0.0, z = 0.0"}
     * @throws IllegalArgumentException when the field is 1-D, has a time axis, or the axis is out of range
     */
    public static Slice midLine(SampledScalarField field, int axis) {
        Grid grid = field.grid();
        int d = grid.spaceDimension();
        if (d < 2 || grid.hasTime()) {
            throw new IllegalArgumentException("a mid-line needs a field on a 2-D or 3-D space grid, got " + grid);
        }
        if (axis < 0 || axis >= d) {
            throw new IllegalArgumentException("axis must be in [0, " + (d - 1) + "] for a " + d + "-D field, got "
                    + axis);
        }
        int base = 0;
        StringBuilder description = new StringBuilder("line along ").append(Grid.axisName(axis)).append(" at ");
        for (int a = 0, named = 0; a < d; a++) {
            if (a != axis) {
                int middle = grid.size(a) / 2;
                base += middle * grid.stride(a);
                description.append(named++ == 0 ? "" : ", ").append(Grid.axisName(a)).append(" = ")
                        .append((float) grid.coordinate(a, middle));
            }
        }
        int n = grid.size(axis);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = field.valueAt(base + i * grid.stride(axis));
        }
        Grid line = Grid.of(new int[] {n}, new double[] {grid.lower(axis)}, new double[] {grid.upper(axis)},
                new Centering[] {grid.centering(axis)});
        return new Slice(SampledScalarField.wrap(line, values), description.toString());
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
