package org.fieldscore.score.model;

import java.util.Objects;

import org.fieldscore.score.internal.Checks;

/**
 * An exponential-family model log q(x; θ) = θᵀF(x) with user-supplied statistics F. Its score is
 * S<sub>i</sub> = Σ<sub>j</sub> θ<sub>j</sub> ∂F<sub>j</sub>/∂x<sub>i</sub> and tr(∂S/∂x) = Σ<sub>j</sub> θ<sub>j</sub>
 * Σ<sub>i</sub> ∂²F<sub>j</sub>/∂x<sub>i</sub>². Immutable; thread-safe when the statistics are.
 */
public final class ExponentialFamilyModel implements UnnormalizedModel {

    private final SufficientStatistics statistics;
    private final double[] theta;
    private final ThreadLocal<double[][]> buffers;

    /**
     * @param statistics F with its derivatives
     * @param theta θ, one entry per statistic
     */
    public ExponentialFamilyModel(SufficientStatistics statistics, double[] theta) {
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        if (theta.length != statistics.count()) {
            throw new IllegalArgumentException("the family has " + statistics.count() + " statistics, got θ of length "
                    + theta.length);
        }
        Checks.requireFinite(theta, "theta");
        this.theta = theta.clone();
        int m = statistics.count();
        int d = statistics.dimension();
        buffers = ThreadLocal.withInitial(() -> new double[][] {new double[m], new double[m * d], new double[m * d]});
    }

    /** @return θ (a copy) */
    public double[] theta() {
        return theta.clone();
    }

    /** @return the statistics F */
    public SufficientStatistics statistics() {
        return statistics;
    }

    @Override
    public int dimension() {
        return statistics.dimension();
    }

    /** @return F, K, H at x in this thread's buffers */
    private double[][] evaluate(double[] x) {
        double[][] p = buffers.get();
        statistics.evaluate(x, p[0], p[1], p[2]);
        return p;
    }

    @Override
    public double logDensity(double[] x) {
        double[][] p = evaluate(x);
        double v = 0;
        for (int j = 0; j < theta.length; j++) {
            v += theta[j] * p[0][j];
        }
        return v;
    }

    @Override
    public void score(double[] x, double[] out) {
        double[][] p = evaluate(x);
        int d = dimension();
        for (int i = 0; i < d; i++) {
            double v = 0;
            for (int j = 0; j < theta.length; j++) {
                v += theta[j] * p[1][j * d + i];
            }
            out[i] = v;
        }
    }

    @Override
    public double scoreDivergence(double[] x) {
        double[][] p = evaluate(x);
        int d = dimension();
        double v = 0;
        for (int j = 0; j < theta.length; j++) {
            for (int i = 0; i < d; i++) {
                v += theta[j] * p[2][j * d + i];
            }
        }
        return v;
    }
}
