package org.fieldscore.score.sample;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The states kept by a sampling run, in one flat chain-major array: coordinate i of draw k of chain c is at
 * [(c·draws + k)·d + i], so the array is also a row-major sample matrix of chains·draws rows. Also holds the
 * acceptance counts and the recorded full paths. Immutable (accessors copy); serialisable, so slices of an
 * ensemble run on other machines can be sent back and {@linkplain #concatenate concatenated}.
 */
public final class ChainSamples implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int dimension;
    private final int chains;
    private final int draws;
    private final double[] values;
    private final long[] accepted;
    private final long stepsPerChain;
    private final double[][] trajectories;

    ChainSamples(int dimension, int chains, int draws, double[] values, long[] accepted, long stepsPerChain,
            double[][] trajectories) {
        this.dimension = dimension;
        this.chains = chains;
        this.draws = draws;
        this.values = values;
        this.accepted = accepted;
        this.stepsPerChain = stepsPerChain;
        this.trajectories = trajectories;
    }

    /**
     * Joins slices of one ensemble (chains 0 … a − 1, a … b − 1, …, in order) into the samples of the whole
     * ensemble: values, acceptance counts and recorded paths are those of one run over all chains.
     *
     * @param slices the slices in chain order, each with the same dimension, draws and steps per chain
     * @return the whole ensemble
     * @throws IllegalArgumentException when the slices do not fit together
     */
    public static ChainSamples concatenate(List<ChainSamples> slices) {
        if (slices.isEmpty()) {
            throw new IllegalArgumentException("no slices to concatenate");
        }
        ChainSamples first = slices.get(0);
        long chains = 0;
        for (ChainSamples s : slices) {
            if (s.dimension != first.dimension || s.draws != first.draws || s.stepsPerChain != first.stepsPerChain) {
                throw new IllegalArgumentException("slices of one ensemble share dimension, draws and steps; got "
                        + s.dimension + "/" + s.draws + "/" + s.stepsPerChain + " and " + first.dimension + "/"
                        + first.draws + "/" + first.stepsPerChain);
            }
            chains += s.chains;
        }
        if (chains * first.draws * first.dimension > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(chains + " chains × " + first.draws + " draws exceed one array");
        }
        double[] values = new double[(int) chains * first.draws * first.dimension];
        long[] accepted = new long[(int) chains];
        List<double[]> paths = new ArrayList<>();
        int at = 0;
        int chain = 0;
        for (ChainSamples s : slices) {
            System.arraycopy(s.values, 0, values, at, s.values.length);
            System.arraycopy(s.accepted, 0, accepted, chain, s.chains);
            if (s.trajectories.length > 0 && paths.size() != chain) {
                throw new IllegalArgumentException("recorded paths must be those of the ensemble's first chains");
            }
            paths.addAll(List.of(s.trajectories));
            at += s.values.length;
            chain += s.chains;
        }
        return new ChainSamples(first.dimension, (int) chains, first.draws, values, accepted, first.stepsPerChain,
                paths.toArray(double[][]::new));
    }

    /** @return d */
    public int dimension() {
        return dimension;
    }

    /** @return number of chains */
    public int chains() {
        return chains;
    }

    /** @return kept states per chain */
    public int drawsPerChain() {
        return draws;
    }

    /** @return chains · draws */
    public int size() {
        return chains * draws;
    }

    /**
     * @param chain chain
     * @param draw kept state
     * @param coordinate coordinate
     * @return that value
     */
    public double value(int chain, int draw, int coordinate) {
        return values[(chain * draws + draw) * dimension + coordinate];
    }

    /** @return all kept states, chain-major, as a row-major sample matrix (a copy) */
    public double[] copyValues() {
        return values.clone();
    }

    /**
     * @param coordinate i
     * @return coordinate i of every kept state, chain-major
     */
    public double[] marginal(int coordinate) {
        checkCoordinate(coordinate);
        double[] out = new double[chains * draws];
        for (int s = 0; s < out.length; s++) {
            out[s] = values[s * dimension + coordinate];
        }
        return out;
    }

    /**
     * @param coordinate i
     * @return coordinate i as [chain][draw], the layout of the ESS and R̂ diagnostics
     */
    public double[][] perChain(int coordinate) {
        checkCoordinate(coordinate);
        double[][] out = new double[chains][draws];
        for (int c = 0; c < chains; c++) {
            for (int k = 0; k < draws; k++) {
                out[c][k] = values[(c * draws + k) * dimension + coordinate];
            }
        }
        return out;
    }

    private void checkCoordinate(int coordinate) {
        if (coordinate < 0 || coordinate >= dimension) {
            throw new IllegalArgumentException("coordinate " + coordinate + " does not exist; valid are 0 to "
                    + (dimension - 1));
        }
    }

    /** @return the fraction of accepted proposals over all chains and steps (1 for unadjusted Langevin) */
    public double acceptanceRate() {
        return acceptedProposals() / ((double) stepsPerChain * chains);
    }

    /** @return accepted proposals summed over the chains */
    long acceptedProposals() {
        long sum = 0;
        for (long a : accepted) {
            sum += a;
        }
        return sum;
    }

    /** @return steps (proposals) per chain, burn-in included */
    long stepsPerChain() {
        return stepsPerChain;
    }

    /**
     * @param chain a chain
     * @return its acceptance rate
     */
    public double acceptanceRate(int chain) {
        return accepted[chain] / (double) stepsPerChain;
    }

    /** @return the number of chains whose full path was recorded */
    public int recordedChains() {
        return trajectories.length;
    }

    /**
     * @param chain a recorded chain (below {@link #recordedChains()})
     * @return its path: the start and the state after every step, row-major ((steps + 1) × d)
     */
    public double[] trajectory(int chain) {
        if (chain < 0 || chain >= trajectories.length) {
            throw new IllegalArgumentException("chain " + chain + " was not recorded; recorded chains are 0 to "
                    + (trajectories.length - 1) + " (see ChainSettings.recordedChains)");
        }
        return trajectories[chain].clone();
    }
}
