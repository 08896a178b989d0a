package org.fieldscore.pde.internal;

import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.bc.BoundaryValue;
import org.fieldscore.pde.internal.stencil.AxisSpec;
import org.fieldscore.pde.internal.stencil.PaddedLayout;
import org.fieldscore.pde.internal.stencil.ShiftedLaplacian;

/**
 * Lifting of the boundary data into the right-hand side: with the ghost values u<sub>ghost</sub> =
 * s·u<sub>adjacent</sub> + t·u<sub>next</sub> + γ(g) of {@link AxisSpec}, ∇²<sub>h</sub>u = A u + q where q holds
 * c<sub>a</sub>·γ(g) at the unknowns next to each face, so Poisson's equation becomes A u = f − q and the operator A
 * stays linear and homogeneous. Immutable.
 */
public final class BoundaryLifting {

    private final ShiftedLaplacian op;
    private final BoundaryConditions conditions;

    /**
     * @param op the operator on the grid's unknowns
     * @param conditions the conditions it was built from
     */
    public BoundaryLifting(ShiftedLaplacian op, BoundaryConditions conditions) {
        this.op = op;
        this.conditions = conditions;
    }

    /**
     * @param bc a boundary condition
     * @return its datum g: the value (Dirichlet), the outward flux (Neumann), the right-hand side (Robin), or zero
     */
    public static BoundaryValue boundaryValue(BoundaryCondition bc) {
        if (bc instanceof BoundaryCondition.Dirichlet d) {
            return d.value();
        }
        if (bc instanceof BoundaryCondition.Neumann n) {
            return n.flux();
        }
        if (bc instanceof BoundaryCondition.Robin r) {
            return r.value();
        }
        return BoundaryValue.ZERO;
    }

    /**
     * Adds the boundary-data part q of the discrete Laplacian at time t.
     *
     * @param t time at which g(t, x) is evaluated
     * @param q padded array, the terms are added to its unknowns
     */
    public void addBoundaryTerms(double t, double[] q) {
        PaddedLayout layout = op.layout();
        int dimension = op.dimension();
        double[] x = new double[dimension];
        int[] m = layout.unknownShape();
        int[] stride = layout.strides();
        for (int a = 0; a < dimension; a++) {
            AxisSpec spec = op.axis(a);
            if (spec.periodic()) {
                continue;
            }
            int o1 = (a + 1) % 3;
            int o2 = (a + 2) % 3;
            for (int side = 0; side < 2; side++) {
                BoundaryValue g = boundaryValue(conditions.get(a, side == 0 ? -1 : +1));
                if (g.isZero()) {
                    continue;
                }
                int adj = side == 0 ? 0 : m[a] - 1;
                x[a] = spec.facePosition(side);
                for (int i2 = 0; i2 < m[o2]; i2++) {
                    if (o2 < dimension) {
                        x[o2] = op.axis(o2).position(i2);
                    }
                    for (int i1 = 0; i1 < m[o1]; i1++) {
                        if (o1 < dimension) {
                            x[o1] = op.axis(o1).position(i1);
                        }
                        double gamma = spec.ghostConstant(side, g.value(t, x));
                        int q0 = layout.index(0, 0, 0) + adj * stride[a] + i1 * stride[o1] + i2 * stride[o2];
                        q[q0] += spec.coefficient * gamma;
                    }
                }
            }
        }
    }

    /** @return whether some face's boundary value is not constant (so {@link #addBoundaryTerms} depends on t) */
    public boolean dependsOnTime() {
        for (BoundaryCondition bc : conditions.asMap().values()) {
            if (!boundaryValue(bc).isConstant()) {
                return true;
            }
        }
        return false;
    }
}
