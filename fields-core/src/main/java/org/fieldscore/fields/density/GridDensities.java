package org.fieldscore.fields.density;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;

/**
 * Densities on the cells of a grid (see {@link GridHistogram}): normalisation and distances with the uniform cell
 * weights ΔV = Π h<sub>a</sub> the histogram uses, and the distance a histogram of N draws is expected to have from
 * its density.
 */
public final class GridDensities {

    private GridDensities() {
    }

    /**
     * @param density non-negative values on a grid
     * @return the values divided by Z = Σ ρ ΔV, so that they sum to one with the histogram's weights
     * @throws InvalidArgumentException when Z is not positive and finite
     */
    public static SampledScalarField normalise(SampledScalarField density) {
        double total = 0;
        for (int i = 0; i < density.size(); i++) {
            total += density.valueAt(i);
        }
        double z = total * density.grid().cellVolume();
        if (!(z > 0) || !Double.isFinite(z)) {
            throw new InvalidArgumentException("density", z, "a total Σ ρ ΔV > 0 and finite",
                    "the density cannot be normalised on " + density.grid() + ": its total is " + z);
        }
        return density.times(1 / z);
    }

    /**
     * Total variation distance ½ Σ |p − q| ΔV.
     *
     * @param p a density
     * @param q another density on the same grid
     * @return the distance, in [0, 1] for normalised densities
     */
    public static double totalVariation(SampledScalarField p, SampledScalarField q) {
        p.grid().requireSame(q.grid());
        double s = 0;
        for (int i = 0; i < p.size(); i++) {
            s += Math.abs(p.valueAt(i) - q.valueAt(i));
        }
        return 0.5 * s * p.grid().cellVolume();
    }

    /**
     * @param p a density
     * @param q another density on the same grid
     * @return max |p − q| over the grid points
     */
    public static double maxDifference(SampledScalarField p, SampledScalarField q) {
        p.grid().requireSame(q.grid());
        double max = 0;
        for (int i = 0; i < p.size(); i++) {
            max = Math.max(max, Math.abs(p.valueAt(i) - q.valueAt(i)));
        }
        return max;
    }

    /**
     * @param p a density
     * @param q another density on the same grid
     * @return the L2 distance (Σ (p − q)² ΔV)<sup>½</sup>
     */
    public static double l2Distance(SampledScalarField p, SampledScalarField q) {
        p.grid().requireSame(q.grid());
        double s = 0;
        for (int i = 0; i < p.size(); i++) {
            double diff = p.valueAt(i) - q.valueAt(i);
            s += diff * diff;
        }
        return Math.sqrt(s * p.grid().cellVolume());
    }

    /**
     * The expected total variation between a density p on the grid's cells and the histogram of N independent
     * draws from it, ½ Σ<sub>b</sub> √(2 p<sub>b</sub>(1 − p<sub>b</sub>)/(πN)) with bin probabilities
     * p<sub>b</sub> = p·ΔV: the mean absolute deviation of a binomial count, E|X − Np| ≈ √(2Np(1 − p)/π), in the
     * normal approximation. It falls like 1/√N.
     *
     * @param density p on a grid
     * @param samples N ≥ 1
     * @return the expected distance
     */
    public static double expectedSamplingDistance(SampledScalarField density, long samples) {
        if (samples < 1) {
            throw InvalidArgumentException.of("samples", samples, "at least 1");
        }
        double volume = density.grid().cellVolume();
        double s = 0;
        for (int b = 0; b < density.size(); b++) {
            double p = Math.max(0, density.valueAt(b) * volume);
            s += Math.sqrt(2 * p * (1 - Math.min(1, p)) / (Math.PI * samples));
        }
        return 0.5 * s;
    }

    /**
     * The expected squared L2 distance Σ<sub>b</sub> (ĥ<sub>b</sub> − p<sub>b</sub>)² ΔV between a density p and the
     * histogram ĥ of N independent draws from it: Σ<sub>b</sub> π<sub>b</sub>(1 − π<sub>b</sub>)/(N ΔV) with bin
     * probabilities π<sub>b</sub> = p<sub>b</sub>ΔV (the binomial variance of each count). It adds to the squared
     * distance of a biased sampler, E‖ĥ − p‖² = ‖q − p‖² + (this) when the draws come from q near p, so
     * √(‖ĥ − p‖² − this) estimates the bias ‖q − p‖ free of the sampling error.
     *
     * @param density p on a grid
     * @param samples N ≥ 1
     * @return the expected squared distance
     */
    public static double expectedSquaredSamplingL2(SampledScalarField density, long samples) {
        if (samples < 1) {
            throw InvalidArgumentException.of("samples", samples, "at least 1");
        }
        double volume = density.grid().cellVolume();
        double s = 0;
        for (int b = 0; b < density.size(); b++) {
            double p = Math.max(0, Math.min(1, density.valueAt(b) * volume));
            s += p * (1 - p);
        }
        return s / (samples * volume);
    }
}
