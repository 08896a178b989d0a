package org.fieldscore.pde.internal.solve;

import java.util.Objects;

import org.fieldscore.pde.internal.EllipticOperator;

/**
 * Access to the preparation of a Poisson solver ({@code org.fieldscore.pde.poisson.PoissonSolver}) for an operator
 * from the other packages of this module (the time steppers, the benchmarks): preparation works on padded arrays and
 * is not part of the public API, so the solvers' package registers its implementation here when it is initialised.
 * The solver is typed {@code Object} here so that this internal package does not depend on the API package that
 * implements it (no package cycle).
 */
public final class SolverPreparation {

    /** Prepares a solver of {@code org.fieldscore.pde.poisson}. */
    @FunctionalInterface
    public interface Preparer {
        /**
         * @param solver a {@code PoissonSolver}
         * @param operator the operator to invert
         * @return the prepared solve
         */
        PreparedSolve prepare(Object solver, EllipticOperator operator);
    }

    private static volatile Preparer preparer;

    private SolverPreparation() {
    }

    /**
     * Called once by the solvers' package.
     *
     * @param p the implementation
     */
    public static void register(Preparer p) {
        preparer = Objects.requireNonNull(p, "preparer");
    }

    /**
     * @param solver a {@code PoissonSolver}
     * @param operator the operator to invert
     * @return a prepared solve of that operator
     * @throws IllegalArgumentException when the solver cannot handle the operator (for example a spectral solver
     *     with Robin faces, or a direct solver on a grid too large to factorise)
     */
    public static PreparedSolve prepare(Object solver, EllipticOperator operator) {
        Objects.requireNonNull(solver, "solver");
        Preparer p = preparer;
        if (p == null) {
            throw new IllegalStateException("the Poisson solvers have not registered their preparation");
        }
        return p.prepare(solver, operator);
    }
}
