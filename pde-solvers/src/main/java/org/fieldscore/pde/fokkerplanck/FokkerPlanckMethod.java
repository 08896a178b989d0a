package org.fieldscore.pde.fokkerplanck;

import java.util.Arrays;
import java.util.List;

import org.fieldscore.fields.NamedValues;

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
    CRANK_NICOLSON("crank-nicolson", 2),
    /**
     * pⁿ⁺¹ = (I − ΔtL<sub>d</sub>ⁿ⁺¹)⁻¹ ⋯ (I − ΔtL<sub>1</sub>ⁿ⁺¹)⁻¹(pⁿ + Δt s), L<sub>a</sub> the fluxes across the
     * faces normal to axis a, each factor solved directly along the grid lines (tridiagonal, cyclic on a periodic
     * axis): first order, unconditionally stable and positive, mass-conserving, exp(−U) a fixed point; about as
     * cheap per step as an explicit one (see docs/pde.md).
     */
    SPLIT_IMPLICIT_EULER("split-implicit-euler", 1),
    /**
     * Douglas's alternating-direction scheme with θ = ½: pⁿ⁺¹ = pⁿ + Π<sub>a</sub>(I − ½ΔtL<sub>a</sub>)⁻¹
     * Δt(Lpⁿ + s), L at tⁿ + Δt/2, each factor solved directly along the grid lines: second order in 1-, 2- and
     * 3-D, mass-conserving, exp(−U) a fixed point, stable for any Δt in the von Neumann sense in 2-D and, in 3-D, for
     * real axis spectra (as for a potential; docs/pde.md), not guaranteed positive; the first
     * {@value FokkerPlanckSolver#RANNACHER_STEPS} steps are taken as two split implicit Euler half steps, as for
     * Crank–Nicolson.
     */
    DOUGLAS_ADI("douglas-adi", 2);

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

    /** @return whether each step solves a linear system by Krylov iterations (implicit Euler, Crank–Nicolson) */
    public boolean solvesIteratively() {
        return this == IMPLICIT_EULER || this == CRANK_NICOLSON;
    }

    /** @return the scenario-file names of all methods, in declaration order */
    public static List<String> keys() {
        return Arrays.stream(values()).map(FokkerPlanckMethod::key).toList();
    }

    /**
     * @param name one of {@link #keys()}
     * @return the method
     * @throws IllegalArgumentException naming the valid names
     */
    public static FokkerPlanckMethod byName(String name) {
        return NamedValues.byKey(FokkerPlanckMethod.class, name, FokkerPlanckMethod::key,
                "Fokker–Planck method");
    }
}
