package org.fieldscore.fields.ops;

import static org.fieldscore.fields.testing.Convergence.assertOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.VectorField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.bc.Face;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Observed orders of every operator on manufactured fields, measured in the max norm over all points (boundary
 * rows included) at h, h/2, h/4: order 2 and 4 stencils must show 2 and 4 within ±0.15, for every operator and every
 * boundary kind.
 */
class OperatorConvergenceTest {

    enum Kind { NONE, DIRICHLET, NEUMANN, ROBIN, PERIODIC }

    /** Coarsest cell counts, chosen so that h, h/2, h/4 are in the asymptotic range. */
    private static int coarsestCells(int dimension, int order) {
        return switch (dimension) {
            case 1 -> order == 2 ? 32 : 32;
            case 2 -> order == 2 ? 16 : 24;
            default -> order == 2 ? 12 : 16;
        };
    }

    static Stream<Arguments> scalarCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            for (int order : new int[] {2, 4}) {
                for (Kind kind : Kind.values()) {
                    for (Centering c : Centering.values()) {
                        if (kind == Kind.PERIODIC && c == Centering.VERTEX) {
                            continue;
                        }
                        cases.add(Arguments.of(d, order, kind, c));
                    }
                }
            }
        }
        return cases.stream();
    }

    private static Grid grid(int d, int cells, Centering c) {
        return Grid.cube(d, c == Centering.VERTEX ? cells + 1 : cells, 0, 1, c);
    }

    private static Manufactured field(int d, Kind kind, int variant) {
        return kind == Kind.PERIODIC ? Manufactured.periodic(d, variant) : Manufactured.smooth(d, variant);
    }

    private static BoundaryConditions conditions(int d, Kind kind, Manufactured u) {
        BoundaryConditions bcs = BoundaryConditions.none();
        for (int a = 0; a < d; a++) {
            for (int side : new int[] {-1, 1}) {
                int axis = a;
                BoundaryCondition bc = switch (kind) {
                    case NONE -> null;
                    case PERIODIC -> BoundaryCondition.periodic();
                    case DIRICHLET -> BoundaryCondition.dirichlet((t, x) -> u.value(x));
                    case NEUMANN -> BoundaryCondition.neumann((t, x) -> side * u.derivative(axis, x));
                    case ROBIN -> BoundaryCondition.robin(0.5, 1.0,
                            (t, x) -> 0.5 * u.value(x) + side * u.derivative(axis, x));
                };
                if (bc != null) {
                    bcs = bcs.with(Face.of(a, side), bc);
                }
            }
        }
        return bcs;
    }

    @ParameterizedTest(name = "gradient {0}-D order {1} {2} {3}")
    @MethodSource("scalarCases")
    void gradient(int d, int order, Kind kind, Centering centering) {
        Manufactured u = field(d, kind, 0);
        FiniteDifferences fd = FiniteDifferences.order(order).withBoundaries(conditions(d, kind, u));
        assertOrder("gradient", order, cells -> {
            SampledScalarField f = u.field().sample(grid(d, cells, centering));
            SampledVectorField g = fd.gradient(f);
            double e = 0;
            for (int a = 0; a < d; a++) {
                e = Math.max(e, g.component(a).maxDistance(u.derivativeField(a)));
            }
            return e;
        }, coarsestCells(d, order));
    }

    @ParameterizedTest(name = "Laplacian {0}-D order {1} {2} {3}")
    @MethodSource("scalarCases")
    void laplacian(int d, int order, Kind kind, Centering centering) {
        Manufactured u = field(d, kind, 0);
        FiniteDifferences fd = FiniteDifferences.order(order).withBoundaries(conditions(d, kind, u));
        assertOrder("Laplacian", order, cells -> {
            SampledScalarField f = u.field().sample(grid(d, cells, centering));
            return fd.laplacian(f).maxDistance(u.laplacianField());
        }, coarsestCells(d, order));
    }

    static Stream<Arguments> vectorCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int d = 2; d <= 3; d++) {
            for (int order : new int[] {2, 4}) {
                for (Kind kind : Kind.values()) {
                    for (Centering c : Centering.values()) {
                        if (kind != Kind.PERIODIC || c == Centering.CELL) {
                            cases.add(Arguments.of(d, order, kind, c));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    /**
     * The components of the manufactured vector field: different fields without walls or with periodic axes; with
     * Dirichlet, Neumann or Robin walls one field in every component, because a condition applies its data to every
     * component alike (the vector then still has non-zero divergence and curl).
     */
    private static Manufactured[] components(int d, Kind kind) {
        Manufactured[] v = new Manufactured[d];
        boolean shared = kind == Kind.DIRICHLET || kind == Kind.NEUMANN || kind == Kind.ROBIN;
        for (int c = 0; c < d; c++) {
            v[c] = field(d, kind, shared ? 0 : c);
        }
        return v;
    }

    private static SampledVectorField sampleVector(Manufactured[] v, Grid grid) {
        ScalarField[] parts = new ScalarField[v.length];
        for (int c = 0; c < v.length; c++) {
            parts[c] = v[c].field().sample(grid);
        }
        return (SampledVectorField) VectorField.of(parts);
    }

    @ParameterizedTest(name = "divergence {0}-D order {1} {2} {3}")
    @MethodSource("vectorCases")
    void divergence(int d, int order, Kind kind, Centering centering) {
        Manufactured[] v = components(d, kind);
        FiniteDifferences fd = FiniteDifferences.order(order).withBoundaries(conditions(d, kind, v[0]));
        ScalarField exact = ScalarField.of(d, (t, x) -> {
            double s = 0;
            for (int a = 0; a < d; a++) {
                s += v[a].derivative(a, x);
            }
            return s;
        });
        assertOrder("divergence", order,
                cells -> fd.divergence(sampleVector(v, grid(d, cells, centering))).maxDistance(exact),
                coarsestCells(d, order));
    }

    @ParameterizedTest(name = "curl {0}-D order {1} {2} {3}")
    @MethodSource("vectorCases")
    void curl(int d, int order, Kind kind, Centering centering) {
        Manufactured[] v = components(d, kind);
        FiniteDifferences fd = FiniteDifferences.order(order).withBoundaries(conditions(d, kind, v[0]));
        if (d == 2) {
            ScalarField exact = ScalarField.of(2, (t, x) -> v[1].derivative(0, x) - v[0].derivative(1, x));
            assertOrder("scalar curl", order,
                    cells -> fd.curl2D(sampleVector(v, grid(2, cells, centering))).maxDistance(exact),
                    coarsestCells(2, order));
        } else {
            assertOrder("curl", order, cells -> {
                SampledVectorField curl = fd.curl(sampleVector(v, grid(3, cells, centering)));
                double e = 0;
                for (int c = 0; c < 3; c++) {
                    int a = (c + 1) % 3;
                    int b = (c + 2) % 3;
                    ScalarField exact = ScalarField.of(3, (t, x) -> v[b].derivative(a, x) - v[a].derivative(b, x));
                    e = Math.max(e, curl.component(c).maxDistance(exact));
                }
                return e;
            }, coarsestCells(3, order));
        }
    }
}
