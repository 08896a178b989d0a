package org.fieldscore.pde.internal.stencil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.internal.EllipticOperator;
import org.junit.jupiter.api.Test;

/**
 * The plane-fused red–black sweep gives bit for bit the result of two plain half-sweeps, whatever the number of
 * plane blocks (that is, whatever the thread count), for every boundary kind along z; the residual norm it takes
 * during the sweep equals, bit for bit, the one computed afterwards.
 */
class RedBlackSmootherTest {

    /** An over-relaxed sweep, so that ω enters every code path. */
    private static final double OMEGA = 1.25;

    @Test
    void fusedSweepEqualsTwoHalfSweepsForAnyBlockCount() {
        BoundaryCondition[] zKinds = {BoundaryCondition.dirichlet(0), BoundaryCondition.neumann(0),
            BoundaryCondition.robin(1, 2, org.fieldscore.fields.bc.BoundaryValue.ZERO), BoundaryCondition.periodic()};
        for (BoundaryCondition z : zKinds) {
            Centering[] centering = {Centering.VERTEX, Centering.CELL,
                z instanceof BoundaryCondition.Periodic ? Centering.CELL : Centering.VERTEX};
            Grid g = Grid.of(new int[] {19, 18, 24}, new double[] {0, 0, 0}, new double[] {1, 1, 1}, centering);
            BoundaryConditions bcs = BoundaryConditions.all(BoundaryCondition.dirichlet(0))
                    .withAxis(1, BoundaryCondition.neumann(0)).withAxis(2, z);
            ShiftedLaplacian op = EllipticOperator.of(g, bcs, 0.5).stencil();
            PaddedLayout layout = op.layout();
            Smoothers smoothers = new Smoothers(op);
            Random rnd = new Random(42);
            double[] u0 = layout.newArray();
            double[] b = layout.newArray();
            for (int i = 0; i < u0.length; i++) {
                u0[i] = rnd.nextGaussian();
                b[i] = rnd.nextGaussian();
            }
            double[] reference = u0.clone();
            smoothers.redBlack(reference, b, OMEGA, 0);
            smoothers.redBlack(reference, b, OMEGA, 0);
            for (int blocks = 1; blocks <= 3; blocks++) {
                double[] fused = u0.clone();
                smoothers.redBlack(fused, b, OMEGA, blocks);
                smoothers.redBlack(fused, b, OMEGA, blocks);
                double[] a = new double[layout.unknownCount()];
                double[] c = new double[layout.unknownCount()];
                layout.pack(reference, a);
                layout.pack(fused, c);
                assertArrayEquals(a, c, 0.0, z.describe() + " with " + blocks + " blocks");
                double[] withResidual = u0.clone();
                smoothers.redBlack(withResidual, b, OMEGA, blocks);
                double inSweep = smoothers.redBlackWithResidual(withResidual, b, OMEGA, blocks);
                layout.pack(withResidual, c);
                assertArrayEquals(a, c, 0.0, z.describe() + ", sweep with residual, " + blocks + " blocks");
                assertEquals(op.residual(withResidual, b, null), inSweep, 0.0,
                        z.describe() + ": residual taken in the sweep, " + blocks + " blocks");
            }
        }
    }
}
