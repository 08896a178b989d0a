package org.fieldscore.fields.lagrangian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fieldscore.fields.AnalyticScalarField;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.constants.Coupling;
import org.fieldscore.fields.constants.PhysicalConstants;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.grid.TimeAxis;
import org.fieldscore.fields.testing.Convergence;
import org.junit.jupiter.api.Test;

class ScalarFieldLagrangianTest {

    private static final double G = 0.7;

    @Test
    void actionOfAKnownFieldMatchesTheExactIntegralAtSecondOrder() {
        // φ = sin x cos t on [0, π/2] × [0, 1], ρ = 1:
        // S = ∫∫ ½(sin²x sin²t − cos²x cos²t) dx dt − g ∫∫ sin x cos t dx dt = −π sin 2 / 16 − g sin 1
        AnalyticScalarField phi = ScalarField.of(1, (t, x) -> Math.sin(x[0]) * Math.cos(t));
        double exact = -Math.PI * Math.sin(2) / 16 - G * Math.sin(1);
        ScalarFieldLagrangian lagrangian = ScalarFieldLagrangian.seed(Coupling.of(G));
        Convergence.assertOrder("action", 2, cells -> {
            Grid grid = Grid.cube(1, cells + 1, 0, Math.PI / 2).withTime(TimeAxis.of(0, 1.0 / cells, cells + 1));
            return Math.abs(lagrangian.action(phi.sample(grid), ScalarField.constant(1, 1)) - exact);
        }, 16);
    }

    @Test
    void eulerLagrangeResidualOfAnExactSolutionVanishesAtSecondOrder() {
        // φ = sin x sin y cos(2t) solves φ_tt − ∇²φ = −gρ with ρ = 2 sin x sin y cos(2t) / g
        AnalyticScalarField phi = ScalarField.of(2, (t, x) -> Math.sin(x[0]) * Math.sin(x[1]) * Math.cos(2 * t));
        AnalyticScalarField rho = ScalarField.of(2, (t, x) -> 2 * Math.sin(x[0]) * Math.sin(x[1]) * Math.cos(2 * t) / G);
        ScalarFieldLagrangian lagrangian = ScalarFieldLagrangian.seed(Coupling.of(G));
        Convergence.assertOrder("Euler–Lagrange residual", 2, cells -> {
            Grid grid = Grid.cube(2, cells + 1, 0, 1).withTime(TimeAxis.of(0, 1.0 / cells, cells + 1));
            return lagrangian.eulerLagrangeResidual(phi.sample(grid), rho).maxNorm();
        }, 8);
        // a field that is not a solution keeps an O(1) residual
        SampledScalarField wrong = phi.times(2).sample(
                Grid.cube(2, 33, 0, 1).withTime(TimeAxis.of(0, 1.0 / 32, 33)));
        assertEquals(true, lagrangian.eulerLagrangeResidual(wrong, rho).maxNorm() > 0.5);
    }

    @Test
    void staticResidualIsPoissonsEquation() {
        // φ = x² + y² − z: ∇²φ = 4 = gρ with ρ = 4/g, exact for second-order stencils
        AnalyticScalarField phi = ScalarField.of(3, (t, x) -> x[0] * x[0] + x[1] * x[1] - x[2]);
        ScalarFieldLagrangian lagrangian = ScalarFieldLagrangian.seed(Coupling.of(G));
        SampledScalarField r = lagrangian.staticResidual(phi.sample(Grid.cube(3, 9, 0, 1)),
                ScalarField.constant(3, 4 / G));
        assertEquals(0.0, r.maxNorm(), 1e-10);
    }

    @Test
    void couplingPresetsUseCodata2018() {
        assertEquals(-1 / 8.8541878128e-12, Coupling.electrostaticsSI().value(), 1e-3);
        assertEquals(4 * Math.PI * 6.67430e-11, Coupling.gravitationSI().value(), 1e-22);
        assertEquals(299792458.0, PhysicalConstants.SPEED_OF_LIGHT, 0);
        assertThrows(IllegalArgumentException.class, () -> Coupling.of(Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> ScalarFieldLagrangian.seed(Coupling.of(1)).density(
                        ScalarField.constant(1, 1).sample(Grid.cube(1, 5, 0, 1)), ScalarField.constant(1, 0)));
    }
}
