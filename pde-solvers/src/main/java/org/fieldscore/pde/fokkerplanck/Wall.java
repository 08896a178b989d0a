package org.fieldscore.pde.fokkerplanck;

import org.fieldscore.fields.NamedValues;

/** What a face of the box does to the probability flux J = b p − D∇p. */
public enum Wall {
    /** Reflecting: J·n = 0, so no probability leaves (mass is conserved). */
    NO_FLUX("no-flux"),
    /** The axis closes on itself (both faces of the axis must be periodic; drift and potential must be periodic). */
    PERIODIC("periodic"),
    /** Absorbing: p = 0 on the face (Dirichlet); probability that reaches it leaves the box. */
    ABSORBING("absorbing");

    private final String key;

    Wall(String key) {
        this.key = key;
    }

    /** @return the scenario-file name */
    public String key() {
        return key;
    }

    /**
     * @param name {@code no-flux}, {@code periodic} or {@code absorbing}
     * @return the wall
     * @throws IllegalArgumentException naming the valid names
     */
    public static Wall byName(String name) {
        return NamedValues.byKey(Wall.class, name, Wall::key, "wall");
    }
}
