package org.fieldscore.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.grid.TimeAxis;
import org.fieldscore.fields.ops.FiniteDifferences;
import org.fieldscore.fields.testing.Convergence;
import org.junit.jupiter.api.Test;

class FieldAlgebraTest {

    @Test
    void multilinearInterpolationIsExactForMultilinearFields() {
        SplittableRandom random = new SplittableRandom(7);
        Grid grid = Grid.of(new int[] {5, 6, 7}, new double[] {-1, 0, 2}, new double[] {1, 3, 4}, Centering.VERTEX)
                .withTime(TimeAxis.of(0, 0.5, 4));
        AnalyticScalarField f = ScalarField.of(3, (t, x) -> 1 + 2 * x[0] - x[1] + 0.5 * x[2] + x[0] * x[1] * x[2] + t * x[0]);
        SampledScalarField s = f.sample(grid);
        for (int k = 0; k < 200; k++) {
            double[] x = {random.nextDouble(-1, 1), random.nextDouble(0, 3), random.nextDouble(2, 4)};
            double t = random.nextDouble(0, 1.5);
            assertEquals(f.value(t, x), s.value(t, x), 1e-12);
        }
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> s.value(0, new double[] {2, 1, 3}));
        assertTrue(outside.getMessage().contains("x = 2.0"), outside.getMessage());
    }

    @Test
    void integralMeanAndNormsUseSecondOrderQuadrature() {
        AnalyticScalarField f = ScalarField.of(2, (t, x) -> Math.exp(x[0]) * Math.cos(2 * x[1]));
        double exact = (Math.E - 1) * Math.sin(2) / 2;
        for (Centering c : Centering.values()) {
            Convergence.assertOrder("integral " + c, 2,
                    cells -> Math.abs(f.sample(Grid.cube(2, c == Centering.VERTEX ? cells + 1 : cells, 0, 1, c))
                            .integral() - exact), 16);
        }
        SampledScalarField s = f.sample(Grid.cube(2, 201, 0, 1));
        assertEquals(exact, s.mean(), 1e-5);
        assertEquals(Math.E, s.max(), 1e-12);
        assertEquals(Math.E * Math.cos(2), s.min(), 1e-12);
        // ∫∫ e^{2x} cos² 2y = (e² − 1)/2 · (1/2 + sin 4 / 8)
        assertEquals(Math.sqrt((Math.exp(2) - 1) / 2 * (0.5 + Math.sin(4) / 8)), s.l2Norm(), 1e-4);
        assertEquals(0.0, s.l2Distance(f), 0);
        assertEquals(0.5, s.maxDistance(f.plus(0.5)), 1e-12);
    }

    @Test
    void componentsAndVectorsRoundTrip() {
        Grid grid = Grid.cube(2, 9, 0, 1);
        SampledScalarField a = ScalarField.of(2, (t, x) -> x[0]).sample(grid);
        SampledScalarField b = ScalarField.of(2, (t, x) -> x[1] * 2).sample(grid);
        SampledVectorField v = (SampledVectorField) VectorField.of(a, b, a.times(b));
        assertEquals(3, v.components());
        assertEquals(0.0, v.component(2).maxDistance(ScalarField.of(2, (t, x) -> 2 * x[0] * x[1])), 1e-15);
        assertEquals(0.0, ((SampledScalarField) v.dot(v)).maxDistance(v.normSquared()), 1e-14);
        SampledVectorField w = (SampledVectorField) v.times(2).minus(v);
        assertEquals(0.0, ((SampledScalarField) w.minus(v).norm()).maxNorm(), 0);
    }

    @Test
    void mismatchedOperandsAreRejectedWithTheReason() {
        SampledScalarField on9 = SampledScalarField.constant(Grid.cube(2, 9, 0, 1), 1);
        SampledScalarField on17 = SampledScalarField.constant(Grid.cube(2, 17, 0, 1), 1);
        IllegalArgumentException grids = assertThrows(IllegalArgumentException.class, () -> on9.plus(on17));
        assertTrue(grids.getMessage().contains("different grids"), grids.getMessage());
        IllegalArgumentException dims = assertThrows(IllegalArgumentException.class,
                () -> on9.plus(ScalarField.constant(3, 1)));
        assertTrue(dims.getMessage().contains("space dimensions differ"), dims.getMessage());
        SampledVectorField three = (SampledVectorField) VectorField.of(on9, on9, on9);
        IllegalArgumentException div = assertThrows(IllegalArgumentException.class,
                () -> FiniteDifferences.order(2).divergence(three));
        assertTrue(div.getMessage().contains("one component per space dimension (2), got 3"), div.getMessage());
        IllegalArgumentException curl = assertThrows(IllegalArgumentException.class,
                () -> FiniteDifferences.order(2).curl(three));
        assertTrue(curl.getMessage().contains("curl2D"), curl.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.order(3));
        assertTrue(order.getMessage().contains("2 or 4"), order.getMessage());
        IllegalArgumentException values = assertThrows(IllegalArgumentException.class,
                () -> SampledScalarField.of(Grid.cube(1, 4, 0, 1), new double[3]));
        assertTrue(values.getMessage().contains("needs 4 values, got 3"), values.getMessage());
        IllegalArgumentException component = assertThrows(IllegalArgumentException.class, () -> three.component(3));
        assertTrue(component.getMessage().contains("valid are 0 to 2"), component.getMessage());
    }

    @Test
    void periodicConditionsNeedBothFacesAndCellCentring() {
        Grid vertex = Grid.cube(2, 9, 0, 1);
        var periodic = org.fieldscore.fields.bc.BoundaryConditions.all(
                org.fieldscore.fields.bc.BoundaryCondition.periodic());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FiniteDifferences.order(2).withBoundaries(periodic).laplacian(SampledScalarField.constant(vertex, 1)));
        assertTrue(e.getMessage().contains("cell-centred"), e.getMessage());
        var oneSided = org.fieldscore.fields.bc.BoundaryConditions.none().with(org.fieldscore.fields.bc.Face.X_LOW,
                org.fieldscore.fields.bc.BoundaryCondition.periodic());
        Grid cells = Grid.cube(2, 8, 0, 1, Centering.CELL);
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> FiniteDifferences.order(2).withBoundaries(oneSided).laplacian(SampledScalarField.constant(cells, 1)));
        assertTrue(both.getMessage().contains("both faces"), both.getMessage());
    }
}
