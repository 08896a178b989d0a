package org.fieldscore.pde;

import org.fieldscore.fields.ScalarFunction;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.bc.Face;

/** Boundary conditions of one kind on every face of a 2-D box, with the data of a manufactured solution. */
public final class ManufacturedBoundaries {

    /** ∂u/∂x<sub>axis</sub> of the manufactured solution. */
    @FunctionalInterface
    public interface Derivative {
        /**
         * @param t time
         * @param x position
         * @param axis the axis
         * @return the partial derivative
         */
        double value(double t, double[] x, int axis);
    }

    private ManufacturedBoundaries() {
    }

    /**
     * @param kind dirichlet (u), neumann (∂u/∂n), robin (u + ½ ∂u/∂n) or periodic
     * @param u the solution
     * @param du its partial derivatives
     * @return the conditions on x-, x+, y-, y+
     */
    public static BoundaryConditions of(String kind, ScalarFunction u, Derivative du) {
        BoundaryConditions bcs = BoundaryConditions.none();
        for (int a = 0; a < 2; a++) {
            for (int side : new int[] {-1, 1}) {
                int axis = a;
                BoundaryCondition bc = switch (kind) {
                    case "dirichlet" -> BoundaryCondition.dirichlet(u::value);
                    case "neumann" -> BoundaryCondition.neumann((t, x) -> side * du.value(t, x, axis));
                    case "robin" -> BoundaryCondition.robin(1.0, 0.5,
                            (t, x) -> u.value(t, x) + 0.5 * side * du.value(t, x, axis));
                    case "periodic" -> BoundaryCondition.periodic();
                    default -> throw new IllegalArgumentException("unknown boundary kind " + kind);
                };
                bcs = bcs.with(Face.of(a, side), bc);
            }
        }
        return bcs;
    }
}
