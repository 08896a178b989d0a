package org.fieldscore.score.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;
import org.junit.jupiter.api.Test;

/**
 * A histogram of N = 10⁵ seeded draws of N(μ, s²), μ = 0.3, s = 1, on cells of h = 0.05 ≪ s as the initial density
 * of the exact noised scores: its mass, moments and blurred score against the data and the closed form.
 */
class HistogramDensityTest {

    private static final double MU = 0.3;
    private static final double S = 1;
    private static final int N = 100_000;
    private static final Grid GRID = Grid.cube(1, 321, -8, 8);
    private static final double H = GRID.spacing(0);

    private static double[] draws() {
        SplittableRandom random = new SplittableRandom(42);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = MU + S * random.nextGaussian();
        }
        return x;
    }

    /** p ∗ N(0, σ²) at the grid points, by the convolution's quadrature over the cells (the heat kernel's sum). */
    private static SampledScalarField blurred(SampledScalarField p, double sigma) {
        double[] out = new double[GRID.pointCount()];
        for (int i = 0; i < out.length; i++) {
            double xi = GRID.coordinate(0, i);
            double sum = 0;
            for (int j = 0; j < out.length; j++) {
                double u = (xi - GRID.coordinate(0, j)) / sigma;
                sum += p.valueAt(j) * Math.exp(-0.5 * u * u);
            }
            out[i] = sum * H / (sigma * Math.sqrt(2 * Math.PI));
        }
        return SampledScalarField.wrap(GRID, out);
    }

    /**
     * Mass 1 to rounding. Mean: each draw moves to its cell centre by at most h/2, so the histogram's mean is the
     * sample mean within h/2. Variance: larger than the sample's by h²/12 (Sheppard) plus the rounding's covariance
     * with x, of standard deviation 2s·h/√(12N) = 9·10⁻⁵; bound h²/12 + 4 of those.
     */
    @Test
    void histogramKeepsMassAndMomentsWithinTheBinningError() {
        double[] x = draws();
        SampledScalarField p = GridNoiseConditionalScore.histogramOnGrid(x, GRID);
        double mass = 0;
        double mean = 0;
        for (int i = 0; i < p.size(); i++) {
            mass += p.valueAt(i) * H;
            mean += p.valueAt(i) * H * GRID.coordinate(0, i);
        }
        double var = 0;
        for (int i = 0; i < p.size(); i++) {
            double c = GRID.coordinate(0, i) - mean;
            var += p.valueAt(i) * H * c * c;
        }
        double sampleMean = 0;
        for (double v : x) {
            sampleMean += v / N;
        }
        double sampleVar = 0;
        for (double v : x) {
            sampleVar += (v - sampleMean) * (v - sampleMean) / N;
        }
        assertEquals(1, mass, 1e-12);
        assertEquals(sampleMean, mean, H / 2);
        assertEquals(sampleVar, var, H * H / 12 + 4 * 2 * S * H / Math.sqrt(12.0 * N));
    }

    /**
     * The blurred score of the histogram against −(x − μ)/(s² + σ²), the score of N(μ, s² + σ²), where
     * |x − μ| ≤ 2√(s² + σ²). The estimate's error is the sampling noise of the N draws: the blurred density's slope
     * has variance p(x)/(4√π Nσ³), so the score's standard error at x is 1/√(4√π Nσ³ p(x)) (0.002 at the centre to
     * 0.02 at the edge for σ = 0.5); binning and the second-order differences add below 10⁻³. Bound: 4.5 standard
     * errors plus 10⁻³ at every point (about 90 correlated points per level).
     */
    @Test
    void noisedScoreOfTheHistogramMatchesTheBlurredGaussian() {
        SampledScalarField p = GridNoiseConditionalScore.histogramOnGrid(draws(), GRID);
        double[] sigmas = {1, 0.5};
        SampledScalarField[] levels = {blurred(p, sigmas[0]), blurred(p, sigmas[1])};
        GridNoiseConditionalScore score = new GridNoiseConditionalScore(p, sigmas, levels, 2);
        double[] x = new double[1];
        double[] s = new double[1];
        for (double sigma : sigmas) {
            double variance = S * S + sigma * sigma;
            ScoreModel model = score.atNoise(sigma);
            int checked = 0;
            for (int i = 0; i < GRID.pointCount(); i++) {
                x[0] = GRID.coordinate(0, i);
                double z = (x[0] - MU) / Math.sqrt(variance);
                if (Math.abs(z) > 2) {
                    continue;
                }
                model.score(x, s);
                double u = (x[0] - MU) / S;
                double p0 = Math.exp(-0.5 * u * u) / (S * Math.sqrt(2 * Math.PI));
                double standardError = 1 / Math.sqrt(4 * Math.sqrt(Math.PI) * N * Math.pow(sigma, 3) * p0);
                double error = Math.abs(s[0] + (x[0] - MU) / variance);
                assertTrue(error <= 4.5 * standardError + 1e-3, "σ = " + sigma + ", x = " + x[0] + ": score "
                        + s[0] + ", error " + error + ", standard error " + standardError);
                checked++;
            }
            assertTrue(checked > 80, "points checked at σ = " + sigma);
        }
    }

    @Test
    void dataOutsideTheGridAreRefused() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> GridNoiseConditionalScore.histogramOnGrid(new double[] {0, 1, 9.5}, GRID));
        assertTrue(e.getMessage().contains("1 of 3 data points lie outside"), e.getMessage());
    }
}
