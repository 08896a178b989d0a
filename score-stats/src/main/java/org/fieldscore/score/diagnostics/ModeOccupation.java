package org.fieldscore.score.diagnostics;

import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.model.GaussianMixtureModel;

/**
 * The fraction of samples attributed to each component of a mixture, each sample going to the component with the
 * largest responsibility. For well-separated modes these fractions estimate the mixture weights; a sampler that
 * cannot cross between modes shows up as fractions set by its starting points instead.
 */
public final class ModeOccupation {

    private ModeOccupation() {
    }

    /**
     * @param samples row-major samples
     * @param mixture the mixture whose components define the modes
     * @return one fraction per component, summing to 1
     */
    public static double[] fractions(double[] samples, GaussianMixtureModel mixture) {
        int d = mixture.dimension();
        int n = Checks.requireSamples(samples, d);
        double[] counts = new double[mixture.componentCount()];
        double[] x = new double[d];
        for (int t = 0; t < n; t++) {
            System.arraycopy(samples, t * d, x, 0, d);
            counts[mixture.mostResponsibleComponent(x)]++;
        }
        for (int c = 0; c < counts.length; c++) {
            counts[c] /= n;
        }
        return counts;
    }
}
