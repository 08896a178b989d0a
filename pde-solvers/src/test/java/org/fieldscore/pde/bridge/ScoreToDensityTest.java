package org.fieldscore.pde.bridge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.VectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.testing.Convergence;
import org.fieldscore.pde.poisson.PoissonSolvers;
import org.fieldscore.pde.Stopping;
import org.junit.jupiter.api.Test;

class ScoreToDensityTest {

    private static final ScoreToDensity BRIDGE = new ScoreToDensity(PoissonSolvers.byName("multigrid"),
            Stopping.relative(1e-11));

    /** log p of 0.8 N((1.5, 1.5), I) + 0.2 N((−1.5, −1.5), I), up to a constant. */
    private static final ScalarField MIXTURE_LOG_DENSITY = ScalarField.of(2,
            (t, x) -> Math.log(0.8 * bump(x, 1.5) + 0.2 * bump(x, -1.5)));

    /** Its score: the responsibility-weighted sum of the components' scores m − x. */
    private static final VectorField MIXTURE_SCORE = VectorField.of(2, 2, (t, x, out) -> {
        double a = 0.8 * bump(x, 1.5);
        double b = 0.2 * bump(x, -1.5);
        double w = a / (a + b);
        for (int i = 0; i < 2; i++) {
            out[i] = w * (1.5 - x[i]) + (1 - w) * (-1.5 - x[i]);
        }
    });

    private static double bump(double[] x, double m) {
        return Math.exp(-0.5 * ((x[0] - m) * (x[0] - m) + (x[1] - m) * (x[1] - m)));
    }

    @Test
    void theEssaysGaussianIsRecoveredExactly() {
        // log p is quadratic: second-order differences and the 5-point Poisson operator are exact on it, so only the
        // solver's tolerance remains
        // Σ = [[1, .5], [.5, 1]]: precision M = [[4, −2], [−2, 4]]/3, score −Mx, log p = −xᵀMx/2
        VectorField score = VectorField.of(2, 2, (t, x, out) -> {
            out[0] = -(4 * x[0] - 2 * x[1]) / 3;
            out[1] = -(-2 * x[0] + 4 * x[1]) / 3;
        });
        ScalarField logP = ScalarField.of(2, (t, x) -> -(4 * x[0] * x[0] - 4 * x[0] * x[1] + 4 * x[1] * x[1]) / 6);
        ScoreToDensity.Recovery r = BRIDGE.recover(score, Grid.cube(2, 41, -4, 4));
        assertTrue(ScoreToDensity.compare(r, logP).maxLogError() < 1e-8);
    }

    @Test
    void aBimodalDensityIsRecoveredAtSecondOrder() {
        // L1 distance of the densities (the max-norm error of log p in the empty corners is still pre-asymptotic here)
        VectorField score = MIXTURE_SCORE;
        ScalarField logQ = MIXTURE_LOG_DENSITY;
        double[] errors = new double[3];
        int k = 0;
        for (int n : new int[] {49, 97, 193}) {
            errors[k++] = ScoreToDensity.compare(BRIDGE.recover(score, Grid.cube(2, n, -6, 6)), logQ).l1();
        }
        Convergence.assertObservedOrder("L1 error of the recovered bimodal density", 2, errors);
    }

    @Test
    void aBimodalDensityIsRecoveredFromItsScore() {
        ScoreToDensity.Recovery r = BRIDGE.recover(MIXTURE_SCORE, Grid.cube(2, 97, -6, 6));
        ScoreToDensity.Comparison c = ScoreToDensity.compare(r, MIXTURE_LOG_DENSITY);
        // h = 1/8: the O(h²) error of a unit-width density is a few 1e-3 in L1
        assertTrue(c.l1() < 1e-2, "L1 = " + c.l1());
        assertTrue(r.solve().converged());
    }
}
