package org.fieldscore.score.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.score.model.MultivariateNormalModel;
import org.fieldscore.score.model.SufficientStatistics;
import org.junit.jupiter.api.Test;

/** The exponential-family closed form θ̂ = −(Σ K Kᵀ)⁻¹ Σ H. */
class ExponentialFamilyTest {

    /** The 2-D Gaussian as an exponential family: F = (x₁, x₂, x₁², x₂², x₁x₂). */
    static final SufficientStatistics GAUSSIAN_2D = new SufficientStatistics() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public int count() {
            return 5;
        }

        @Override
        public void evaluate(double[] x, double[] f, double[] k, double[] h) {
            double a = x[0];
            double b = x[1];
            f[0] = a;
            f[1] = b;
            f[2] = a * a;
            f[3] = b * b;
            f[4] = a * b;
            // k[j·2 + i] = ∂F_j/∂x_i, h[j·2 + i] = ∂²F_j/∂x_i²
            double[] kk = {1, 0, 0, 1, 2 * a, 0, 0, 2 * b, b, a};
            double[] hh = {0, 0, 0, 0, 2, 0, 0, 2, 0, 0};
            System.arraycopy(kk, 0, k, 0, 10);
            System.arraycopy(hh, 0, h, 0, 10);
        }
    };

    @Test
    void closedFormRecoversTheNaturalParametersWithinMonteCarloError() {
        double[] mu = {1, -0.5};
        double[][] sigma = {{1, 0.5}, {0.5, 1}};
        MultivariateNormalModel truth = MultivariateNormalModel.ofCovariance(mu, sigma);
        double[][] m = truth.precision();
        // log q = −½(x−μ)ᵀM(x−μ) = (Mμ)ᵀx − ½M₁₁x₁² − ½M₂₂x₂² − M₁₂x₁x₂ + const
        double[] theta = {m[0][0] * mu[0] + m[0][1] * mu[1], m[1][0] * mu[0] + m[1][1] * mu[1], -0.5 * m[0][0],
            -0.5 * m[1][1], -m[0][1]};
        int t = 50_000;
        double[] x = truth.draw(t, 17);
        ExponentialFamily family = new ExponentialFamily(GAUSSIAN_2D);
        ExponentialFamily.Estimate estimate = family.closedForm(x, 0);
        // for the Gaussian family score matching equals the MLE, whose precision entries have asymptotic
        // variance (M_ii M_jj + M_ij²)/T; the linear terms Mμ inherit errors of a few times that size, so 5 of
        // these standard errors bound every coordinate
        double se = Math.sqrt((m[0][0] * m[1][1] + m[0][1] * m[0][1]) / t) * 3;
        for (int k = 0; k < 5; k++) {
            assertEquals(theta[k], estimate.theta()[k], 5 * se, "θ_" + k);
        }
        // the L-BFGS route on the same quadratic objective lands on the same point
        Lbfgs.Result result = ScoreMatching.defaults().fit(family, x, new double[] {0, 0, -0.5, -0.5, 0});
        for (int k = 0; k < 5; k++) {
            assertEquals(estimate.theta()[k], result.point()[k], 1e-8);
        }
    }

    @Test
    void dependentStatisticsAreReportedWithTheConditionNumberAndARidgeFixesThem() {
        SufficientStatistics duplicated = new SufficientStatistics() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public int count() {
                return 3;
            }

            @Override
            public void evaluate(double[] x, double[] f, double[] k, double[] h) {
                f[0] = x[0];
                f[1] = x[0] * x[0];
                f[2] = 2 * x[0];
                k[0] = 1;
                k[1] = 2 * x[0];
                k[2] = 2;
                h[0] = 0;
                h[1] = 2;
                h[2] = 0;
            }
        };
        double[] x = MultivariateNormalModel.ofCovariance(new double[1], new double[][] {{1}}).draw(1000, 3);
        ExponentialFamily family = new ExponentialFamily(duplicated);
        IllConditionedException e = assertThrows(IllConditionedException.class, () -> family.closedForm(x, 0));
        assertTrue(e.getMessage().contains("condition number"), e.getMessage());
        ExponentialFamily.Estimate ridged = family.closedForm(x, 1e-3);
        assertTrue(ridged.conditionNumber() < 1e12);
        // with a ridge of 1e-3 the x² coefficient stays near −½ (unit-variance Gaussian): the ridge shifts it by
        // O(1e-3) and 1000 draws give a sampling error of about √(2/1000)·½ ≈ 0.02, so 0.1 is 5 SE
        assertEquals(-0.5, ridged.theta()[1], 0.1);
    }
}
