package org.fieldscore.fields.bc;

import java.util.Locale;

/**
 * One face of a box-shaped domain: the low or high end of a space axis. Written {@code x-}, {@code x+},
 * {@code y-}, {@code y+}, {@code z-}, {@code z+} in scenario files.
 */
public enum Face {
    /** x = lower. */
    X_LOW(0, -1),
    /** x = upper. */
    X_HIGH(0, +1),
    /** y = lower. */
    Y_LOW(1, -1),
    /** y = upper. */
    Y_HIGH(1, +1),
    /** z = lower. */
    Z_LOW(2, -1),
    /** z = upper. */
    Z_HIGH(2, +1);

    private final int axis;
    private final int side;

    Face(int axis, int side) {
        this.axis = axis;
        this.side = side;
    }

    /** @return the axis this face is normal to */
    public int axis() {
        return axis;
    }

    /** @return −1 for the low face, +1 for the high face: the sign of the outward normal */
    public int side() {
        return side;
    }

    /** @return the face on the other end of the same axis */
    public Face opposite() {
        return of(axis, -side);
    }

    /**
     * @param axis space axis number
     * @param side −1 (low) or +1 (high)
     * @return the face
     */
    public static Face of(int axis, int side) {
        return values()[2 * axis + (side > 0 ? 1 : 0)];
    }

    /** @return the short name, e.g. {@code x-} */
    public String shortName() {
        return "xyz".charAt(axis) + (side < 0 ? "-" : "+");
    }

    /**
     * @param name {@code x-}, {@code x+}, …, or an enum name such as {@code X_LOW}
     * @return the face
     * @throws IllegalArgumentException listing the valid names
     */
    public static Face parse(String name) {
        String n = name.trim();
        for (Face f : values()) {
            if (f.shortName().equals(n) || f.name().equalsIgnoreCase(n.replace('-', '_'))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown face '" + name + "'; valid faces are x-, x+, y-, y+, z-, z+"
                + " (or 'all')");
    }

    @Override
    public String toString() {
        return shortName().toLowerCase(Locale.ROOT);
    }
}
