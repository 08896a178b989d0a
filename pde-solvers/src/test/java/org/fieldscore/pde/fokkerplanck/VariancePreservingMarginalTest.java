package org.fieldscore.pde.fokkerplanck;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.testing.Convergence;
import org.junit.jupiter.api.Test;

/**
 * The marginals of the variance-preserving SDE dx = −½β(t)x dt + √β(t) dW (Song et al., ICLR 2021) by the
 * Ornstein–Uhlenbeck Fokker–Planck equation. In the time u = B(t) = ∫₀ᵗβ the equation has constant coefficients,
 * ∂p/∂u = ∇·(½x p) + ½∇²p: drift −D∇U with D = ½ and U = x²/2. From a Gaussian mixture p₀ its solution is the mixture
 * with means mμ and variances m²σ² + 1 − m², m = e^(−u/2): the finite-volume solve converges to it at order 2.
 */
class VariancePreservingMarginalTest {

    private static final double BETA_MIN = 0.1;
    private static final double BETA_MAX = 20;

    private static double mixture(double x, double m) {
        return 0.7 * gauss(x - 2 * m, m * m * 0.5 + 1 - m * m) + 0.3 * gauss(x + 3 * m, m * m + 1 - m * m);
    }

    private static double gauss(double u, double v) {
        return Math.exp(-0.5 * u * u / v) / Math.sqrt(2 * Math.PI * v);
    }

    /** VP at t = 0.3: u = B(0.3) = 0.9255, m = 0.63; Crank–Nicolson with Δu ∝ h on [−12, 12] (mass beyond: e⁻³⁰). */
    @Test
    void ornsteinUhlenbeckSolveGivesTheVpMarginalAtOrderTwo() {
        double t = 0.3;
        double u = BETA_MIN * t + 0.5 * t * t * (BETA_MAX - BETA_MIN);
        double m = Math.exp(-0.5 * u);
        double[] errors = new double[3];
        for (int k = 0; k < 3; k++) {
            int cells = 96 << k;
            Grid grid = Grid.of(new int[] {cells}, new double[] {-12}, new double[] {12}, Centering.CELL);
            FokkerPlanckProblem ou = FokkerPlanckProblem.on(grid).diffusivity(0.5)
                    .potential(ScalarField.of(1, (time, x) -> 0.5 * x[0] * x[0]))
                    .initial(ScalarField.of(1, (time, x) -> mixture(x[0], 1))).build();
            SampledScalarField p = FokkerPlanckSolver.of(FokkerPlanckMethod.CRANK_NICOLSON)
                    .timeStep(2.4 / cells).run(ou, u).density();
            double worst = 0;
            double[] x = new double[1];
            for (int i = 0; i < grid.pointCount(); i++) {
                grid.spaceCoordinates(i, x);
                worst = Math.max(worst, Math.abs(p.valueAt(i) - mixture(x[0], m)));
            }
            errors[k] = worst;
        }
        Convergence.assertObservedOrder("VP marginal by the OU Fokker–Planck equation", 2, errors);
    }
}
