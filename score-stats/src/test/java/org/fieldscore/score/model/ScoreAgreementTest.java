package org.fieldscore.score.model;

import static org.fieldscore.fields.testing.Closeness.assertClose;
import static org.fieldscore.fields.testing.Convergence.assertObservedOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Analytic, autodiff and finite-difference scores of the same models agree. */
class ScoreAgreementTest {

    private static double relative(double a, double b) {
        return Math.abs(a - b) / Math.max(1e-300, Math.max(Math.abs(a), Math.abs(b)));
    }

    @Test
    void autodiffMatchesAnalyticMultivariateNormalToRounding() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            int d = 1 + trial % 4;
            double[][] a = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a[i][j] = r.nextGaussian();
                }
            }
            double[][] m = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    for (int k = 0; k < d; k++) {
                        m[i][j] += a[i][k] * a[j][k];
                    }
                }
                m[i][i] += 0.5;
            }
            double[] mu = r.doubles(d, -2, 2).toArray();
            MultivariateNormalModel analytic = MultivariateNormalModel.ofPrecision(mu, m);
            AutodiffModel auto = new AutodiffModel(MultivariateNormalModel.family(d), analytic.parameters());
            double[] x = r.doubles(d, -3, 3).toArray();
            double[] s1 = new double[d];
            double[] s2 = new double[d];
            analytic.score(x, s1);
            auto.score(x, s2);
            for (int i = 0; i < d; i++) {
                assertTrue(relative(s1[i], s2[i]) < 1e-10, "score " + s1[i] + " vs " + s2[i]);
            }
            assertTrue(relative(analytic.scoreDivergence(x), auto.scoreDivergence(x)) < 1e-10);
            assertTrue(relative(analytic.logDensity(x), auto.logDensity(x)) < 1e-10);
        }
    }

    @Test
    void autodiffMatchesAnalyticLogisticIcaToRounding() {
        SplittableRandom r = new SplittableRandom(12);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + trial % 3;
            double[][] w = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    w[i][j] = r.nextGaussian();
                }
            }
            LogisticIcaModel analytic = new LogisticIcaModel(w);
            AutodiffModel auto = new AutodiffModel(LogisticIcaModel.family(n), analytic.parameters());
            double[] x = r.doubles(n, -4, 4).toArray();
            double[] s1 = new double[n];
            double[] s2 = new double[n];
            analytic.score(x, s1);
            auto.score(x, s2);
            for (int i = 0; i < n; i++) {
                // components near zero compare absolutely against the scale of the score
                assertClose("ICA score " + i, s1[i], s2[i], 1e-10, 1e-10);
            }
            assertClose("ICA divergence", analytic.scoreDivergence(x), auto.scoreDivergence(x), 1e-10, 1e-10);
        }
    }

    /** Observed order of FD score and divergence on the ICA and mixture models: errors at h, h/2, h/4. */
    @Test
    void finiteDifferencesConvergeAtTheirTruncationOrder() {
        LogisticIcaModel ica = new LogisticIcaModel(new double[][] {{1.0, 0.4}, {-0.3, 0.8}});
        GaussianMixtureModel mixture = new GaussianMixtureModel(new double[] {0.3, 0.7},
                new double[][] {{-1, 0}, {1, 0.5}},
                new double[][][] {{{1, 0.2}, {0.2, 0.5}}, {{0.7, 0}, {0, 1.3}}});
        double[] x = {0.37, -0.21};
        for (UnnormalizedModel model : new UnnormalizedModel[] {ica, mixture}) {
            for (int order : new int[] {2, 4}) {
                double h0 = order == 2 ? 0.05 : 0.2;
                double[] scoreErr = new double[3];
                double[] divErr = new double[3];
                double[] exact = new double[2];
                model.score(x, exact);
                double exactDiv = model.scoreDivergence(x);
                for (int k = 0; k < 3; k++) {
                    FiniteDifferenceModel fd = FiniteDifferenceModel.of(model, h0 / (1 << k), order);
                    double[] s = new double[2];
                    fd.score(x, s);
                    scoreErr[k] = Math.hypot(s[0] - exact[0], s[1] - exact[1]);
                    divErr[k] = Math.abs(fd.scoreDivergence(x) - exactDiv);
                }
                String what = model.getClass().getSimpleName() + " order " + order;
                assertObservedOrder(what + " score", order, scoreErr);
                assertObservedOrder(what + " divergence", order, divErr);
            }
        }
    }

    @Test
    void mixtureScoreIsTheGradientOfItsLogDensity() {
        GaussianMixtureModel mixture = new GaussianMixtureModel(new double[] {0.8, 0.2},
                new double[][] {{5, 5}, {-5, -5}},
                new double[][][] {{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}});
        FiniteDifferenceModel fd = FiniteDifferenceModel.of(mixture, 1e-3, 4);
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < 200; t++) {
            double[] x = r.doubles(2, -8, 8).toArray();
            double[] a = new double[2];
            double[] b = new double[2];
            mixture.score(x, a);
            fd.score(x, b);
            // order-4 truncation at h = 1e-3 is ~1e-12·f^(5); rounding ~1e-16·|log q|/h ~ 1e-11
            assertClose("mixture score", a, b, 1e-7, 1e-7);
            assertEquals(mixture.scoreDivergence(x), fd.scoreDivergence(x), 1e-4);
        }
    }
}
