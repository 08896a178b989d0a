package org.fieldscore.fields.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.VectorField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.testing.Convergence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Vector-calculus identities. On periodic grids the centred difference operators along different axes commute
 * exactly, so div(curl F) and curl(grad φ) vanish up to rounding (tolerance: 1e-12 relative to the size of the
 * terms being cancelled). The Laplacian and div(grad) are different stencils of the same operator; their
 * difference must shrink at the discretisation order.
 */
class IdentityTest {

    private static final BoundaryConditions PERIODIC = BoundaryConditions.all(BoundaryCondition.periodic());

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {2, 4})
    void divergenceOfCurlVanishes(int order) {
        Grid grid = Grid.cube(3, 24, 0, 1, Centering.CELL);
        FiniteDifferences fd = FiniteDifferences.order(order).withBoundaries(PERIODIC);
        SampledVectorField f = (SampledVectorField) VectorField.of(
                Manufactured.periodic(3, 0).field().sample(grid),
                Manufactured.periodic(3, 1).field().sample(grid),
                Manufactured.periodic(3, 2).field().sample(grid));
        SampledVectorField curl = fd.curl(f);
        double scale = fd.divergence(curl).maxNorm() + fd.derivative(curl.component(0), 0).maxNorm();
        assertTrue(fd.divergence(curl).maxNorm() <= 1e-12 * scale, "div curl = " + fd.divergence(curl).maxNorm());
    }

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {2, 4})
    void curlOfGradientVanishes(int order) {
        FiniteDifferences fd = FiniteDifferences.order(order).withBoundaries(PERIODIC);
        Grid grid3 = Grid.cube(3, 20, 0, 1, Centering.CELL);
        SampledVectorField grad3 = fd.gradient(Manufactured.periodic(3, 0).field().sample(grid3));
        double size3 = grad3.component(0).maxNorm() * 2 * Math.PI;
        assertTrue(fd.curl(grad3).norm().maxNorm() <= 1e-12 * size3);

        Grid grid2 = Grid.cube(2, 32, 0, 1, Centering.CELL);
        SampledVectorField grad2 = fd.gradient(Manufactured.periodic(2, 1).field().sample(grid2));
        double size2 = grad2.component(0).maxNorm() * 2 * Math.PI;
        assertTrue(fd.curl2D(grad2).maxNorm() <= 1e-12 * size2);
    }

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {2, 4})
    void laplacianEqualsDivergenceOfGradientToDiscretisationOrder(int order) {
        // periodic: both are centred approximations of the same operator everywhere
        FiniteDifferences periodic = FiniteDifferences.order(order).withBoundaries(PERIODIC);
        Manufactured w = Manufactured.periodic(2, 1);
        Convergence.assertOrder("Laplacian − div grad (periodic)", order, cells -> {
            SampledScalarField f = w.field().sample(Grid.cube(2, cells, 0, 1, Centering.CELL));
            return periodic.laplacian(f).maxDistance(periodic.divergence(periodic.gradient(f)));
        }, 16);
        // bounded: differentiating the one-sided closure's error costs one order in the two rows next to a face
        // (documented in docs/fields.md), so the identity holds at the scheme's order away from them
        FiniteDifferences bounded = FiniteDifferences.order(order);
        Manufactured u = Manufactured.smooth(2, 0);
        Convergence.assertOrder("Laplacian − div grad (interior)", order, cells -> {
            SampledScalarField f = u.field().sample(Grid.cube(2, cells + 1, 0, 1));
            SampledScalarField diff = bounded.laplacian(f).minus(bounded.divergence(bounded.gradient(f)));
            return maxAwayFromFaces(diff, order);
        }, 32);
        Convergence.assertOrder("Laplacian − div grad (at faces)", order - 1, cells -> {
            SampledScalarField f = u.field().sample(Grid.cube(2, cells + 1, 0, 1));
            return bounded.laplacian(f).maxDistance(bounded.divergence(bounded.gradient(f)));
        }, 32);
    }

    private static double maxAwayFromFaces(SampledScalarField f, int layers) {
        Grid g = f.grid();
        double m = 0;
        for (int p = 0; p < g.pointCount(); p++) {
            boolean inside = true;
            for (int a = 0; a < g.spaceDimension(); a++) {
                int i = g.index(p, a);
                inside &= i >= layers && i < g.size(a) - layers;
            }
            if (inside) {
                m = Math.max(m, Math.abs(f.valueAt(p)));
            }
        }
        return m;
    }

    @Test
    void periodicOperatorsSeeTheWholePeriod() {
        // a field that is smooth across x = 0 ≡ 1: periodic differences are exact for the lowest mode up to O(h²)
        Grid grid = Grid.cube(1, 64, 0, 1, Centering.CELL);
        SampledScalarField f = ScalarField.of(1, (t, x) -> Math.sin(2 * Math.PI * x[0])).sample(grid);
        SampledScalarField d = FiniteDifferences.order(2).withBoundaries(PERIODIC).derivative(f, 0);
        double h = grid.spacing(0);
        // centred difference of sin(2πx) is exactly sin(2πh)/h · cos(2πx)
        ScalarField exact = ScalarField.of(1, (t, x) -> Math.sin(2 * Math.PI * h) / h * Math.cos(2 * Math.PI * x[0]));
        assertTrue(d.maxDistance(exact) < 1e-11);
    }
}
