package org.fieldscore.pde.fokkerplanck;

/**
 * The operator-split implicit steps for dp/dt = L p + s with L = Σ<sub>a</sub> L<sub>a</sub>, the axis parts of
 * the fitted-flux operator, each implicit factor I − τL<sub>a</sub> solved directly along the grid lines by
 * {@link AxisLineSolver} (no iterations, no tolerance).
 *
 * <ul>
 *   <li>{@link #implicitEuler Split implicit Euler} (Lie–Trotter / Yanenko's locally one-dimensional scheme,
 *       N. N. Yanenko, The Method of Fractional Steps, Springer 1971):
 *       pⁿ⁺¹ = (I − ΔtL<sub>d</sub>)⁻¹ ⋯ (I − ΔtL<sub>1</sub>)⁻¹(pⁿ + Δt s), the coefficients at tⁿ⁺¹, x first.
 *       First order; each factor is the inverse of an M-matrix whose columns sum to 1 (more at absorbing walls), so
 *       the step is unconditionally stable, keeps p ≥ 0 and Σ p (up to rounding, under no-flux and periodic walls),
 *       and for a potential leaves exp(−U) unchanged because every axis flux of it vanishes
 *       (L<sub>a</sub> e<sup>−U</sup> = 0).</li>
 *   <li>{@link #douglas Douglas ADI} with θ = ½ (J. Douglas and J. E. Gunn, "A general formulation of alternating
 *       direction methods", Numer. Math. 6, 428–453, 1964; W. Hundsdorfer and J. Verwer, Numerical Solution of
 *       Time-Dependent Advection-Diffusion-Reaction Equations, Springer 2003, §IV.3), in increment form with the
 *       coefficients at the mid-point t<sub>½</sub> = tⁿ + Δt/2:
 *       Z₀ = Δt(L pⁿ + s), Z<sub>a</sub> = (I − ½ΔtL<sub>a</sub>)⁻¹Z<sub>a−1</sub>, pⁿ⁺¹ = pⁿ + Z<sub>d</sub>. Since
 *       Π<sub>a</sub>(I − ½ΔtL<sub>a</sub>) = I − ½ΔtL + O(Δt²), the step differs from the implicit mid-point rule
 *       pⁿ⁺¹ = pⁿ + (I − ½ΔtL)⁻¹Δt(Lpⁿ + s) (Crank–Nicolson with L at t<sub>½</sub>) by O(Δt³): second order in
 *       1-, 2- and 3-D (in 1-D it is that rule). Σ Z<sub>a</sub> = Σ Z₀, so mass is conserved like the split
 *       Euler's, and exp(−U) is a fixed point (L e<sup>−U</sup> = 0 makes Z₀ = 0). Stable for any Δt in 2-D when
 *       the axis parts commute with spectra in the left half-plane, in 3-D for spectra in the sector
 *       |arg(−z)| ≤ π/4 (Hundsdorfer &amp; Verwer §IV.3.2), which contains the real spectra of a potential drift's
 *       axis parts; like Crank–Nicolson it is not L-stable and does not guarantee p ≥ 0 for large Δt.</li>
 * </ul>
 *
 * <p>Coefficients are re-assembled (and the lines re-factored) only for a time-dependent drift; otherwise the
 * factors of each τ are computed once and a step costs, per axis, one forward and one back sweep. Not thread-safe.
 */
final class SplitStepper {

    private final FokkerPlanckOperator op;
    private final AxisLineSolver lines;
    private final int d;
    private final boolean timeDependent;

    /** @param op the operator (re-assembled in place for a time-dependent drift) */
    SplitStepper(FokkerPlanckOperator op) {
        this.op = op;
        this.lines = new AxisLineSolver(op);
        this.d = op.grid().spaceDimension();
        this.timeDependent = op.problem().driftDependsOnTime();
    }

    /**
     * One split implicit Euler step: next = Π<sub>a</sub>(I − ΔtL<sub>a</sub>(t₀ + Δt))⁻¹(p + Δt s).
     *
     * @param t0 the time of p
     * @param dt the step
     * @param p the density at t₀ (not modified)
     * @param next receives the density at t₀ + Δt
     */
    void implicitEuler(double t0, double dt, double[] p, double[] next) {
        prepare(t0 + dt, dt);
        double[] first = p;
        if (op.source() != null) {
            System.arraycopy(p, 0, next, 0, p.length);
            op.addSource(dt, next);
            first = next;
        }
        lines.solve(0, first, next);
        for (int a = 1; a < d; a++) {
            lines.solve(a, next, next);
        }
    }

    /**
     * One Douglas step (θ = ½): next = p + Π<sub>a</sub>(I − ½ΔtL<sub>a</sub>)⁻¹ Δt(L p + s), L at t₀ + Δt/2.
     *
     * @param t0 the time of p
     * @param dt the step
     * @param p the density at t₀ (not modified)
     * @param next receives the density at t₀ + Δt
     */
    void douglas(double t0, double dt, double[] p, double[] next) {
        prepare(t0 + 0.5 * dt, 0.5 * dt);
        op.apply(0, dt, p, next);
        op.addSource(dt, next);
        for (int a = 0; a < d; a++) {
            lines.solve(a, next, next, a == d - 1 ? p : null);
        }
    }

    /** Assembles the operator at {@code time} (time-dependent drift only) and factors the lines for τ. */
    private void prepare(double time, double tau) {
        boolean assembled = timeDependent && op.time() != time;
        if (assembled) {
            op.assemble(time);
        }
        if (assembled || tau != lines.factoredStep()) {
            lines.factor(tau);
        }
    }
}
