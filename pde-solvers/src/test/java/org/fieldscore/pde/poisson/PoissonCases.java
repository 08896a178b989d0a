package org.fieldscore.pde.poisson;

import java.util.List;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.bc.Face;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.internal.EllipticOperator;

/**
 * Manufactured Poisson problems u = Π cos(k_a x_a + p_a) on [0, 1]^d, f = −|k|² u, with the boundary data of u for
 * every boundary kind (test helper).
 */
final class PoissonCases {

    /** One boundary set-up. */
    record Case(String name, Centering centering, BoundaryKind x, BoundaryKind y, BoundaryKind z) {
        /** @return whether at most one of the first d axes has Robin or mixed conditions */
        boolean spectralSupported(int d) {
            return List.of(x, y, z).subList(0, d).stream()
                    .filter(k -> k == BoundaryKind.ROBIN || k == BoundaryKind.MIXED).count() <= 1;
        }

        boolean pureNeumannOrPeriodic() {
            return List.of(x, y, z).stream().allMatch(k -> k == BoundaryKind.NEUMANN || k == BoundaryKind.PERIODIC);
        }
    }

    /** Kinds per axis; MIXED is Dirichlet on the low face and Robin on the high face. */
    enum BoundaryKind { DIRICHLET, NEUMANN, ROBIN, PERIODIC, MIXED }

    static final double ROBIN_ALPHA = 2.0;
    static final double ROBIN_BETA = 0.5;

    static final List<Case> ALL = List.of(
            new Case("vertex Dirichlet", Centering.VERTEX, BoundaryKind.DIRICHLET, BoundaryKind.DIRICHLET,
                    BoundaryKind.DIRICHLET),
            new Case("vertex Neumann", Centering.VERTEX, BoundaryKind.NEUMANN, BoundaryKind.NEUMANN,
                    BoundaryKind.NEUMANN),
            new Case("vertex Robin", Centering.VERTEX, BoundaryKind.ROBIN, BoundaryKind.ROBIN, BoundaryKind.ROBIN),
            new Case("vertex mixed", Centering.VERTEX, BoundaryKind.MIXED, BoundaryKind.NEUMANN,
                    BoundaryKind.DIRICHLET),
            new Case("cell Dirichlet", Centering.CELL, BoundaryKind.DIRICHLET, BoundaryKind.DIRICHLET,
                    BoundaryKind.DIRICHLET),
            new Case("cell Neumann", Centering.CELL, BoundaryKind.NEUMANN, BoundaryKind.NEUMANN, BoundaryKind.NEUMANN),
            new Case("cell Robin", Centering.CELL, BoundaryKind.ROBIN, BoundaryKind.ROBIN, BoundaryKind.ROBIN),
            new Case("periodic", Centering.CELL, BoundaryKind.PERIODIC, BoundaryKind.PERIODIC, BoundaryKind.PERIODIC),
            new Case("periodic-Dirichlet", Centering.CELL, BoundaryKind.PERIODIC, BoundaryKind.DIRICHLET,
                    BoundaryKind.NEUMANN));

    private static final double[] K = {1.3, 2.1, 0.9};
    private static final double[] P = {0.4, -0.3, 0.7};

    private PoissonCases() {
    }

    static double[] wave(BoundaryKind kind, int axis) {
        return kind == BoundaryKind.PERIODIC ? new double[] {2 * Math.PI, P[axis]} : new double[] {K[axis], P[axis]};
    }

    static ScalarField exact(Case c, int d) {
        double[][] w = waves(c);
        return ScalarField.of(d, (t, x) -> {
            double v = 1;
            for (int a = 0; a < d; a++) {
                v *= Math.cos(w[a][0] * x[a] + w[a][1]);
            }
            return v;
        });
    }

    private static double[][] waves(Case c) {
        BoundaryKind[] kinds = {c.x(), c.y(), c.z()};
        double[][] w = new double[3][];
        for (int a = 0; a < 3; a++) {
            w[a] = wave(kinds[a], a);
        }
        return w;
    }

    static ScalarField rhs(Case c, int d) {
        double[][] w = waves(c);
        double k2 = 0;
        for (int a = 0; a < d; a++) {
            k2 += w[a][0] * w[a][0];
        }
        double kk = k2;
        ScalarField u = exact(c, d);
        return ScalarField.of(d, (t, x) -> -kk * u.value(t, x));
    }

    /** ∂u/∂n on a face at x. */
    static double normalDerivative(Case c, int d, Face face, double[] x) {
        double[][] w = waves(c);
        double v = 1;
        for (int a = 0; a < d; a++) {
            double arg = w[a][0] * x[a] + w[a][1];
            v *= a == face.axis() ? -w[a][0] * Math.sin(arg) : Math.cos(arg);
        }
        return face.side() * v;
    }

    static BoundaryConditions conditions(Case c, int d) {
        BoundaryKind[] kinds = {c.x(), c.y(), c.z()};
        ScalarField u = exact(c, d);
        BoundaryConditions bcs = BoundaryConditions.all(BoundaryCondition.periodic());
        for (int a = 0; a < d; a++) {
            for (int side = -1; side <= 1; side += 2) {
                Face f = Face.of(a, side);
                BoundaryKind k = kinds[a] == BoundaryKind.MIXED
                        ? (side < 0 ? BoundaryKind.DIRICHLET : BoundaryKind.ROBIN) : kinds[a];
                BoundaryCondition bc = switch (k) {
                    case DIRICHLET -> BoundaryCondition.dirichlet((t, x) -> u.value(t, x));
                    case NEUMANN -> BoundaryCondition.neumann((t, x) -> normalDerivative(c, d, f, x));
                    case ROBIN -> BoundaryCondition.robin(ROBIN_ALPHA, ROBIN_BETA,
                            (t, x) -> ROBIN_ALPHA * u.value(t, x) + ROBIN_BETA * normalDerivative(c, d, f, x));
                    default -> BoundaryCondition.periodic();
                };
                bcs = bcs.with(f, bc);
            }
        }
        return bcs;
    }

    static Grid grid(Case c, int d, int cells) {
        int[] shape = new int[d];
        double[] lo = new double[d];
        double[] hi = new double[d];
        Centering[] cen = new Centering[d];
        BoundaryKind[] kinds = {c.x(), c.y(), c.z()};
        for (int a = 0; a < d; a++) {
            cen[a] = kinds[a] == BoundaryKind.PERIODIC ? Centering.CELL : c.centering();
            shape[a] = cen[a] == Centering.VERTEX ? cells + 1 : cells;
            hi[a] = 1;
        }
        return Grid.of(shape, lo, hi, cen);
    }

    static PoissonProblem problem(Case c, int d, int cells) {
        Grid g = grid(c, d, cells);
        return PoissonProblem.on(g).boundaries(conditions(c, d)).rightHandSide(rhs(c, d)).build();
    }

    /** Max-norm error against u, after removing the weighted mean difference for problems without a fixed level. */
    static double error(Case c, int d, PoissonProblem problem, SampledScalarField phi) {
        SampledScalarField exact = exact(c, d).sample(problem.grid());
        double[] e = phi.minus(exact).copyValues();
        if (c.pureNeumannOrPeriodic()) {
            EllipticOperator op = problem.operator();
            double[] padded = op.newArray();
            op.mapping().scatter(e, padded);
            double mean = op.vectors().weightedMean(padded);
            for (int i = 0; i < e.length; i++) {
                e[i] -= mean;
            }
        }
        double max = 0;
        for (double v : e) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
