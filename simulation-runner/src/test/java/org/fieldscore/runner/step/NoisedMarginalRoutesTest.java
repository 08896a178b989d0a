package org.fieldscore.runner.step;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.testing.Convergence;
import org.fieldscore.pde.diffusion.HeatKernelSmoothing;
import org.fieldscore.pde.fokkerplanck.OrnsteinUhlenbeckMarginals;
import org.fieldscore.score.model.GridNoiseConditionalScore;
import org.fieldscore.score.model.ScoreModel;
import org.junit.jupiter.api.Test;

/**
 * The two routes to exact noised scores, where pde-solvers and score-stats meet: the heat-kernel solve of
 * ∂p/∂τ = ½∇²p and the Ornstein–Uhlenbeck Fokker–Planck solve of the VP SDE read through its scaling
 * (s_σ(y) = m∇log p_u(my), u = ln(1 + σ²)). Both are order-2 discretisations of the same score, so on a 1-D mixture
 * their root-mean-square difference on the region holding the mass (1101 points on [−6, 5], so that the
 * interpolation error between grid points averages out instead of depending on where one point falls) falls at
 * observed order 2, and each route is within 1e-2 of the closed-form score there on the finest grid.
 */
class NoisedMarginalRoutesTest {

    /** 0.7·N(2, 0.5) + 0.3·N(−3, 1) blurred by N(0, σ²). */
    private static double mixture(double x, double s2) {
        return 0.7 * gauss(x - 2, 0.5 + s2) + 0.3 * gauss(x + 3, 1 + s2);
    }

    private static double mixtureScore(double x, double s2) {
        double a = 0.7 * gauss(x - 2, 0.5 + s2);
        double b = 0.3 * gauss(x + 3, 1 + s2);
        return (-a * (x - 2) / (0.5 + s2) - b * (x + 3) / (1 + s2)) / (a + b);
    }

    private static double gauss(double u, double v) {
        return Math.exp(-0.5 * u * u / v) / Math.sqrt(2 * Math.PI * v);
    }

    @Test
    void heatKernelAndOrnsteinUhlenbeckRoutesGiveTheSameScoreAtOrderTwo() {
        double[] sigmas = {0.8, 1.5, 3};
        double[][] differences = new double[sigmas.length][3];
        double[] exactErrors = new double[sigmas.length];
        for (int k = 0; k < 3; k++) {
            int cells = 160 << k;
            // [−16, 16]: beyond it the blurred mixture's mass is below e⁻¹⁰ at σ = 3, and the OU marginal is narrower
            Grid grid = Grid.of(new int[] {cells}, new double[] {-16}, new double[] {16}, Centering.CELL);
            double[] v = new double[grid.pointCount()];
            double[] x = new double[1];
            for (int i = 0; i < v.length; i++) {
                grid.spaceCoordinates(i, x);
                v[i] = mixture(x[0], 0);
            }
            SampledScalarField p0 = SampledScalarField.of(grid, v);
            GridNoiseConditionalScore heat = new GridNoiseConditionalScore(p0, sigmas,
                    HeatKernelSmoothing.solve(p0, sigmas), 2);
            GridNoiseConditionalScore ou = GridNoiseConditionalScore.fromOrnsteinUhlenbeck(p0, sigmas,
                    OrnsteinUhlenbeckMarginals.solve(p0, sigmas), 2);
            for (int l = 0; l < sigmas.length; l++) {
                ScoreModel a = heat.atNoise(sigmas[l]);
                ScoreModel b = ou.atNoise(sigmas[l]);
                double squares = 0;
                int count = 0;
                double worstExact = 0;
                double[] sa = new double[1];
                double[] sb = new double[1];
                // the region holding the mass: within 3 standard deviations of either blurred component
                for (int j = 0; j <= 1100; j++) {
                    double y = -6 + 0.01 * j;
                    a.score(new double[] {y}, sa);
                    b.score(new double[] {y}, sb);
                    squares += (sa[0] - sb[0]) * (sa[0] - sb[0]);
                    count++;
                    double exact = mixtureScore(y, sigmas[l] * sigmas[l]);
                    worstExact = Math.max(worstExact, Math.max(Math.abs(sa[0] - exact), Math.abs(sb[0] - exact)));
                }
                differences[l][k] = Math.sqrt(squares / count);
                exactErrors[l] = worstExact;
            }
        }
        for (int l = 0; l < sigmas.length; l++) {
            Convergence.assertObservedOrder("heat-kernel against OU Fokker–Planck score at σ = " + sigmas[l], 2,
                    differences[l]);
            assertTrue(exactErrors[l] < 1e-2, "σ = " + sigmas[l] + ": worst error against the closed form "
                    + exactErrors[l]);
        }
    }
}
