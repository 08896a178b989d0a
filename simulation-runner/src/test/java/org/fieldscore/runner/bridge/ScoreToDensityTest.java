package org.fieldscore.runner.bridge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.VectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.poisson.PoissonSolvers;
import org.fieldscore.pde.poisson.Stopping;
import org.fieldscore.score.model.GaussianMixtureModel;
import org.fieldscore.score.model.MultivariateNormalModel;
import org.junit.jupiter.api.Test;

class ScoreToDensityTest {

    private static final ScoreToDensity BRIDGE = new ScoreToDensity(PoissonSolvers.byName("multigrid"),
            Stopping.relative(1e-11));

    private static final GaussianMixtureModel MIXTURE = new GaussianMixtureModel(new double[] {0.8, 0.2},
            new double[][] {{1.5, 1.5}, {-1.5, -1.5}}, new double[][][] {{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}});

    @Test
    void theSeedsGaussianIsRecoveredExactly() {
        // log p is quadratic: second-order differences and the 5-point Poisson operator are exact on it, so only the
        // solver's tolerance remains
        MultivariateNormalModel mvn = MultivariateNormalModel.ofCovariance(new double[] {0, 0},
                new double[][] {{1, 0.5}, {0.5, 1}});
        ScoreToDensity.Recovery r = BRIDGE.recover(mvn.asVectorField(), Grid.cube(2, 41, -4, 4));
        assertTrue(ScoreToDensity.compare(r, mvn.logDensityField()).maxLogError() < 1e-8);
    }

    @Test
    void aBimodalDensityIsRecoveredAtSecondOrder() {
        // L1 distance of the densities (the max-norm error of log p in the empty corners is still pre-asymptotic here)
        VectorField score = MIXTURE.asVectorField();
        ScalarField logQ = MIXTURE.logDensityField();
        double[] errors = new double[3];
        int k = 0;
        for (int n : new int[] {49, 97, 193}) {
            errors[k++] = ScoreToDensity.compare(BRIDGE.recover(score, Grid.cube(2, n, -6, 6)), logQ).l1();
        }
        double order1 = Math.log(errors[0] / errors[1]) / Math.log(2);
        double order2 = Math.log(errors[1] / errors[2]) / Math.log(2);
        assertTrue(Math.abs(order1 - 2) < 0.15 && Math.abs(order2 - 2) < 0.15,
                "observed orders " + order1 + ", " + order2 + " from errors " + java.util.Arrays.toString(errors));
    }

    @Test
    void aBimodalDensityIsRecoveredFromItsScore() {
        ScoreToDensity.Recovery r = BRIDGE.recover(MIXTURE.asVectorField(), Grid.cube(2, 97, -6, 6));
        ScoreToDensity.Comparison c = ScoreToDensity.compare(r, MIXTURE.logDensityField());
        // h = 1/8: the O(h²) error of a unit-width density is a few 1e-3 in L1
        assertTrue(c.l1() < 1e-2, "L1 = " + c.l1());
        assertTrue(r.solve().converged());
    }
}
