package org.fieldscore.pde;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.grid.Grid;

/**
 * The stability limits of FieldScore's explicit time steppers, as pure functions of the declared inputs (the grid
 * and the coefficients), so that a caller can check a time step before building or running a problem. The solvers
 * check the same limits with the same functions.
 *
 * <ul>
 *   <li>explicit diffusion (FTCS) on the (2d + 1)-point Laplacian: k·Δt·Σ<sub>a</sub> 1/h<sub>a</sub>² ≤ ½, since
 *       the Laplacian's eigenvalues lie in [−4Σ1/h², 0] and forward Euler needs |1 + Δt·kλ| ≤ 1 (von Neumann
 *       analysis; R. J. LeVeque, <i>Finite Difference Methods for ODEs and PDEs</i>, SIAM 2007, §9.2);</li>
 *   <li>leapfrog for the wave equation: c·Δt·√(Σ<sub>a</sub> 1/h<sub>a</sub>²) ≤ 1, the
 *       Courant–Friedrichs–Lewy condition (LeVeque §10.7);</li>
 *   <li>explicit Euler for the finite-volume Fokker–Planck operator L (fitted fluxes, off-diagonal entries ≥ 0,
 *       columns summing to zero): Δt·max<sub>i</sub>|L<sub>ii</sub>| ≤ 1, which makes I + ΔtL a non-negative
 *       matrix with column sums one, so the step keeps p ≥ 0 and does not grow Σ|p| (without drift |L<sub>ii</sub>| =
 *       2DΣ1/h² in the interior and the rule is the diffusion one). max|L<sub>ii</sub>| is the largest rate at which a cell
 *       empties, ≤ Σ<sub>a</sub>(2D/h<sub>a</sub>² + |b<sub>a</sub>|/h<sub>a</sub>).</li>
 * </ul>
 * A step counts as stable up to a relative slack of 10⁻¹² above the limit, so that a step computed as the limit
 * itself passes despite rounding.
 */
public final class StabilityLimits {

    /** The relative slack above a limit that still counts as stable. */
    public static final double SLACK = 1e-12;

    /** The most time steps (or sub-steps per step) a solver takes: the largest {@code int}. */
    public static final int MAX_STEPS = Integer.MAX_VALUE;

    private StabilityLimits() {
    }

    /**
     * @param grid a space grid
     * @param diffusivity k &gt; 0
     * @return 1/(2k Σ1/h²), the largest stable explicit diffusion step
     */
    public static double explicitDiffusionStep(Grid grid, double diffusivity) {
        requirePositive(diffusivity, "diffusivity");
        return 1 / (2 * diffusivity * inverseSquareSpacingSum(grid));
    }

    /**
     * @param grid a space grid
     * @param speed c &gt; 0
     * @return 1/(c √(Σ1/h²)), the largest stable leapfrog step
     */
    public static double leapfrogStep(Grid grid, double speed) {
        requirePositive(speed, "speed");
        return 1 / (speed * Math.sqrt(inverseSquareSpacingSum(grid)));
    }

    /**
     * @param largestOutflowRate max<sub>i</sub>|L<sub>ii</sub>| of the assembled Fokker–Planck operator, ≥ 0
     * @return 1/max|L<sub>ii</sub>|, the largest stable and positive explicit Fokker–Planck step (∞ for rate 0)
     */
    public static double explicitFokkerPlanckStep(double largestOutflowRate) {
        if (!(largestOutflowRate >= 0) || Double.isInfinite(largestOutflowRate)) {
            throw InvalidArgumentException.of("largestOutflowRate", largestOutflowRate, "finite and >= 0");
        }
        return 1 / largestOutflowRate;
    }

    /**
     * @param dt a time step
     * @param limit the largest stable step
     * @return whether dt ≤ limit·(1 + {@value #SLACK})
     */
    public static boolean isStable(double dt, double limit) {
        return dt <= limit * (1 + SLACK);
    }

    /**
     * @param dt a time step
     * @param limit the largest stable step
     * @return the number of equal stable sub-steps dt is split into: 1 when dt is stable, else ⌈dt/limit⌉
     */
    public static int subSteps(double dt, double limit) {
        if (isStable(dt, limit)) {
            return 1;
        }
        double count = Math.ceil(dt / limit);
        if (!(count <= MAX_STEPS)) {
            throw new InvalidArgumentException("time step", dt, "at most " + MAX_STEPS + " stable sub-steps of "
                    + limit, "the time step " + dt + " would need " + count + " stable sub-steps of " + limit
                    + ", more than the " + MAX_STEPS + " a solver counts; valid: a time step <= "
                    + limit * MAX_STEPS + " or an implicit method");
        }
        return (int) count;
    }

    /**
     * The number of equal steps n = ⌈T/Δt⌉ (within 10⁻⁹ of a whole number) the solvers take to reach T, each of
     * T/n ≤ Δt. The step is never lengthened, and a count that a solver cannot take is refused rather than capped.
     *
     * @param endTime T &gt; 0
     * @param timeStep Δt &gt; 0
     * @return n ≥ 1
     * @throws InvalidArgumentException when T/Δt exceeds {@link #MAX_STEPS}
     */
    public static int stepCount(double endTime, double timeStep) {
        requirePositive(endTime, "end time");
        requirePositive(timeStep, "time step");
        double count = Math.max(1, Math.ceil(endTime / timeStep - 1e-9));
        if (!(count <= MAX_STEPS)) {
            throw new InvalidArgumentException("time step", timeStep, "at least end-time / " + MAX_STEPS + " = "
                    + endTime / MAX_STEPS, "the time step " + timeStep + " needs " + count + " steps to reach "
                    + endTime + ", more than the " + MAX_STEPS + " a solver takes; valid: a time step >= "
                    + endTime / MAX_STEPS);
        }
        return (int) count;
    }

    /**
     * @param scheme the scheme and its condition, for the message
     * @param dt the time step
     * @param limit the largest stable step
     * @throws UnstableTimeStepException when dt is above the limit
     */
    public static void requireStable(String scheme, double dt, double limit) {
        if (!isStable(dt, limit)) {
            throw new UnstableTimeStepException(scheme, dt, limit);
        }
    }

    private static double inverseSquareSpacingSum(Grid grid) {
        double sum = 0;
        for (int a = 0; a < grid.spaceDimension(); a++) {
            sum += 1 / (grid.spacing(a) * grid.spacing(a));
        }
        return sum;
    }

    private static void requirePositive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw InvalidArgumentException.of(name, v, "finite and > 0");
        }
    }
}
