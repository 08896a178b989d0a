package org.fieldscore.score.bridge;

import java.util.Objects;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.density.GridDensities;
import org.fieldscore.fields.density.GridHistogram;
import org.fieldscore.fields.ops.FiniteDifferences;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.model.BoltzmannModel;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.ChainSettings;
import org.fieldscore.score.sample.ChainStart;
import org.fieldscore.score.sample.UnadjustedLangevin;

/**
 * Bridge: Boltzmann sampling in a solved potential. A potential φ (typically the solution of ∇²φ = gρ) defines the
 * Boltzmann density p(x) = exp(−φ(x)/T)/Z, whose score is S = −∇φ/T: the negative field strength divided by the
 * temperature. Langevin chains driven by the {@link BoltzmannModel} of the solved field (its second-order
 * finite-difference gradient, interpolated multilinearly) sample p; their {@link GridHistogram} is compared with
 * exp(−φ/T)/Z evaluated on the grid, Z by the histogram's own cell weights.
 *
 * <p>The chains use the essay's unadjusted Langevin update x ← x + (ε/2)S(x) + √ε z, whose stationary law differs
 * from p by O(ε); the grid's finite differences add O(h²). Immutable.
 */
public final class BoltzmannSampling {

    private final double temperature;
    private final double stepSize;

    /**
     * @param temperature T &gt; 0, in the potential's units
     * @param stepSize Langevin step ε &gt; 0
     * @throws InvalidArgumentException naming the bad argument
     */
    public BoltzmannSampling(double temperature, double stepSize) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw InvalidArgumentException.of("temperature", temperature, "finite and > 0");
        }
        if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
            throw InvalidArgumentException.of("stepSize", stepSize, "finite and > 0");
        }
        this.temperature = temperature;
        this.stepSize = stepSize;
    }

    /**
     * @param potential φ on a space grid
     * @return the Boltzmann model exp(−φ/T) with second-order differences, whose score is S = −∇φ/T
     */
    public BoltzmannModel model(SampledScalarField potential) {
        return new BoltzmannModel(potential, temperature, FiniteDifferences.order(2));
    }

    /**
     * @param potential φ on a space grid
     * @return exp(−φ/T)/Z on the grid
     */
    public SampledScalarField boltzmannDensity(SampledScalarField potential) {
        double min = potential.min();
        return GridDensities.normalise(potential.map(v -> Math.exp(-(v - min) / temperature)));
    }

    /**
     * Samples the Boltzmann density with Langevin chains and compares their histogram with it.
     *
     * @param potential φ on a space grid; exp(−φ/T) must be confined well inside the grid
     * @param settings chains, burn-in, draws, seed
     * @param start where chains start (inside the grid)
     * @param listener progress
     * @return the comparison
     * @throws IllegalArgumentException when a chain leaves the grid, with what to change
     */
    public Result sample(SampledScalarField potential, ChainSettings settings, ChainStart start,
            ProgressListener listener) {
        Objects.requireNonNull(potential, "potential");
        ChainSamples samples;
        try {
            samples = new UnadjustedLangevin(model(potential), stepSize).run(settings, start, listener);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a Langevin chain left the potential's grid " + potential.grid()
                    + "; the Boltzmann density exp(-phi/T) must be confined inside it (lower the temperature, add a "
                    + "confining term to the potential or enlarge the grid): " + e.getMessage(), e);
        }
        SampledScalarField target = boltzmannDensity(potential);
        GridHistogram.Estimate histogram = GridHistogram.of(potential.grid(), samples.copyValues());
        double tv = GridDensities.totalVariation(histogram.density(), target);
        return new Result(target, histogram.density(), tv, histogram.outsideFraction(), samples);
    }

    /**
     * The outcome of a Boltzmann sampling run.
     *
     * @param target exp(−φ/T)/Z on the grid
     * @param histogram the chains' histogram density on the same grid
     * @param totalVariation ½ Σ |histogram − target| ΔV
     * @param outsideFraction fraction of draws outside the grid's cells
     * @param samples the draws
     */
    public record Result(SampledScalarField target, SampledScalarField histogram, double totalVariation,
            double outsideFraction, ChainSamples samples) {
    }
}
