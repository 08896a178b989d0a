package org.fieldscore.score.model;

import static org.fieldscore.fields.testing.Convergence.ORDER_TOLERANCE;
import static org.fieldscore.fields.testing.Convergence.assertObservedOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.ops.FiniteDifferences;
import org.junit.jupiter.api.Test;

/** Score matching's trace term is a Laplacian: the field operators applied to sampled scores. */
class ScoreFieldBridgeTest {

    private static final GaussianMixtureModel MIXTURE = new GaussianMixtureModel(new double[] {0.6, 0.4},
            new double[][] {{-1, 0.5}, {1.2, -0.4}}, new double[][][] {{{1, 0.3}, {0.3, 0.8}}, {{0.6, 0}, {0, 1}}});

    private static double divergenceError(int n) {
        Grid grid = Grid.cube(2, n, -3, 3);
        SampledVectorField score = MIXTURE.asVectorField().sample(grid);
        SampledScalarField numeric = FiniteDifferences.order(2).divergence(score);
        SampledScalarField exact = MIXTURE.divergenceField().sample(grid);
        return numeric.maxDistance(exact);
    }

    @Test
    void finiteDifferenceDivergenceOfTheSampledScoreConvergesToTraceAtOrderTwo() {
        // 41, 81, 161 points on [−3, 3]: spacings 6/40, 6/80, 6/160
        assertObservedOrder("divergence of the sampled score", 2,
                new double[] {divergenceError(41), divergenceError(81), divergenceError(161)});
    }

    /** The max difference over [−2, 2]², away from the one-sided boundary closures (pre-asymptotic at n = 41). */
    private static double interiorMaxDistance(SampledScalarField a, SampledScalarField b) {
        Grid grid = a.grid();
        double[] x = new double[2];
        double max = 0;
        for (int p = 0; p < grid.pointCount(); p++) {
            grid.spaceCoordinates(p, x);
            if (Math.abs(x[0]) <= 2 && Math.abs(x[1]) <= 2) {
                max = Math.max(max, Math.abs(a.valueAt(p) - b.valueAt(p)));
            }
        }
        return max;
    }

    @Test
    void laplacianOfLogDensityEqualsDivergenceOfScore() {
        double[] err = new double[3];
        double[] spacing = new double[3];
        for (int k = 0; k < 3; k++) {
            Grid grid = Grid.cube(2, 41 << k, -3, 3);
            spacing[k] = grid.spacing(0);
            SampledScalarField lap = FiniteDifferences.order(2).laplacian(MIXTURE.logDensityField().sample(grid));
            err[k] = interiorMaxDistance(lap, MIXTURE.divergenceField().sample(grid));
        }
        assertObservedOrder("Laplacian of log q against divergence of the score", 2, ORDER_TOLERANCE, spacing, err);
    }

    @Test
    void vectorFieldWrappedAsScoreReproducesTheModel() {
        ScoreModel wrapped = ScoreModel.of(MIXTURE.asVectorField(), 0, 1e-4);
        double[] x = {0.3, -0.7};
        double[] a = new double[2];
        double[] b = new double[2];
        MIXTURE.score(x, a);
        wrapped.score(x, b);
        assertEquals(a[0], b[0], 0);
        assertEquals(a[1], b[1], 0);
        // central differences with h = 1e-4: truncation ~h²·S''' ≈ 1e-8, rounding ~1e-16/1e-4
        assertEquals(MIXTURE.scoreDivergence(x), wrapped.scoreDivergence(x), 1e-6);
    }

    @Test
    void fieldsNeedDimensionOneToThree() {
        MultivariateNormalModel fourD = MultivariateNormalModel.ofCovariance(new double[4],
                new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, fourD::asVectorField);
        assertEquals(true, e.getMessage().contains("dimension 4"));
    }
}
