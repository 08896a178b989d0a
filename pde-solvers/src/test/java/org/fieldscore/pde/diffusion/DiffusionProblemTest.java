package org.fieldscore.pde.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Grid;
import org.junit.jupiter.api.Test;

class DiffusionProblemTest {

    private static final Grid GRID = Grid.cube(1, 9, 0, 1);

    /**
     * Heat form: copper-like K = 400, ρ = 9000, c = 400 gives κ = K/(ρc); a uniform heat source Q = 3.6e6 W/m³ raises
     * an insulated bar at Q/(ρc) = 1 K/s, which the explicit scheme reproduces exactly (the Laplacian of a uniform
     * field is zero).
     */
    @Test
    void heatFormScalesDiffusivityAndSource() {
        DiffusionProblem p = DiffusionProblem.on(GRID).heat(400, 9000, 400)
                .boundaries(BoundaryConditions.all(BoundaryCondition.neumann(0)))
                .initial(ScalarField.of(1, (t, x) -> 20.0)).source(ScalarField.of(1, (t, x) -> 3.6e6)).build();
        assertEquals(400.0 / (9000 * 400), p.diffusivity(), 1e-18);
        assertEquals(1.0, p.source(0, new double[] {0.5}), 1e-12);
        double dt = DiffusionSolver.largestStableStep(p);
        DiffusionResult r = DiffusionSolver.of(DiffusionMethod.EXPLICIT_EULER).timeStep(dt).run(p, 10 * dt);
        assertEquals(20 + 10 * dt, r.solution().max(), 1e-9);
        assertEquals(20 + 10 * dt, r.solution().min(), 1e-9);
    }

    @Test
    void invalidInputIsRefusedWithClearMessages() {
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> DiffusionProblem.on(GRID)
                .diffusivity(-1).boundaries(BoundaryConditions.all(BoundaryCondition.dirichlet(0)))
                .initial(ScalarField.of(1, (t, x) -> 0.0)).build());
        assertTrue(k.getMessage().contains("diffusivity"), k.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DiffusionProblem.on(GRID).heat(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> DiffusionSolver.of(DiffusionMethod.CRANK_NICOLSON)
                .timeStep(0));
        assertThrows(IllegalStateException.class, () -> DiffusionSolver.of(DiffusionMethod.CRANK_NICOLSON)
                .run(DiffusionProblem.on(GRID).diffusivity(1)
                        .boundaries(BoundaryConditions.all(BoundaryCondition.dirichlet(0)))
                        .initial(ScalarField.of(1, (t, x) -> 0.0)).build(), 1));
    }

    @Test
    void methodsAreFoundByName() {
        assertSame(DiffusionMethod.EXPLICIT_EULER, DiffusionMethod.byName("ftcs"));
        assertSame(DiffusionMethod.CRANK_NICOLSON, DiffusionMethod.byName("Crank_Nicolson"));
        assertSame(DiffusionMethod.DORMAND_PRINCE_54, DiffusionMethod.byName("dormand-prince-54"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DiffusionMethod.byName("rk4"));
        assertTrue(e.getMessage().contains("crank-nicolson"), e.getMessage());
    }
}
