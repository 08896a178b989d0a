package org.fieldscore.pde.diffusion;

import static org.fieldscore.fields.testing.Convergence.assertObservedOrder;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.ManufacturedBoundaries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Time steppers × boundary kinds on manufactured solutions with a time-dependent source and time-dependent boundary
 * data: Crank–Nicolson with Δt = h and implicit Euler with Δt = h² are both second order in h jointly (their time
 * errors are O(Δt²) and O(Δt)), for Dirichlet, Neumann, Robin and periodic walls (±0.15 on each observed order).
 */
class DiffusionBoundaryOrderTest {

    private static final double K = 0.5;

    /** u = e^{−t} cos(x + 0.3) cos(2y − 0.1) + t x² on the unit square. */
    private static double u(double t, double[] x) {
        return Math.exp(-t) * Math.cos(x[0] + 0.3) * Math.cos(2 * x[1] - 0.1) + t * x[0] * x[0];
    }

    private static double dudx(double t, double[] x, int axis) {
        return axis == 0 ? -Math.exp(-t) * Math.sin(x[0] + 0.3) * Math.cos(2 * x[1] - 0.1) + 2 * t * x[0]
                : -2 * Math.exp(-t) * Math.cos(x[0] + 0.3) * Math.sin(2 * x[1] - 0.1);
    }

    /** S = u_t − k∇²u for the non-periodic solution. */
    private static double source(double t, double[] x) {
        double v = Math.cos(x[0] + 0.3) * Math.cos(2 * x[1] - 0.1);
        return -Math.exp(-t) * v + x[0] * x[0] + 5 * K * Math.exp(-t) * v - 2 * K * t;
    }

    /** A periodic solution: w = e^{−t} sin(2πx + 0.3) cos(2πy), S = (8π²k − 1) w. */
    private static double w(double t, double[] x) {
        return Math.exp(-t) * Math.sin(2 * Math.PI * x[0] + 0.3) * Math.cos(2 * Math.PI * x[1]);
    }

    private static BoundaryConditions conditions(String kind) {
        return ManufacturedBoundaries.of(kind, DiffusionBoundaryOrderTest::u, DiffusionBoundaryOrderTest::dudx);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"crank-nicolson, dirichlet", "crank-nicolson, neumann", "crank-nicolson, robin",
        "crank-nicolson, periodic", "implicit-euler, dirichlet", "implicit-euler, neumann", "implicit-euler, robin",
        "implicit-euler, periodic"})
    void secondOrderInSpaceAndTimeForEveryBoundaryKind(String method, String kind) {
        boolean periodic = kind.equals("periodic");
        ScalarField exact = periodic ? ScalarField.of(2, DiffusionBoundaryOrderTest::w)
                : ScalarField.of(2, DiffusionBoundaryOrderTest::u);
        ScalarField s = periodic ? ScalarField.of(2, (t, x) -> (8 * Math.PI * Math.PI * K - 1) * w(t, x))
                : ScalarField.of(2, DiffusionBoundaryOrderTest::source);
        boolean crankNicolson = method.equals("crank-nicolson");
        double end = 0.25;
        double[] err = new double[3];
        for (int level = 0; level < 3; level++) {
            int cells = 8 << level;
            Grid g = periodic ? Grid.cube(2, cells, 0, 1, Centering.CELL) : Grid.cube(2, cells + 1, 0, 1);
            DiffusionProblem p = DiffusionProblem.on(g).diffusivity(K).boundaries(conditions(kind)).initial(exact)
                    .timeDependentSource(s).build();
            double h = 1.0 / cells;
            SampledScalarField sol = DiffusionSolver.of(DiffusionMethod.byName(method))
                    .timeStep(crankNicolson ? h / 2 : h * h).run(p, end).solution();
            err[level] = sol.maxDistance(ScalarField.of(2, (t, x) -> exact.value(end, x)).sample(g));
        }
        assertObservedOrder(method + " with " + kind + " walls", 2, err);
    }
}
