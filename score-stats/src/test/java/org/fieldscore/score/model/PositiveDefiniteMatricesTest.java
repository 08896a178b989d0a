package org.fieldscore.score.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.InvalidArgumentException;
import org.junit.jupiter.api.Test;

/** The one positive-definiteness check, and the models that rely on it instead of a decomposition's exception. */
class PositiveDefiniteMatricesTest {

    @Test
    void returnsTheEigenvaluesOfAPositiveDefiniteMatrix() {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3
        assertArrayEquals(new double[] {1, 3}, PositiveDefiniteMatrices.require(new double[][] {{2, 1}, {1, 2}},
                "covariance"), 1e-12);
    }

    @Test
    void refusesSingularZeroAndRankDeficientMatricesWithTheArgumentsName() {
        InvalidArgumentException singular = refused(new double[][] {{1, 1}, {1, 1}}, "covariance");
        assertTrue(singular.getMessage().startsWith("covariance must be symmetric positive definite, but it is"
                + " singular (rank 1 of 2)"), singular.getMessage());
        assertEquals(0.0, (double) singular.value(), 1e-12);
        assertEquals("symmetric positive definite (every eigenvalue > 0)", singular.validRange());

        assertTrue(refused(new double[][] {{0, 0}, {0, 0}}, "covariance").getMessage().contains("all zero"));
        assertTrue(refused(new double[][] {{2, 1, 3}, {1, 2, 3}, {3, 3, 6}}, "covariances[2]").getMessage()
                .startsWith("covariances[2] must be symmetric positive definite, but it is singular (rank 2 of 3)"));
        InvalidArgumentException indefinite = refused(new double[][] {{1, 2}, {2, 1}}, "precision");
        assertTrue(indefinite.getMessage().contains("not positive definite"), indefinite.getMessage());
        assertEquals(-1.0, (double) indefinite.value(), 1e-12);
        assertTrue(refused(new double[][] {{1, 0.5}, {0.2, 1}}, "covariance").getMessage().contains(
                "must be symmetric"));
        assertTrue(refused(new double[][] {{1, Double.NaN}, {Double.NaN, 1}}, "covariance").getMessage().contains(
                "not finite"));
    }

    @Test
    void everyModelThatInvertsACovarianceUsesTheCheck() {
        double[][] singular = {{1, 1}, {1, 1}};
        InvalidArgumentException mvn = assertThrows(InvalidArgumentException.class,
                () -> MultivariateNormalModel.ofCovariance(new double[] {0, 0}, singular));
        assertEquals("covariance", mvn.argument());
        InvalidArgumentException precision = assertThrows(InvalidArgumentException.class,
                () -> MultivariateNormalModel.ofPrecision(new double[] {0, 0}, singular));
        assertEquals("precision", precision.argument());
        InvalidArgumentException mixture = assertThrows(InvalidArgumentException.class,
                () -> new GaussianMixtureModel(new double[] {1, 1}, new double[][] {{0, 0}, {1, 1}},
                        new double[][][] {{{1, 0}, {0, 1}}, singular}));
        assertEquals("covariances[1]", mixture.argument());
    }

    @Test
    void aTinyButPositiveDefiniteCovarianceStillSamples() {
        // a variance of 1e-12 is valid; the sampler's Cholesky factor must not apply an absolute threshold to it
        MultivariateNormalModel tiny = MultivariateNormalModel.ofCovariance(new double[] {0},
                new double[][] {{1e-12}});
        assertEquals(1e12, tiny.precision()[0][0], 1e-3);
        double[] draws = tiny.draw(1000, 7);
        double sumOfSquares = 0;
        for (double x : draws) {
            sumOfSquares += x * x;
        }
        // the sample variance of 1000 draws lies within 20 % of 1e-12 (its relative sd is sqrt(2/1000) = 4.5 %)
        assertEquals(1e-12, sumOfSquares / draws.length, 0.2e-12);
    }

    private static InvalidArgumentException refused(double[][] m, String name) {
        return assertThrows(InvalidArgumentException.class, () -> PositiveDefiniteMatrices.require(m, name));
    }
}
