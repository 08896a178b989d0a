package org.fieldscore.score.sample;

import java.util.SplittableRandom;

/**
 * Where chain c starts. Implementations draw only from the chain's own stream, so starts are reproducible.
 */
@FunctionalInterface
public interface ChainStart {

    /**
     * @param chain the chain index
     * @param random the chain's stream
     * @param x receives the starting point
     */
    void initialize(int chain, SplittableRandom random, double[] x);

    /**
     * @param point the common starting point
     * @return every chain starts there
     */
    static ChainStart at(double... point) {
        double[] p = point.clone();
        return (c, r, x) -> {
            if (x.length != p.length) {
                throw new IllegalArgumentException("start point has " + p.length + " coordinates, the model "
                        + x.length);
            }
            System.arraycopy(p, 0, x, 0, p.length);
        };
    }

    /**
     * @param lower lower corner coordinate (every axis)
     * @param upper upper corner coordinate (every axis)
     * @return starts uniform in the cube [lower, upper]<sup>d</sup>
     */
    static ChainStart uniform(double lower, double upper) {
        if (!(upper > lower)) {
            throw new IllegalArgumentException("uniform start needs lower < upper, got [" + lower + ", " + upper + "]");
        }
        return (c, r, x) -> {
            for (int i = 0; i < x.length; i++) {
                x[i] = lower + (upper - lower) * r.nextDouble();
            }
        };
    }

    /**
     * @param sd standard deviation
     * @return starts N(0, sd²I)
     */
    static ChainStart gaussian(double sd) {
        return (c, r, x) -> {
            for (int i = 0; i < x.length; i++) {
                x[i] = sd * r.nextGaussian();
            }
        };
    }

    /**
     * @param mean the centre μ (one coordinate per dimension)
     * @param sd standard deviation
     * @return starts N(μ, sd²I)
     */
    static ChainStart gaussian(double[] mean, double sd) {
        double[] m = mean.clone();
        return (c, r, x) -> {
            if (x.length != m.length) {
                throw new IllegalArgumentException("start mean has " + m.length + " coordinates, the model "
                        + x.length);
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = m[i] + sd * r.nextGaussian();
            }
        };
    }
}
