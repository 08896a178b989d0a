package org.fieldscore.score.sample;

/**
 * How many chains to run and what to keep: each chain takes {@code burnIn} steps, then {@code draws} × {@code thin}
 * steps keeping every {@code thin}-th state. The full path (every step, burn-in included) of the first
 * {@code recordedChains} chains is recorded for plots. Chain c draws its random numbers from a stream seeded by
 * (seed, c) only, so the samples do not depend on the thread count. A chain whose squared norm exceeds
 * {@code divergenceRadius²}, or becomes NaN/∞, stops the run with a {@link SamplerDivergenceException}.
 *
 * @param chains number of independent chains, ≥ 1
 * @param burnIn steps discarded first, ≥ 0
 * @param draws states kept per chain, ≥ 1
 * @param thin steps between kept states, ≥ 1
 * @param seed the master seed
 * @param recordedChains chains whose full path is kept, 0 … chains
 * @param divergenceRadius the norm beyond which a chain counts as diverged, &gt; 0
 */
public record ChainSettings(int chains, int burnIn, int draws, int thin, long seed, int recordedChains,
        double divergenceRadius) {

    /** The default divergence radius, 1e8: far beyond any sensible target, well below overflow. */
    public static final double DEFAULT_DIVERGENCE_RADIUS = 1e8;

    /** Checks the settings. */
    public ChainSettings {
        if (chains < 1) {
            throw new IllegalArgumentException("chains must be at least 1, got " + chains);
        }
        if (burnIn < 0) {
            throw new IllegalArgumentException("burnIn must be ≥ 0, got " + burnIn);
        }
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be at least 1, got " + draws);
        }
        if (thin < 1) {
            throw new IllegalArgumentException("thin must be at least 1, got " + thin);
        }
        if (recordedChains < 0 || recordedChains > chains) {
            throw new IllegalArgumentException("recordedChains must be in [0, " + chains + "], got " + recordedChains);
        }
        if (!(divergenceRadius > 0)) {
            throw new IllegalArgumentException("divergenceRadius must be positive, got " + divergenceRadius);
        }
    }

    /**
     * @param chains chains
     * @param burnIn burn-in steps
     * @param draws kept states per chain
     * @param seed seed
     * @return settings with thinning 1, no recorded paths, the default divergence radius
     */
    public static ChainSettings of(int chains, int burnIn, int draws, long seed) {
        return new ChainSettings(chains, burnIn, draws, 1, seed, 0, DEFAULT_DIVERGENCE_RADIUS);
    }

    /**
     * @param t thinning
     * @return these settings with thinning t
     */
    public ChainSettings withThin(int t) {
        return new ChainSettings(chains, burnIn, draws, t, seed, recordedChains, divergenceRadius);
    }

    /**
     * @param n chains to record
     * @return these settings recording the full path of the first n chains
     */
    public ChainSettings withRecordedChains(int n) {
        return new ChainSettings(chains, burnIn, draws, thin, seed, n, divergenceRadius);
    }

    /**
     * @param r radius
     * @return these settings with divergence radius r
     */
    public ChainSettings withDivergenceRadius(double r) {
        return new ChainSettings(chains, burnIn, draws, thin, seed, recordedChains, r);
    }

    /** @return steps per chain, burnIn + draws·thin */
    public long stepsPerChain() {
        return burnIn + (long) draws * thin;
    }
}
