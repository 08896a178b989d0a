package org.fieldscore.score.diagnostics;

import java.util.Arrays;

import org.fieldscore.fields.InvalidArgumentException;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;

/**
 * Two-sample tests of samples against reference draws: the unbiased squared maximum mean discrepancy with a
 * Gaussian kernel (A. Gretton et al., "A kernel two-sample test", JMLR 13, 2012) and, per coordinate, the
 * two-sample Kolmogorov–Smirnov p-value (Hipparchus). At most as many sample points as there are reference draws
 * are used, evenly spaced through the samples, so that correlated chains stored chain after chain are thinned
 * across all chains.
 *
 * @param mmd2 the unbiased MMD² estimate
 * @param ksPValues the KS p-value of each coordinate
 * @param pointsUsed the number of sample points used
 */
public record TwoSampleComparison(double mmd2, double[] ksPValues, int pointsUsed) {

    /** @param ksPValues copied */
    public TwoSampleComparison {
        ksPValues = ksPValues.clone();
    }

    /** @return a copy of the per-coordinate KS p-values */
    @Override
    public double[] ksPValues() {
        return ksPValues.clone();
    }

    /** @return the smallest KS p-value over the coordinates */
    public double ksPValueMin() {
        return Arrays.stream(ksPValues).min().orElse(1);
    }

    /**
     * @param samples row-major sample points, d coordinates each
     * @param reference row-major reference draws, d coordinates each
     * @param d the dimension
     * @param bandwidth the Gaussian kernel's width &gt; 0
     * @return the comparison
     * @throws InvalidArgumentException for shapes that do not match d or an empty side
     */
    public static TwoSampleComparison of(double[] samples, double[] reference, int d, double bandwidth) {
        if (d < 1) {
            throw InvalidArgumentException.of("d", d, "at least 1");
        }
        if (samples.length == 0 || samples.length % d != 0) {
            throw InvalidArgumentException.of("samples", samples.length + " values", "a positive multiple of " + d);
        }
        if (reference.length == 0 || reference.length % d != 0) {
            throw InvalidArgumentException.of("reference", reference.length + " values",
                    "a positive multiple of " + d);
        }
        int count = samples.length / d;
        int used = Math.min(count, reference.length / d);
        double[] points = new double[used * d];
        for (int i = 0; i < used; i++) {
            int source = (int) ((long) i * count / used);
            System.arraycopy(samples, source * d, points, i * d, d);
        }
        double mmd2 = MaximumMeanDiscrepancy.squared(points, reference, d, bandwidth);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double[] p = new double[d];
        for (int a = 0; a < d; a++) {
            p[a] = ks.kolmogorovSmirnovTest(coordinate(points, d, a), coordinate(reference, d, a));
        }
        return new TwoSampleComparison(mmd2, p, used);
    }

    private static double[] coordinate(double[] rows, int d, int a) {
        double[] c = new double[rows.length / d];
        for (int i = 0; i < c.length; i++) {
            c[i] = rows[i * d + a];
        }
        return c;
    }
}
