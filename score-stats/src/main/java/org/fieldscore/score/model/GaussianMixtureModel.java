package org.fieldscore.score.model;

import java.util.SplittableRandom;

import org.hipparchus.CalculusFieldElement;

import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;

import org.fieldscore.score.internal.Checks;

/**
 * A Gaussian mixture p(x) = Σ<sub>k</sub> w<sub>k</sub> N(x; μ<sub>k</sub>, Σ<sub>k</sub>). With responsibilities
 * r<sub>k</sub>(x) = w<sub>k</sub>N<sub>k</sub>(x)/p(x) and component scores s<sub>k</sub> = −P<sub>k</sub>(x − μ<sub>k</sub>),
 * P<sub>k</sub> = Σ<sub>k</sub>⁻¹:
 * <pre>
 *   S(x) = Σ r_k s_k,     tr(∂S/∂x) = Σ r_k (‖s_k‖² − tr P_k) − ‖S‖²
 * </pre>
 * (differentiate r<sub>k</sub>s<sub>k</sub>, using ∂r<sub>k</sub>/∂x = r<sub>k</sub>(s<sub>k</sub> − S)). log q is the
 * normalised log-density minus (d/2) log 2π, evaluated with log-sum-exp. Immutable and thread-safe.
 */
public final class GaussianMixtureModel implements UnnormalizedModel, ExactSampler, NoiseConditionalScore {

    private final int d;
    private final int k;
    private final double[] logWeights;
    private final double[] weights;
    private final double[] means;
    private final double[] precisions;
    private final double[] traces;
    private final double[] halfLogDets;
    private final double[][][] choleskyCovariances;
    private final ThreadLocal<double[]> scratch;

    /**
     * @param weights mixture weights, positive (normalised here to sum 1)
     * @param means μ<sub>k</sub>, one row per component
     * @param covariances Σ<sub>k</sub>, symmetric positive definite
     */
    public GaussianMixtureModel(double[] weights, double[][] means, double[][][] covariances) {
        k = weights.length;
        if (k < 1 || means.length != k || covariances.length != k) {
            throw new IllegalArgumentException("a mixture needs matching numbers of weights, means and covariances,"
                    + " got " + weights.length + ", " + means.length + " and " + covariances.length);
        }
        d = means[0].length;
        Checks.requirePositive(d, "dimension of the means");
        double total = 0;
        for (int c = 0; c < k; c++) {
            Checks.requirePositive(weights[c], "weights[" + c + "]");
            total += weights[c];
        }
        this.weights = new double[k];
        logWeights = new double[k];
        this.means = new double[k * d];
        precisions = new double[k * d * d];
        traces = new double[k];
        halfLogDets = new double[k];
        choleskyCovariances = new double[k][][];
        for (int c = 0; c < k; c++) {
            this.weights[c] = weights[c] / total;
            logWeights[c] = Math.log(this.weights[c]);
            if (means[c].length != d) {
                throw new IllegalArgumentException("means[" + c + "] has " + means[c].length + " entries, expected "
                        + d);
            }
            Checks.requireFinite(means[c], "means[" + c + "]");
            System.arraycopy(means[c], 0, this.means, c * d, d);
            Checks.requireSquare(covariances[c], d, "covariances[" + c + "]");
            PositiveDefiniteMatrices.require(covariances[c], "covariances[" + c + "]");
            CholeskyDecomposition chol;
            try {
                chol = new CholeskyDecomposition(MatrixUtils.createRealMatrix(covariances[c]), 1e-12, 0);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("covariances[" + c + "] is not symmetric positive definite: "
                        + e.getMessage(), e);
            }
            choleskyCovariances[c] = chol.getL().getData();
            halfLogDets[c] = 0.5 * Math.log(chol.getDeterminant());
            double[][] p = chol.getSolver().getInverse().getData();
            for (int i = 0; i < d; i++) {
                System.arraycopy(p[i], 0, precisions, (c * d + i) * d, d);
                traces[c] += p[i][i];
            }
        }
        scratch = ThreadLocal.withInitial(() -> new double[k * (d + 1)]);
    }

    /** @return the number of components */
    public int componentCount() {
        return k;
    }

    /** @return the normalised weights */
    public double[] weights() {
        return weights.clone();
    }

    /** @return the component means, one row each */
    public double[][] means() {
        double[][] m = new double[k][d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(means, c * d, m[c], 0, d);
        }
        return m;
    }

    /** @return the component covariances */
    public double[][][] covariances() {
        double[][][] cov = new double[k][][];
        for (int c = 0; c < k; c++) {
            cov[c] = MatrixUtils.createRealMatrix(choleskyCovariances[c])
                    .multiplyTransposed(MatrixUtils.createRealMatrix(choleskyCovariances[c])).getData();
        }
        return cov;
    }

    /**
     * The mixture convolved with N(0, σ²I), i.e. the law of x + σz: every covariance grows by σ²I. This is the exact
     * noise-conditional score used by annealed Langevin dynamics.
     *
     * @param sigma σ ≥ 0
     * @return the perturbed mixture
     */
    public GaussianMixtureModel withNoise(double sigma) {
        Checks.requireNonNegative(sigma, "sigma");
        double[][][] cov = covariances();
        for (double[][] c : cov) {
            for (int i = 0; i < d; i++) {
                c[i][i] += sigma * sigma;
            }
        }
        return new GaussianMixtureModel(weights, means(), cov);
    }

    /**
     * The law of m·x: means mμ<sub>k</sub> and covariances m²Σ<sub>k</sub>. With {@link #withNoise} it gives the
     * marginals of a score SDE, p<sub>t</sub> = law of m(t)x + s(t)z.
     *
     * @param m the scale, &gt; 0
     * @return the scaled mixture
     */
    public GaussianMixtureModel scaled(double m) {
        Checks.requirePositive(m, "m");
        double[][] mu = means();
        double[][][] cov = covariances();
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < d; i++) {
                mu[c][i] *= m;
                for (int j = 0; j < d; j++) {
                    cov[c][i][j] *= m * m;
                }
            }
        }
        return new GaussianMixtureModel(weights, mu, cov);
    }

    /**
     * @param x a point
     * @return the normalised log-density log p(x) = {@link #logDensity}(x) − (d/2) log 2π
     */
    public double normalizedLogDensity(double[] x) {
        return logDensity(x) - 0.5 * d * Math.log(2 * Math.PI);
    }

    /** @return {@link #withNoise}(σ): the score of this model blurred by N(0, σ²I) */
    @Override
    public GaussianMixtureModel atNoise(double sigma) {
        return withNoise(sigma);
    }

    @Override
    public int dimension() {
        return d;
    }

    /** Fills log-terms a_c = log w_c − ½log|Σ_c| − ½δᵀP_cδ into s[K·d + c] and s_c into s[c·d …]; returns max a. */
    private double components(double[] x, double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double quad = 0;
            int mo = c * d;
            int po = c * d * d;
            for (int i = 0; i < d; i++) {
                double row = 0;
                for (int j = 0; j < d; j++) {
                    row += precisions[po + i * d + j] * (x[j] - means[mo + j]);
                }
                s[mo + i] = -row;
                quad += (x[i] - means[mo + i]) * row;
            }
            double a = logWeights[c] - halfLogDets[c] - 0.5 * quad;
            s[k * d + c] = a;
            max = Math.max(max, a);
        }
        return max;
    }

    /** Turns the log-terms into responsibilities in place; returns log Σ exp a. */
    private double responsibilities(double[] s, double max) {
        double sum = 0;
        for (int c = 0; c < k; c++) {
            double e = Math.exp(s[k * d + c] - max);
            s[k * d + c] = e;
            sum += e;
        }
        for (int c = 0; c < k; c++) {
            s[k * d + c] /= sum;
        }
        return max + Math.log(sum);
    }

    @Override
    public double logDensity(double[] x) {
        double[] s = scratch.get();
        return responsibilities(s, components(x, s));
    }

    @Override
    public void score(double[] x, double[] out) {
        double[] s = scratch.get();
        responsibilities(s, components(x, s));
        for (int i = 0; i < d; i++) {
            double v = 0;
            for (int c = 0; c < k; c++) {
                v += s[k * d + c] * s[c * d + i];
            }
            out[i] = v;
        }
    }

    @Override
    public double scoreDivergence(double[] x) {
        double[] s = scratch.get();
        responsibilities(s, components(x, s));
        double div = 0;
        double scoreNorm = 0;
        for (int i = 0; i < d; i++) {
            double v = 0;
            for (int c = 0; c < k; c++) {
                v += s[k * d + c] * s[c * d + i];
            }
            scoreNorm += v * v;
        }
        for (int c = 0; c < k; c++) {
            double n2 = 0;
            for (int i = 0; i < d; i++) {
                n2 += s[c * d + i] * s[c * d + i];
            }
            div += s[k * d + c] * (n2 - traces[c]);
        }
        return div - scoreNorm;
    }

    /**
     * @param x a point
     * @return the index of the component with the largest responsibility at x
     */
    public int mostResponsibleComponent(double[] x) {
        double[] s = scratch.get();
        components(x, s);
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (s[k * d + c] > s[k * d + best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Exact draws: a component by its weight, then μ + Lz.
     *
     * @param n number of draws
     * @param seed random seed
     * @return n draws, row-major
     */
    @Override
    public double[] draw(int n, long seed) {
        Checks.requirePositive(n, "n");
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n * d];
        double[] z = new double[d];
        for (int t = 0; t < n; t++) {
            double u = random.nextDouble();
            int c = 0;
            double cum = weights[0];
            while (u >= cum && c < k - 1) {
                cum += weights[++c];
            }
            for (int i = 0; i < d; i++) {
                z[i] = random.nextGaussian();
            }
            double[][] l = choleskyCovariances[c];
            for (int i = 0; i < d; i++) {
                double v = means[c * d + i];
                for (int j = 0; j <= i; j++) {
                    v += l[i][j] * z[j];
                }
                out[t * d + i] = v;
            }
        }
        return out;
    }

    /**
     * Mixtures of k unit-covariance Gaussians written once for automatic differentiation (score matching of the
     * means and weights): log q(x; θ) = log Σ<sub>c</sub> exp(a<sub>c</sub> − ½‖x − m<sub>c</sub>‖²) with
     * θ = (m₁, …, m<sub>k</sub>, a₂, …, a<sub>k</sub>) and a₁ = 0 (the weights are w<sub>c</sub> ∝ e<sup>a<sub>c</sub></sup>).
     *
     * @param dimension d
     * @param components k ≥ 1
     * @return the generic log-density
     */
    public static LogDensityFunction unitCovarianceFamily(int dimension, int components) {
        Checks.requirePositive(dimension, "dimension");
        Checks.requirePositive(components, "components");
        return new LogDensityFunction() {
            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public int parameterCount() {
                return components * dimension + components - 1;
            }

            @Override
            public <T extends CalculusFieldElement<T>> T logDensity(T[] x, T[] theta) {
                java.util.List<T> terms = new java.util.ArrayList<>(components);
                int best = 0;
                for (int c = 0; c < components; c++) {
                    T u = c == 0 ? x[0].getField().getZero() : theta[components * dimension + c - 1];
                    for (int i = 0; i < dimension; i++) {
                        T e = x[i].subtract(theta[c * dimension + i]);
                        u = u.subtract(e.multiply(e).multiply(0.5));
                    }
                    terms.add(u);
                    if (u.getReal() > terms.get(best).getReal()) {
                        best = c;
                    }
                }
                T max = terms.get(best);
                T sum = x[0].getField().getZero();
                for (T u : terms) {
                    sum = sum.add(u.subtract(max).exp());
                }
                return max.add(sum.log());
            }
        };
    }

    /**
     * @param theta parameters in the layout of {@link #unitCovarianceFamily(int, int)}
     * @param dimension d
     * @param components k
     * @return the mixture with those means and weights and identity covariances
     */
    public static GaussianMixtureModel fromUnitCovarianceParameters(double[] theta, int dimension, int components) {
        int expected = components * dimension + components - 1;
        if (theta.length != expected) {
            throw new IllegalArgumentException("a " + components + "-component mixture in dimension " + dimension
                    + " has " + expected + " parameters, got " + theta.length);
        }
        double[] w = new double[components];
        double[][] m = new double[components][dimension];
        double[][][] cov = new double[components][dimension][dimension];
        for (int c = 0; c < components; c++) {
            w[c] = Math.exp(c == 0 ? 0 : theta[components * dimension + c - 1]);
            System.arraycopy(theta, c * dimension, m[c], 0, dimension);
            for (int i = 0; i < dimension; i++) {
                cov[c][i][i] = 1;
            }
        }
        return new GaussianMixtureModel(w, m, cov);
    }
}
