package org.fieldscore.pde.internal.stencil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.fieldscore.fields.Parallelism;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.bc.BoundaryValue;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.internal.EllipticOperator;
import org.junit.jupiter.api.Test;

/**
 * Temporally blocked explicit steps give bit for bit the arrays of the step-by-step sweep: FTCS and leapfrog, with
 * and without an additive term, on 1-D, 2-D and 3-D grids of odd sizes, for every boundary kind and centering on the
 * blocked (slowest) axis and mixed kinds on the others, with passes that do not divide the step count, on one and
 * two threads, with one tile and with several.
 */
class TemporalBlockingTest {

    private static final BoundaryCondition[] KINDS = {BoundaryCondition.dirichlet(0), BoundaryCondition.neumann(0),
        BoundaryCondition.robin(1, 2, BoundaryValue.ZERO), BoundaryCondition.periodic()};

    private record Case(String name, EllipticOperator op) {
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (BoundaryCondition outer : KINDS) {
            for (Centering centering : Centering.values()) {
                if (outer instanceof BoundaryCondition.Periodic && centering == Centering.VERTEX) {
                    continue; // a periodic axis is cell-centred
                }
                String kind = outer.describe() + " " + centering;
                BoundaryConditions bcs = BoundaryConditions.all(BoundaryCondition.dirichlet(0))
                        .withAxis(0, BoundaryCondition.periodic()).withAxis(1, BoundaryCondition.neumann(0));
                Grid g3 = Grid.of(new int[] {9, 19, 27}, new double[] {0, 0, 0}, new double[] {1, 1.3, 2},
                        new Centering[] {Centering.CELL, Centering.VERTEX, centering});
                cases.add(new Case("3-D, z " + kind, EllipticOperator.of(g3, bcs.withAxis(2, outer), 0)));
                Grid g2 = Grid.of(new int[] {21, 25}, new double[] {0, 0}, new double[] {1, 2},
                        new Centering[] {Centering.VERTEX, centering});
                BoundaryConditions bcs2 = BoundaryConditions.all(BoundaryCondition.robin(2, 1, BoundaryValue.ZERO));
                cases.add(new Case("2-D, y " + kind, EllipticOperator.of(g2, bcs2.withAxis(1, outer), 0)));
                Grid g1 = Grid.of(new int[] {31}, new double[] {0}, new double[] {1}, centering);
                cases.add(new Case("1-D, x " + kind, EllipticOperator.of(g1, BoundaryConditions.all(outer), 0)));
            }
        }
        return cases;
    }

    @Test
    void blockedStepsEqualTheSweepBitForBit() throws Exception {
        int compared = 0;
        for (Case c : cases()) {
            PaddedLayout layout = c.op().layout();
            Random random = new Random(7);
            double[] x0 = randomArray(layout, random);
            double[] x1 = randomArray(layout, random);
            double[] term = randomArray(layout, random);
            double h2 = 0.2 / (c.op().stencil().c0 + c.op().stencil().c1 + c.op().stencil().c2);
            for (boolean leapfrog : new boolean[] {false, true}) {
                for (double[] additive : new double[][] {null, term}) {
                    double s = leapfrog ? 2 / 1.01 : 1;
                    double b = leapfrog ? -0.99 / 1.01 : 0;
                    double[][] reference = run(c.op(), 11, 1, 0, s, h2, b, leapfrog, additive, x0, x1, 1);
                    for (int threads = 1; threads <= 2; threads++) {
                        for (int perPass : new int[] {2, 3, 4}) {
                            // one tile per plane, and tiles as narrow as allowed (2T lines)
                            int width = threads == 1 ? 0 : 2 * perPass;
                            String what = c.name() + (leapfrog ? ", leapfrog" : ", FTCS")
                                    + (additive == null ? "" : " with source") + ", " + perPass + " steps per pass, "
                                    + "tile width " + width + ", " + threads + " thread(s)";
                            double[][] blocked = run(c.op(), 11, perPass, width, s, h2, b, leapfrog, additive, x0,
                                    x1, threads);
                            assertArrayEquals(reference[0], blocked[0], 0.0, what + ": final level");
                            assertArrayEquals(reference[1], blocked[1], 0.0, what + ": level before");
                            compared++;
                        }
                    }
                }
            }
        }
        assertEquals((KINDS.length * Centering.values().length - 1) * 3 * 4 * 6, compared);
    }

    @Test
    void tilesAreAtLeastTwiceThePassLengthWide() {
        assertEquals(3, WavefrontTiles.tiles(27, 4, 8));
        assertEquals(1, WavefrontTiles.tiles(27, 4, 27));
        assertEquals(2, WavefrontTiles.tiles(27, 6, 8));
        assertEquals(1, WavefrontTiles.tiles(7, 4, 2));
        assertThrows(IllegalArgumentException.class, () -> WavefrontTiles.run(5, 12, 4, 2, (level, p, from, to) -> {
        }));
    }

    @Test
    void everyLevelOfEveryLineIsComputedOnceAfterItsInputs() {
        int planes = 13;
        int lines = 31;
        int levels = 5;
        for (int tiles = 1; tiles <= 3; tiles++) {
            int[][] done = new int[planes][lines];
            WavefrontTiles.run(planes, lines, levels, tiles, (level, plane, from, to) -> {
                synchronized (done) {
                    for (int r = from; r < to; r++) {
                        assertEquals(level, done[plane][r], "line " + r + " of plane " + plane + " out of order");
                        for (int p = Math.max(0, plane - 1); p <= Math.min(planes - 1, plane + 1); p++) {
                            for (int n = Math.max(0, r - 1); n <= Math.min(lines - 1, r + 1); n++) {
                                assertTrue(done[p][n] >= level, "level " + (level + 1) + " of (" + plane + ", " + r
                                        + ") before its neighbour (" + p + ", " + n + ") reached level " + level);
                                assertTrue(done[p][n] <= level + 1, "(" + p + ", " + n + ") overwrote level "
                                        + (level - 1) + " still needed by (" + plane + ", " + r + ")");
                            }
                        }
                        done[plane][r]++;
                    }
                }
            });
            for (int p = 0; p < planes; p++) {
                for (int r = 0; r < lines; r++) {
                    assertEquals(levels, done[p][r], "(" + p + ", " + r + ") with " + tiles + " tiles");
                }
            }
        }
    }

    @Test
    void blockingPaysOnlyOnLargeNonPeriodicGrids() {
        EllipticOperator large = EllipticOperator.of(Grid.cube(3, 256, 0, 1),
                BoundaryConditions.all(BoundaryCondition.dirichlet(0)), 0);
        assertEquals(TimeStepKernels.STEPS_PER_PASS, large.steps().profitablePass(2), "256^3");
        EllipticOperator small = EllipticOperator.of(Grid.cube(3, 64, 0, 1),
                BoundaryConditions.all(BoundaryCondition.dirichlet(0)), 0);
        assertEquals(1, small.steps().profitablePass(2), "64^3 fits the cache");
        EllipticOperator periodic = EllipticOperator.of(Grid.cube(3, 256, 0, 1, Centering.CELL),
                BoundaryConditions.all(BoundaryCondition.periodic()), 0);
        assertEquals(1, periodic.steps().profitablePass(2), "periodic slowest axis");
    }

    private static double[][] run(EllipticOperator op, int steps, int perPass, int width, double s, double a,
                                  double b, boolean leapfrog, double[] c, double[] x0, double[] x1, int threads)
            throws Exception {
        double[] u = x0.clone();
        double[] v = x1.clone();
        double[] last = Parallelism.of(threads).call(() -> op.steps().explicitSteps(steps, perPass, width, s, a,
                b, leapfrog, c, u, v));
        double[] before = last == u ? v : u;
        PaddedLayout layout = op.layout();
        double[] packedLast = new double[layout.unknownCount()];
        double[] packedBefore = new double[layout.unknownCount()];
        layout.pack(last, packedLast);
        layout.pack(before, packedBefore);
        return new double[][] {packedLast, packedBefore};
    }

    private static double[] randomArray(PaddedLayout layout, Random random) {
        double[] x = layout.newArray();
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }
}
