package org.fieldscore.score.sample;

import java.util.SplittableRandom;

/**
 * Per-chain random streams: chain c of a run with seed s uses {@code new SplittableRandom(mix(s, c))}, where mix is
 * the SplitMix64 finaliser of s + (c + 1)·φ (φ = 0x9E3779B97F4A7C15, the golden-ratio increment). The stream depends
 * on (s, c) only, never on which thread runs the chain.
 */
public final class ChainStreams {

    private ChainStreams() {
    }

    /**
     * @param seed the master seed
     * @param chain the chain index
     * @return the chain's random stream
     */
    public static SplittableRandom forChain(long seed, long chain) {
        long z = seed + (chain + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }
}
