package org.fieldscore.pde.fokkerplanck;

/** Time steppers for the Fokker–Planck equation dp/dt = L p + s. */
public enum FokkerPlanckMethod {
    /** p ← p + Δt(L p + s): first order, stable and positive for Δt ≤ 1/max(−L<sub>ii</sub>). */
    EXPLICIT_EULER("explicit-euler", 1),
    /** (I − ΔtL)pⁿ⁺¹ = pⁿ + Δt s: first order, unconditionally stable and positive. */
    IMPLICIT_EULER("implicit-euler", 1),
    /**
     * (I − ½ΔtLⁿ⁺¹)pⁿ⁺¹ = (I + ½ΔtLⁿ)pⁿ + Δt s: second order, unconditionally stable but not L-stable, and positive
     * only for Δt ≤ 2/max|L<sub>ii</sub>|; the first {@value FokkerPlanckSolver#RANNACHER_STEPS} steps are taken as
     * implicit Euler half steps (Rannacher's start-up) so that sharply peaked initial data do not ring.
     */
    CRANK_NICOLSON("crank-nicolson", 2);

    private final String key;
    private final int order;

    FokkerPlanckMethod(String key, int order) {
        this.key = key;
        this.order = order;
    }

    /** @return the scenario-file name */
    public String key() {
        return key;
    }

    /** @return the order in time */
    public int order() {
        return order;
    }

    /**
     * @param name {@code explicit-euler}, {@code implicit-euler} or {@code crank-nicolson}
     * @return the method
     */
    public static FokkerPlanckMethod byName(String name) {
        return org.fieldscore.fields.NamedValues.byKey(FokkerPlanckMethod.class, name, FokkerPlanckMethod::key,
                "Fokker–Planck method");
    }
}
