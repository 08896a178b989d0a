package org.fieldscore.score.diagnostics;

import java.util.Objects;

import org.hipparchus.distribution.RealDistribution;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;

/**
 * The one-sample Kolmogorov–Smirnov test of a marginal against a known distribution (Hipparchus). The test assumes
 * independent draws: thin Markov chains to about one draw per autocorrelation time first, or the p-value is too
 * small.
 */
public final class MarginalKsTest {

    private MarginalKsTest() {
    }

    /**
     * @param sample draws of one coordinate, all finite
     * @param target the reference distribution
     * @return the p-value of H₀: sample ~ target
     */
    public static double pValue(double[] sample, RealDistribution target) {
        Objects.requireNonNull(target, "target");
        requireSample(sample);
        return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(target, sample);
    }

    /**
     * @param sample draws, all finite
     * @param target the reference distribution
     * @return the statistic D = sup |F<sub>n</sub> − F|
     */
    public static double statistic(double[] sample, RealDistribution target) {
        Objects.requireNonNull(target, "target");
        requireSample(sample);
        return new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(target, sample);
    }

    private static void requireSample(double[] sample) {
        if (sample.length < 2) {
            throw new IllegalArgumentException("the KS test needs at least 2 draws, got " + sample.length);
        }
        for (int i = 0; i < sample.length; i++) {
            if (!Double.isFinite(sample[i])) {
                throw new IllegalArgumentException("draw " + i + " is " + sample[i]);
            }
        }
    }
}
