package org.fieldscore.score.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.testing.Closeness;
import org.fieldscore.fields.testing.Convergence;
import org.junit.jupiter.api.Test;

/**
 * Grid scores of noised densities against the closed form of a blurred mixture: observed order 2 and 4 in h of the
 * relative L2 error on the region holding 99.9 % of the mass, and the exact quadrature where the grid cannot answer.
 */
class GridNoiseConditionalScoreTest {

    /**
     * Two overlapping components, so that log p<sub>σ</sub> is far from quadratic on the mass region (a single
     * Gaussian's log is quadratic and its centred differences would be exact).
     */
    private static final GaussianMixtureModel TOY = new GaussianMixtureModel(new double[] {0.6, 0.4},
            new double[][] {{0.8, 0.5}, {-1, -0.6}}, new double[][][] {{{1, 0.3}, {0.3, 0.6}}, {{0.5, 0}, {0, 1.2}}});
    private static final double[] SIGMAS = {2, 1, 0.5};

    private static GridNoiseConditionalScore score(int cells, int order, double halfWidth) {
        Grid grid = Grid.cube(2, cells + 1, -halfWidth, halfWidth);
        SampledScalarField[] levels = new SampledScalarField[SIGMAS.length];
        for (int k = 0; k < SIGMAS.length; k++) {
            levels[k] = GridNoiseConditionalScore.densityOnGrid(TOY.withNoise(SIGMAS[k]), grid);
        }
        return new GridNoiseConditionalScore(GridNoiseConditionalScore.densityOnGrid(TOY, grid), SIGMAS, levels,
                order);
    }

    /** ‖s_h − s‖/‖s‖ over the grid points of the smallest set holding 99.9 % of p_σ's mass. */
    private static double relativeError(GridNoiseConditionalScore grid, double sigma) {
        GaussianMixtureModel exact = TOY.withNoise(sigma);
        Grid g = grid.grid();
        SampledScalarField p = GridNoiseConditionalScore.densityOnGrid(exact, g);
        double[] sorted = p.copyValues();
        Arrays.sort(sorted);
        double mass = 0;
        double threshold = 0;
        for (int i = sorted.length - 1; i >= 0 && mass < 0.999; i--) {
            mass += sorted[i] * g.cellVolume();
            threshold = sorted[i];
        }
        double num = 0;
        double den = 0;
        double[] x = new double[2];
        double[] s = new double[2];
        var field = grid.scoreField(sigma);
        for (int i = 0; i < g.pointCount(); i++) {
            if (p.valueAt(i) < threshold) {
                continue;
            }
            g.spaceCoordinates(i, x);
            exact.score(x, s);
            for (int a = 0; a < 2; a++) {
                double e = field.valueAt(a, i) - s[a];
                num += e * e;
                den += s[a] * s[a];
            }
        }
        return Math.sqrt(num / den);
    }

    @Test
    void scoreConvergesAtOrderTwoAndFourOnTheMassRegion() {
        for (int order : new int[] {2, 4}) {
            for (double sigma : SIGMAS) {
                double[] errors = new double[3];
                for (int k = 0; k < 3; k++) {
                    errors[k] = relativeError(score(96 << k, order, 8), sigma);
                }
                Convergence.assertObservedOrder("order " + order + " score at σ = " + sigma, order, errors);
            }
        }
    }

    /**
     * Outside the grid the score is the convolution's quadrature over the grid, exact for p<sub>0</sub> restricted to
     * the grid: checked where the posterior of y given x (mean μ + Σ(Σ + σ²I)⁻¹(x − μ)) lies well inside it.
     */
    @Test
    void quadratureAnswersOutsideTheGrid() {
        GridNoiseConditionalScore grid = score(80, 2, 10);
        double[][] points = {{14, 2}, {-13, -12}, {10.5, 1}, {-1, -10.4}};
        double[] levels = {2, 2, 1, 1};
        for (int p = 0; p < points.length; p++) {
            double[] x = points[p];
            double sigma = levels[p];
            {
                double[] a = new double[2];
                double[] b = new double[2];
                grid.atNoise(sigma).score(x, a);
                TOY.withNoise(sigma).score(x, b);
                Closeness.assertClose("score at " + Arrays.toString(x) + ", σ = " + sigma, b, a, 1e-8, 1e-8);
                Closeness.assertClose("divergence at " + Arrays.toString(x) + ", σ = " + sigma,
                        TOY.withNoise(sigma).scoreDivergence(x), grid.atNoise(sigma).scoreDivergence(x), 1e-6, 1e-6);
            }
        }
    }

    @Test
    void onlySolvedLevelsAreServed() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> score(26, 2, 10).atNoise(0.7));
        assertEquals("sigma", e.argument());
    }
}
