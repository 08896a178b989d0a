package org.fieldscore.pde;

/**
 * When an iterative solver stops: as soon as ‖r‖₂ ≤ max(relative·‖b‖₂, absolute), or after maxIterations
 * iterations (cycles for multigrid) without reaching that, which is reported as non-convergence. Immutable.
 *
 * @param relative relative tolerance on ‖b − A u‖₂/‖b‖₂, ≥ 0
 * @param absolute absolute tolerance on ‖b − A u‖₂, ≥ 0
 * @param maxIterations the iteration cap, ≥ 1
 */
public record Stopping(double relative, double absolute, int maxIterations) {

    /** Relative residual 10⁻¹⁰, no absolute tolerance, at most 500 iterations. */
    public static final Stopping DEFAULT = new Stopping(1e-10, 0, 500);

    /** The largest iteration cap a caller may ask for: beyond it a solve that has not converged will not. */
    public static final int MAX_ITERATION_CAP = 1_000_000;

    /** @throws IllegalArgumentException when a tolerance is negative or not finite, both are 0, or the cap is &lt; 1 */
    public Stopping {
        if (!(relative >= 0) || !(absolute >= 0) || Double.isInfinite(relative) || Double.isInfinite(absolute)) {
            throw new IllegalArgumentException("tolerances must be finite and >= 0, got relative " + relative
                    + ", absolute " + absolute);
        }
        if (relative == 0 && absolute == 0) {
            throw new IllegalArgumentException("at least one of the relative and absolute tolerances must be > 0");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
    }

    /**
     * @param tolerance relative tolerance
     * @return stop at ‖r‖ ≤ tolerance·‖b‖, at most 500 iterations
     */
    public static Stopping relative(double tolerance) {
        return new Stopping(tolerance, 0, DEFAULT.maxIterations);
    }

    /**
     * @param tolerance absolute tolerance
     * @return stop at ‖r‖ ≤ tolerance, at most 500 iterations
     */
    public static Stopping absolute(double tolerance) {
        return new Stopping(0, tolerance, DEFAULT.maxIterations);
    }

    /**
     * @param cap the iteration cap
     * @return a copy with that cap
     */
    public Stopping withMaxIterations(int cap) {
        return new Stopping(relative, absolute, cap);
    }

    /**
     * @param rhsNorm ‖b‖₂
     * @return the residual norm at which to stop
     */
    public double threshold(double rhsNorm) {
        return Math.max(relative * rhsNorm, absolute);
    }
}
