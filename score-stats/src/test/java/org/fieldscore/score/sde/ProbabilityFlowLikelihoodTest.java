package org.fieldscore.score.sde;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.model.GaussianMixtureModel;
import org.junit.jupiter.api.Test;

/** ODE log-likelihoods against the exact log-density of Gaussian mixtures. */
class ProbabilityFlowLikelihoodTest {

    private static GaussianMixtureModel mixture(int d) {
        double[][] means = new double[2][d];
        double[][][] cov = new double[2][d][d];
        for (int i = 0; i < d; i++) {
            means[0][i] = 2;
            means[1][i] = -1.5 + 0.3 * i;
            cov[0][i][i] = 1;
            cov[1][i][i] = 0.5;
        }
        cov[0][0][d - 1] = cov[0][d - 1][0] = 0.3;
        return new GaussianMixtureModel(new double[] {0.6, 0.4}, means, cov);
    }

    /** p_t as a mixture: the law of m(t)x + s(t)z. */
    private static GaussianMixtureModel marginal(GaussianMixtureModel p0, ScoreSde sde, double t) {
        return p0.scaled(sde.meanScale(t)).withNoise(sde.marginalStd(t));
    }

    /**
     * With the exact terminal density log p_1 the only error is the integrator's: at tolerance τ the error in log p is
     * below 100τ (a few hundred accepted steps, each with local error ≤ τ(1 + |y|)), and shrinks with τ.
     */
    @Test
    void exactDivergenceMatchesTheMixtureLogDensityAtTheOdeTolerance() {
        GaussianMixtureModel p0 = mixture(2);
        for (ScoreSde sde : new ScoreSde[] {new VarianceExplodingSde(0.01, 20, 1e-3),
            new VariancePreservingSde(0.1, 20, 1e-3), new SubVariancePreservingSde(0.1, 20, 1e-3)}) {
            GaussianMixtureModel start = marginal(p0, sde, sde.epsilon());
            GaussianMixtureModel end = marginal(p0, sde, 1);
            double[] points = start.draw(12, 3);
            double previous = Double.POSITIVE_INFINITY;
            for (double tol : new double[] {1e-5, 1e-8}) {
                ProbabilityFlowLikelihood.Estimate e = ProbabilityFlowLikelihood.logDensity(sde, sde.score(p0), points,
                        OdeTolerance.of(tol), ProbabilityFlowLikelihood.Divergence.exact(), end::normalizedLogDensity,
                        ProgressListener.NONE);
                double worst = 0;
                for (int p = 0; p < 12; p++) {
                    double exact = start.normalizedLogDensity(new double[] {points[2 * p], points[2 * p + 1]});
                    worst = Math.max(worst, Math.abs(e.logDensity()[p] - exact));
                }
                assertTrue(worst < 100 * tol, sde.name() + " tolerance " + tol + ": error " + worst);
                assertTrue(worst < previous, sde.name() + ": error shrinks with the tolerance");
                previous = worst;
            }
        }
    }

    /** In d = 6 Hutchinson's estimate lies within 4 of its standard errors of the exact value (plus the ODE error). */
    @Test
    void hutchinsonEstimateIsWithinItsStandardError() {
        int d = 6;
        GaussianMixtureModel p0 = mixture(d);
        ScoreSde sde = new VariancePreservingSde(0.1, 20, 1e-3);
        GaussianMixtureModel start = marginal(p0, sde, sde.epsilon());
        GaussianMixtureModel end = marginal(p0, sde, 1);
        double[] points = start.draw(8, 4);
        ProbabilityFlowLikelihood.Estimate h = ProbabilityFlowLikelihood.logDensity(sde, sde.score(p0), points,
                OdeTolerance.of(1e-7), ProbabilityFlowLikelihood.Divergence.hutchinson(8, 9), end::normalizedLogDensity,
                ProgressListener.NONE);
        int within = 0;
        for (int p = 0; p < 8; p++) {
            double exact = start.normalizedLogDensity(java.util.Arrays.copyOfRange(points, p * d, (p + 1) * d));
            double se = h.standardError()[p];
            assertTrue(se > 0, "a standard error from 8 probes");
            if (Math.abs(h.logDensity()[p] - exact) < 4 * se + 1e-4) {
                within++;
            }
        }
        assertTrue(within >= 7, within + " of 8 points within 4 standard errors");
    }
}
