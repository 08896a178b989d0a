package org.fieldscore.score.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.density.GridDensities;
import org.fieldscore.fields.density.GridHistogram;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.diagnostics.EffectiveSampleSize;
import org.fieldscore.score.model.ScoreModel;
import org.fieldscore.score.model.UnnormalizedModel;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.ChainSettings;
import org.fieldscore.score.sample.ChainStart;
import org.fieldscore.score.sample.MetropolisAdjustedLangevin;
import org.fieldscore.score.sample.UnadjustedLangevin;

/**
 * Bridge: Langevin chains against the density they should follow. Chains moving by the essay's update
 * x ← x + (ε/2)S(x) + √ε z are the Euler–Maruyama steps of dX = ½S dt + dW with time step ε, so after k steps
 * (time t = kε) their law approaches the solution at t of the Fokker–Planck equation
 * ∂p/∂t = −∇·(½S p) + ½∇²p started from the chains' start density, whose stationary state is q/Z. The densities to
 * compare with are fields on a grid (for example solved by {@code org.fieldscore.pde.fokkerplanck} with drift ½S,
 * D = ½): the meeting point of the two halves is the shared field type, so this class needs no PDE type.
 *
 * <p>At each snapshot the chains' {@link GridHistogram} is compared with the density in total variation and in
 * units of the distance N independent draws are expected to have ({@link GridDensities#expectedSamplingDistance});
 * a ratio near 1 means agreement within sampling error. Unadjusted Langevin's law differs from the continuous-time
 * density by O(ε) (for N(0, σ²) its stationary variance is σ²/(1 − ε/(4σ²))), so its ratio grows with ε while
 * MALA's stationary law is exact. Chain c uses the seeded stream c, so results do not depend on the thread count.
 * Immutable.
 */
public final class LangevinVsDensity {

    /** The chains' update. */
    public enum Sampler {
        /** Unadjusted Langevin (Euler–Maruyama). */
        ULA,
        /** Metropolis-adjusted Langevin (needs log q). */
        MALA
    }

    private final ScoreModel model;
    private final Sampler sampler;
    private final double epsilon;

    /**
     * @param model the target's score (MALA needs an {@link UnnormalizedModel})
     * @param sampler ULA or MALA
     * @param epsilon the step ε &gt; 0, also the time step of the chains (below the model's ULA bound when known)
     * @throws InvalidArgumentException when ε is not valid or MALA gets a model without log q
     */
    public LangevinVsDensity(ScoreModel model, Sampler sampler, double epsilon) {
        this.model = Objects.requireNonNull(model, "model");
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw InvalidArgumentException.of("epsilon", epsilon, "finite and > 0");
        }
        if (sampler == Sampler.MALA && !(model instanceof UnnormalizedModel)) {
            throw new InvalidArgumentException("model", model, "a model with log q",
                    "MALA needs log q for its acceptance step; this model has a score only: use ULA");
        }
        if (sampler == Sampler.ULA) {
            UnadjustedLangevin.requireStable(epsilon, model.langevinStepBound());
        }
        this.epsilon = epsilon;
    }

    /**
     * Runs N chains from the start and compares them with the densities at the times m·interval, m = 1 … M.
     *
     * @param start the start (its density is the Fokker–Planck initial condition)
     * @param chains N
     * @param seed the chains' seed
     * @param interval time between snapshots; a whole number of steps ε (to 10⁻⁹ relatively)
     * @param densities the densities at the M snapshot times, on one space grid of the model's dimension
     * @param listener progress
     * @return one comparison per snapshot, and the chain states
     */
    public Run compare(ChainStart start, int chains, long seed, double interval, List<SampledScalarField> densities,
            ProgressListener listener) {
        if (densities.isEmpty()) {
            throw InvalidArgumentException.of("densities", "none", "at least one snapshot density");
        }
        int steps = stepsFor(interval);
        int d = model.dimension();
        for (SampledScalarField p : densities) {
            p.grid().requireSame(densities.get(0).grid());
        }
        if (densities.get(0).grid().spaceDimension() != d) {
            throw new InvalidArgumentException("densities", densities.get(0).grid(), "a " + d + "-D grid",
                    "the model is " + d + "-D, the densities are on " + densities.get(0).grid());
        }
        ChainSettings settings = new ChainSettings(chains, 0, densities.size(), steps, seed, 0,
                ChainSettings.DEFAULT_DIVERGENCE_RADIUS);
        ChainSamples samples = run(settings, start, listener);
        List<Snapshot> result = new ArrayList<>();
        double[] positions = new double[chains * d];
        for (int m = 0; m < densities.size(); m++) {
            double[] mean = new double[d];
            for (int c = 0; c < chains; c++) {
                for (int i = 0; i < d; i++) {
                    double v = samples.value(c, m, i);
                    positions[c * d + i] = v;
                    mean[i] += v / chains;
                }
            }
            SampledScalarField p = densities.get(m);
            GridHistogram.Estimate histogram = GridHistogram.of(p.grid(), positions);
            double l2 = GridDensities.l2Distance(histogram.density(), p);
            double noise = GridDensities.expectedSquaredSamplingL2(p, chains);
            result.add(new Snapshot((m + 1) * steps * epsilon, histogram.density(), p,
                    GridDensities.totalVariation(histogram.density(), p),
                    GridDensities.expectedSamplingDistance(p, chains), Math.sqrt(Math.max(0, l2 * l2 - noise)),
                    histogram.outsideFraction(), mean));
        }
        return new Run(result, samples);
    }

    /**
     * The chains' integrated autocorrelation time of one coordinate in time units, τ·thin·ε with τ = m·n/ESS
     * ({@link EffectiveSampleSize}) from draws after a burn-in. For an observable that is the slowest mode of the
     * Fokker–Planck operator the autocorrelation is e<sup>−λ₁t</sup> and this time is 2/λ₁; other observables mix
     * in faster modes and give less.
     *
     * @param start the start
     * @param chains chains (≥ 2)
     * @param burnIn steps discarded
     * @param draws draws kept per chain
     * @param thin steps between draws
     * @param seed the seed
     * @param coordinate which coordinate
     * @param listener progress
     * @return the integrated autocorrelation time in units of t
     */
    public double integratedAutocorrelationTime(ChainStart start, int chains, int burnIn, int draws, int thin,
            long seed, int coordinate, ProgressListener listener) {
        ChainSamples samples = run(new ChainSettings(chains, burnIn, draws, thin, seed, 0,
                ChainSettings.DEFAULT_DIVERGENCE_RADIUS), start, listener);
        double ess = EffectiveSampleSize.of(samples.perChain(coordinate));
        return (double) chains * draws / ess * thin * epsilon;
    }

    /**
     * The relaxation rate of the chains' mean of one coordinate: the least-squares slope of −log|m(t) − m<sub>∞</sub>|
     * against t over the snapshots where |m(t) − m<sub>∞</sub>| exceeds {@code floor} (the sampling noise of a mean of
     * N chains is about σ/√N; use several times that). At late times the mean decays like e<sup>−λ₁t</sup> when the
     * start is not symmetric under the slowest mode.
     *
     * @param snapshots the comparisons of {@link #compare}
     * @param coordinate which coordinate
     * @param stationaryMean m<sub>∞</sub>
     * @param floor the smallest |m − m<sub>∞</sub>| used
     * @return the rate, or NaN when fewer than three snapshots lie above the floor
     */
    public static double meanRelaxationRate(List<Snapshot> snapshots, int coordinate, double stationaryMean,
            double floor) {
        double[] times = new double[snapshots.size()];
        double[] gaps = new double[snapshots.size()];
        for (int k = 0; k < times.length; k++) {
            times[k] = snapshots.get(k).time();
            gaps[k] = Math.abs(snapshots.get(k).mean()[coordinate] - stationaryMean);
        }
        return relaxationRate(times, gaps, floor);
    }

    /**
     * The least-squares slope of −log g(t) against t over the points where g exceeds the floor: the rate of an
     * exponential decay g ∝ e<sup>−λt</sup>.
     *
     * @param times the times
     * @param gaps g(t) ≥ 0 (for example |m(t) − m<sub>∞</sub>|)
     * @param floor the smallest g used
     * @return λ, or NaN when fewer than three points lie above the floor
     */
    public static double relaxationRate(double[] times, double[] gaps, double floor) {
        double st = 0;
        double sy = 0;
        double stt = 0;
        double sty = 0;
        int k = 0;
        for (int i = 0; i < times.length; i++) {
            if (gaps[i] > floor) {
                double y = Math.log(gaps[i]);
                st += times[i];
                sy += y;
                stt += times[i] * times[i];
                sty += times[i] * y;
                k++;
            }
        }
        if (k < 3) {
            return Double.NaN;
        }
        return -(k * sty - st * sy) / (k * stt - st * st);
    }

    private int stepsFor(double interval) {
        if (!(interval > 0) || !Double.isFinite(interval)) {
            throw InvalidArgumentException.of("interval", interval, "finite and > 0");
        }
        long steps = Math.round(interval / epsilon);
        if (steps < 1 || Math.abs(steps * epsilon - interval) > 1e-9 * interval || steps > Integer.MAX_VALUE / 2) {
            throw new InvalidArgumentException("interval", interval, "a whole multiple of epsilon = " + epsilon,
                    "the snapshot interval " + interval + " is not a whole number of Langevin steps " + epsilon);
        }
        return (int) steps;
    }

    private ChainSamples run(ChainSettings settings, ChainStart start, ProgressListener listener) {
        return sampler == Sampler.ULA
                ? new UnadjustedLangevin(model, epsilon).run(settings, start, listener)
                : new MetropolisAdjustedLangevin((UnnormalizedModel) model, epsilon).run(settings, start, listener);
    }

    /** @return ε */
    public double epsilon() {
        return epsilon;
    }

    /**
     * The chains and the density at one time.
     *
     * @param time t = steps·ε
     * @param histogram the chains' histogram density on the density's grid
     * @param density the density compared with
     * @param distance total variation between them
     * @param expectedDistance the distance N independent draws from the density are expected to have
     * @param bias √max(0, ‖ĥ − p‖₂² − E‖ĥ − p‖₂²): the L2 distance between the chains' law and the density with the
     *     expected sampling part removed ({@link GridDensities#expectedSquaredSamplingL2}); about 0 when they agree
     *     (it fluctuates by about the sampling L2 distance over √(number of bins)), and O(ε) for ULA's bias
     * @param outsideFraction the fraction of chains outside the grid's cells
     * @param mean the chains' mean position
     */
    public record Snapshot(double time, SampledScalarField histogram, SampledScalarField density, double distance,
            double expectedDistance, double bias, double outsideFraction, double[] mean) {

        /** @return distance / expectedDistance: about 1 when the chains follow the density */
        public double ratio() {
            return distance / expectedDistance;
        }
    }

    /**
     * @param snapshots one comparison per snapshot time
     * @param samples the chains' states at the snapshot times
     */
    public record Run(List<Snapshot> snapshots, ChainSamples samples) {
    }
}
