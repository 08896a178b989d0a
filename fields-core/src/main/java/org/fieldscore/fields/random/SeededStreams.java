package org.fieldscore.fields.random;

import java.util.SplittableRandom;

/**
 * Independent random streams indexed by (seed, index): stream i of seed s is
 * {@code new SplittableRandom(mix(s, i))}, where mix is the SplitMix64 finaliser of s + (i + 1)·φ
 * (φ = 0x9E3779B97F4A7C15, the golden-ratio increment; G. Steele, D. Lea and C. Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014). A stream depends on (s, i) only, never on which thread uses it,
 * so chain i of a sampler or particle i of a simulation draws the same numbers on every thread count and engine.
 */
public final class SeededStreams {

    private SeededStreams() {
    }

    /**
     * @param seed the master seed
     * @param index the stream's index (a chain, a particle, a case)
     * @return the stream
     */
    public static SplittableRandom stream(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }
}
