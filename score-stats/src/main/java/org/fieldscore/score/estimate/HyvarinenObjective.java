package org.fieldscore.score.estimate;

import java.util.Objects;

import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.score.internal.Checks;

/**
 * Hyvärinen's empirical score-matching objective (JMLR 6, 2005, eq. 4 and Thm. 2):
 * <pre>
 *   J̃(θ) = (1/T) Σ_t [ tr(∂S/∂x)(x_t; θ) + ½ ‖S(x_t; θ)‖² ],
 * </pre>
 * equal to the Fisher divergence ½E<sub>p</sub>‖S(x; θ) − S<sub>p</sub>(x)‖² up to a constant independent of θ
 * (integration by parts moves the unknown S<sub>p</sub> onto a derivative of S). The sum runs in parallel over
 * fixed blocks whose partial sums are added in order, so the value does not depend on the thread count. Holds a
 * reference to the samples (do not modify them while it is in use).
 */
public final class HyvarinenObjective implements DifferentiableObjective {

    private static final int BLOCK = 512;

    private final ParametricFamily family;
    private final double[] samples;
    private final int count;

    /**
     * @param family the model family
     * @param samples T samples, row-major (sample t at [t·d, (t+1)·d)), all finite
     */
    public HyvarinenObjective(ParametricFamily family, double[] samples) {
        this.family = Objects.requireNonNull(family, "family");
        this.count = Checks.requireSamples(samples, family.dimension());
        this.samples = samples;
    }

    /** @return T */
    public int sampleCount() {
        return count;
    }

    /** @return the family */
    public ParametricFamily family() {
        return family;
    }

    /**
     * @param theta θ
     * @return J̃(θ)
     */
    public double value(double[] theta) {
        return evaluate(theta, null);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        return evaluate(theta, gradient);
    }

    private double evaluate(double[] theta, double[] gradient) {
        int m = family.parameterCount();
        if (theta.length != m) {
            throw new IllegalArgumentException("θ must have " + m + " entries, got " + theta.length);
        }
        int d = family.dimension();
        int blocks = (count + BLOCK - 1) / BLOCK;
        double[] values = new double[blocks];
        double[][] grads = gradient == null ? null : new double[blocks][m];
        ParallelLoops.forRange(0, blocks, 1, (from, to) -> {
            double[] x = new double[d];
            for (int b = from; b < to; b++) {
                double sum = 0;
                double[] g = grads == null ? null : grads[b];
                int end = Math.min(count, (b + 1) * BLOCK);
                for (int t = b * BLOCK; t < end; t++) {
                    System.arraycopy(samples, t * d, x, 0, d);
                    sum += family.hyvarinenTerm(x, theta, g);
                }
                values[b] = sum;
            }
        });
        double total = 0;
        for (double v : values) {
            total += v;
        }
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0);
            for (double[] g : grads) {
                for (int k = 0; k < m; k++) {
                    gradient[k] += g[k];
                }
            }
            for (int k = 0; k < m; k++) {
                gradient[k] /= count;
            }
        }
        return total / count;
    }
}
