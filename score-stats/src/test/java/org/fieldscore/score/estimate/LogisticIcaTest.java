package org.fieldscore.score.estimate;

import static org.fieldscore.fields.testing.Closeness.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.fieldscore.score.model.LogisticIcaModel;
import org.junit.jupiter.api.Test;

/** Hyvärinen (2005, §3.2): score matching estimates the ICA unmixing matrix without the normaliser |det W|. */
class LogisticIcaTest {

    @Test
    void scoreMatchingRecoversTheUnmixingMatrixUpToPermutationAndSign() {
        double[][] mixing = {{1.0, 0.6}, {0.3, 0.9}};
        int t = 3000;
        SplittableRandom r = new SplittableRandom(21);
        double[] x = new double[2 * t];
        for (int k = 0; k < t; k++) {
            // unit-variance logistic sources by inversion: s = (√3/π) log(u/(1 − u))
            double s1 = Math.sqrt(3) / Math.PI * Math.log(1 / r.nextDouble() - 1);
            double s2 = Math.sqrt(3) / Math.PI * Math.log(1 / r.nextDouble() - 1);
            x[2 * k] = mixing[0][0] * s1 + mixing[0][1] * s2;
            x[2 * k + 1] = mixing[1][0] * s1 + mixing[1][1] * s2;
        }
        LogisticIcaFamily family = new LogisticIcaFamily(2);
        Lbfgs.Result fit = new ScoreMatching(new Lbfgs(10, 1e-8, 300), 2, 0.5, 3).fit(family, x,
                new double[] {1, 0.2, -0.2, 1});
        double[] w = fit.point();
        // P = W A should be a signed permutation; with T = 3000 the entries carry sampling errors of about
        // 1/√T ≈ 0.02 (times a factor of a few for the logistic's Fisher information), so 0.15 is a safe bound
        double[][] p = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                p[i][j] = w[2 * i] * mixing[0][j] + w[2 * i + 1] * mixing[1][j];
            }
        }
        boolean diagonal = Math.abs(p[0][0]) > Math.abs(p[0][1]);
        double big0 = diagonal ? p[0][0] : p[0][1];
        double small0 = diagonal ? p[0][1] : p[0][0];
        double big1 = diagonal ? p[1][1] : p[1][0];
        double small1 = diagonal ? p[1][0] : p[1][1];
        assertEquals(1, Math.abs(big0), 0.15, "W·A = " + java.util.Arrays.deepToString(p));
        assertEquals(1, Math.abs(big1), 0.15, "W·A = " + java.util.Arrays.deepToString(p));
        assertEquals(0, small0, 0.15, "W·A = " + java.util.Arrays.deepToString(p));
        assertEquals(0, small1, 0.15, "W·A = " + java.util.Arrays.deepToString(p));
        assertTrue(fit.gradientNorm() < 1e-6, "stationary point reached: " + fit.gradientNorm());
    }

    @Test
    void analyticIcaTermAndGradientMatchAutomaticDifferentiation() {
        SplittableRandom r = new SplittableRandom(4);
        AutodiffFamily auto = new AutodiffFamily(LogisticIcaModel.family(3));
        LogisticIcaFamily analytic = new LogisticIcaFamily(3);
        for (int trial = 0; trial < 20; trial++) {
            double[] theta = r.doubles(9, -1.5, 1.5).toArray();
            double[] x = r.doubles(3, -3, 3).toArray();
            double[] g1 = new double[9];
            double[] g2 = new double[9];
            double v1 = analytic.hyvarinenTerm(x, theta, g1);
            double v2 = auto.hyvarinenTerm(x, theta, g2);
            assertClose("Hyvärinen term", v2, v1, 1e-10, 1e-10);
            assertClose("its gradient", g2, g1, 1e-10, 1e-10);
        }
    }
}
