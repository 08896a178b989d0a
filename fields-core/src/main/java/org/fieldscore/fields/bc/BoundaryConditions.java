package org.fieldscore.fields.bc;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;

/**
 * One {@link BoundaryCondition} per face of a box domain. Faces without a condition have none: operators close
 * their stencils there with one-sided differences of the same order. Immutable.
 */
public final class BoundaryConditions {

    private static final BoundaryConditions NONE = new BoundaryConditions(new EnumMap<>(Face.class));

    private final EnumMap<Face, BoundaryCondition> conditions;

    private BoundaryConditions(EnumMap<Face, BoundaryCondition> conditions) {
        this.conditions = conditions;
    }

    /** @return no conditions on any face (one-sided stencils everywhere) */
    public static BoundaryConditions none() {
        return NONE;
    }

    /**
     * @param condition the condition for every face
     * @return the same condition on all six faces (faces beyond a grid's dimension are ignored)
     */
    public static BoundaryConditions all(BoundaryCondition condition) {
        EnumMap<Face, BoundaryCondition> m = new EnumMap<>(Face.class);
        for (Face f : Face.values()) {
            m.put(f, Objects.requireNonNull(condition, "condition"));
        }
        return new BoundaryConditions(m);
    }

    /**
     * @param face a face
     * @param condition its condition
     * @return a copy with that face's condition replaced
     */
    public BoundaryConditions with(Face face, BoundaryCondition condition) {
        EnumMap<Face, BoundaryCondition> m = new EnumMap<>(conditions);
        m.put(face, Objects.requireNonNull(condition, "condition"));
        return new BoundaryConditions(m);
    }

    /**
     * @param axis a space axis
     * @param condition the condition for both its faces
     * @return a copy with both faces of the axis set
     */
    public BoundaryConditions withAxis(int axis, BoundaryCondition condition) {
        return with(Face.of(axis, -1), condition).with(Face.of(axis, +1), condition);
    }

    /**
     * @param face a face
     * @return its condition, or null when none is set
     */
    public BoundaryCondition get(Face face) {
        return conditions.get(face);
    }

    /**
     * @param axis space axis
     * @param side −1 or +1
     * @return the condition on that face, or null
     */
    public BoundaryCondition get(int axis, int side) {
        return conditions.get(Face.of(axis, side));
    }

    /**
     * @param axis a space axis
     * @return whether both faces of the axis are periodic
     */
    public boolean isPeriodic(int axis) {
        return get(axis, -1) instanceof BoundaryCondition.Periodic;
    }

    /** @return an unmodifiable view face → condition */
    public Map<Face, BoundaryCondition> asMap() {
        return java.util.Collections.unmodifiableMap(conditions);
    }

    /**
     * Checks that these conditions fit a grid.
     *
     * @param grid the grid
     * @throws IllegalArgumentException when only one face of an axis is periodic, or a periodic axis is not
     *     cell-centred
     */
    public void validate(Grid grid) {
        for (int a = 0; a < grid.spaceDimension(); a++) {
            boolean low = get(a, -1) instanceof BoundaryCondition.Periodic;
            boolean high = get(a, +1) instanceof BoundaryCondition.Periodic;
            String axis = Grid.axisName(a);
            if (low != high) {
                throw new IllegalArgumentException("periodic condition on axis " + axis
                        + " must be set on both faces " + axis + "- and " + axis + "+");
            }
            if (low && grid.centering(a) != Centering.CELL) {
                throw new IllegalArgumentException("periodic axis " + axis + " must be cell-centred (period = upper - lower"
                        + " = n·h); a vertex-centred axis repeats its end point");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoundaryConditions b && conditions.equals(b.conditions);
    }

    @Override
    public int hashCode() {
        return conditions.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        conditions.forEach((f, c) -> s.append(s.length() > 1 ? ", " : "").append(f).append(": ").append(c));
        return s.append('}').toString();
    }
}
