package org.fieldscore.pde.poisson;

import org.fieldscore.pde.internal.EllipticOperator;
import org.fieldscore.pde.internal.solve.PreparedSolve;
import org.fieldscore.pde.internal.solve.SolverPreparation;

/**
 * The common base of the solvers: the set-up for one operator, which works on padded arrays and is reached from the
 * other packages of this module through {@link SolverPreparation}.
 */
abstract class PreparableSolver {

    static {
        SolverPreparation.register((solver, operator) -> ((PreparableSolver) solver).prepare(operator));
    }

    /**
     * @param operator the operator to invert
     * @return a prepared solve for that operator
     * @throws IllegalArgumentException when this solver cannot handle the operator (for example a spectral solver
     *     with Robin faces, or a direct solver on a grid too large to factorise)
     */
    abstract PreparedSolve prepare(EllipticOperator operator);
}
