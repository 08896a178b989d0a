package org.fieldscore.pde.wave;

import static org.fieldscore.fields.testing.Convergence.assertObservedOrder;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.ManufacturedBoundaries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Leapfrog with Δt = h/2 (CFL number 0.71) is second order in h jointly, for time-dependent Dirichlet, Neumann and
 * Robin walls and for periodic axes (±0.15 on each observed order). The standing waves solve φ_tt = ∇²φ (c = 1) exactly.
 */
class WaveBoundaryOrderTest {

    private static final double OMEGA = Math.sqrt(5);

    /** φ = cos(√5 t) cos(x + 0.3) cos(2y − 0.1). */
    private static double phi(double t, double[] x) {
        return Math.cos(OMEGA * t) * Math.cos(x[0] + 0.3) * Math.cos(2 * x[1] - 0.1);
    }

    private static double derivative(double t, double[] x, int axis) {
        return axis == 0 ? -Math.cos(OMEGA * t) * Math.sin(x[0] + 0.3) * Math.cos(2 * x[1] - 0.1)
                : -2 * Math.cos(OMEGA * t) * Math.cos(x[0] + 0.3) * Math.sin(2 * x[1] - 0.1);
    }

    /** A periodic standing wave on the unit square: cos(2√2 π t) sin(2πx + 0.3) cos(2πy). */
    private static double periodic(double t, double[] x) {
        return Math.cos(2 * Math.sqrt(2) * Math.PI * t) * Math.sin(2 * Math.PI * x[0] + 0.3)
                * Math.cos(2 * Math.PI * x[1]);
    }

    private static BoundaryConditions conditions(String kind) {
        return ManufacturedBoundaries.of(kind, WaveBoundaryOrderTest::phi, WaveBoundaryOrderTest::derivative);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dirichlet", "neumann", "robin", "periodic"})
    void leapfrogIsSecondOrderForEveryBoundaryKind(String kind) {
        boolean isPeriodic = kind.equals("periodic");
        ScalarField exact = isPeriodic ? ScalarField.of(2, WaveBoundaryOrderTest::periodic)
                : ScalarField.of(2, WaveBoundaryOrderTest::phi);
        double end = 0.5;
        double[] err = new double[3];
        for (int level = 0; level < 3; level++) {
            int cells = 16 << level;
            Grid g = isPeriodic ? Grid.cube(2, cells, 0, 1, Centering.CELL) : Grid.cube(2, cells + 1, 0, 1);
            WaveProblem p = WaveProblem.on(g).speed(1.0).boundaries(conditions(kind)).initial(exact)
                    .initialVelocity(ScalarField.constant(2, 0)).build();
            SampledScalarField sol = WaveSolver.leapfrog(0.5 / cells).run(p, end).solution();
            err[level] = sol.maxDistance(ScalarField.of(2, (t, x) -> exact.value(end, x)).sample(g));
        }
        assertObservedOrder("leapfrog with " + kind + " walls", 2, err);
    }
}
