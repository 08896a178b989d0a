package org.fieldscore.pde.diffusion;

import java.util.Locale;

import org.fieldscore.fields.NamedValues;

/** The time integrators of {@link DiffusionSolver}, with their names in scenario files. */
public enum DiffusionMethod {
    /** Forward Euler in time, centred in space (FTCS): first order, stable for k·Δt·Σ1/h² ≤ ½. */
    EXPLICIT_EULER("explicit-euler"),
    /** Backward Euler: first order, unconditionally stable, one linear solve per step. */
    IMPLICIT_EULER("implicit-euler"),
    /** Crank–Nicolson (trapezoidal rule): second order, unconditionally stable, one linear solve per step. */
    CRANK_NICOLSON("crank-nicolson"),
    /** Method of lines with Hipparchus' adaptive Dormand–Prince 8(5,3) integrator; small grids. */
    DORMAND_PRINCE_853("dormand-prince-853"),
    /** Method of lines with Hipparchus' adaptive Dormand–Prince 5(4) integrator; small grids. */
    DORMAND_PRINCE_54("dormand-prince-54");

    private final String key;

    DiffusionMethod(String key) {
        this.key = key;
    }

    /** @return the scenario-file name */
    public String key() {
        return key;
    }

    /**
     * @param name a key such as {@code crank-nicolson} (case-insensitive, '_' = '-'); {@code ftcs} is accepted for
     *     the explicit method
     * @return the method
     * @throws IllegalArgumentException listing the valid names
     */
    public static DiffusionMethod byName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (n.equals("ftcs") || n.equals("explicit")) {
            return EXPLICIT_EULER;
        }
        return NamedValues.byKey(DiffusionMethod.class, n, DiffusionMethod::key, "diffusion method");
    }
}
