package org.fieldscore.score.model;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.hipparchus.CalculusFieldElement;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

import org.fieldscore.score.internal.Checks;

/**
 * The multivariate normal model of the essay, log q(x; μ, M) = −½ (x − μ)ᵀ M (x − μ), with precision M (symmetric
 * positive definite). Score S(x) = −M(x − μ), divergence tr(∂S/∂x) = −tr M. Immutable.
 */
public final class MultivariateNormalModel implements UnnormalizedModel, ExactSampler, NoiseConditionalScore {

    private final int d;
    private final double[] mean;
    private final double[] precision;
    private final double traceM;
    private final double smallestVariance;

    private MultivariateNormalModel(double[] mean, double[][] precision) {
        d = mean.length;
        if (d < 1) {
            throw new IllegalArgumentException("mean must have at least one entry");
        }
        Checks.requireFinite(mean, "mean");
        Checks.requireSquare(precision, d, "precision");
        this.mean = mean.clone();
        this.precision = new double[d * d];
        double tr = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                this.precision[i * d + j] = precision[i][j];
            }
            tr += precision[i][i];
        }
        traceM = tr;
        double[] eig = PositiveDefiniteMatrices.require(precision, "precision");
        smallestVariance = 1 / eig[d - 1];
    }

    /**
     * @param mean μ
     * @param precision M = Σ⁻¹, symmetric positive definite
     * @return the model
     */
    public static MultivariateNormalModel ofPrecision(double[] mean, double[][] precision) {
        return new MultivariateNormalModel(mean, precision);
    }

    /**
     * @param mean μ
     * @param covariance Σ, symmetric positive definite
     * @return the model with M = Σ⁻¹
     */
    public static MultivariateNormalModel ofCovariance(double[] mean, double[][] covariance) {
        Checks.requireSquare(covariance, mean.length, "covariance");
        PositiveDefiniteMatrices.require(covariance, "covariance");
        RealMatrix c = MatrixUtils.createRealMatrix(covariance);
        double[][] m = MatrixUtils.inverse(c).getData();
        for (int i = 0; i < m.length; i++) {
            for (int j = i + 1; j < m.length; j++) {
                double s = 0.5 * (m[i][j] + m[j][i]); // the inverse is symmetric only up to rounding
                m[i][j] = s;
                m[j][i] = s;
            }
        }
        return new MultivariateNormalModel(mean, m);
    }

    /** @return μ (a copy) */
    public double[] mean() {
        return mean.clone();
    }

    /** @return M (a copy) */
    public double[][] precision() {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(precision, i * d, m[i], 0, d);
        }
        return m;
    }

    /** @return Σ = M⁻¹, symmetrised (the inverse is symmetric only up to rounding) */
    public double[][] covariance() {
        double[][] c = MatrixUtils.inverse(MatrixUtils.createRealMatrix(precision())).getData();
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double s = 0.5 * (c[i][j] + c[j][i]);
                c[i][j] = s;
                c[j][i] = s;
            }
        }
        return c;
    }

    /**
     * The same Gaussian convolved with N(0, σ²I): the density of x + σz, with covariance Σ + σ²I (the perturbed
     * target of denoising score matching and annealed Langevin).
     *
     * @param sigma noise standard deviation σ ≥ 0
     * @return N(μ, Σ + σ²I)
     */
    public MultivariateNormalModel withNoise(double sigma) {
        Checks.requireNonNegative(sigma, "sigma");
        double[][] c = covariance();
        for (int i = 0; i < d; i++) {
            c[i][i] += sigma * sigma;
        }
        return ofCovariance(mean, c);
    }

    /** @return {@link #withNoise}(σ): the score of this model blurred by N(0, σ²I) */
    @Override
    public MultivariateNormalModel atNoise(double sigma) {
        return withNoise(sigma);
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double logDensity(double[] x) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            double row = 0;
            for (int j = 0; j < d; j++) {
                row += precision[i * d + j] * (x[j] - mean[j]);
            }
            s += (x[i] - mean[i]) * row;
        }
        return -0.5 * s;
    }

    @Override
    public void score(double[] x, double[] out) {
        for (int i = 0; i < d; i++) {
            double row = 0;
            for (int j = 0; j < d; j++) {
                row += precision[i * d + j] * (x[j] - mean[j]);
            }
            out[i] = -row;
        }
    }

    @Override
    public double scoreDivergence(double[] x) {
        return -traceM;
    }

    /** @return 4σ²<sub>min</sub> = 4/λ<sub>max</sub>(M) */
    @Override
    public double langevinStepBound() {
        return 4 * smallestVariance;
    }

    /**
     * Exact draws x = μ + Lz with LLᵀ = Σ.
     *
     * @param n number of draws
     * @param seed the random seed
     * @return n draws, row-major: draw t occupies [t·d, (t+1)·d)
     */
    @Override
    public double[] draw(int n, long seed) {
        Checks.requirePositive(n, "n");
        double[][] l = new CholeskyDecomposition(MatrixUtils.createRealMatrix(covariance()), 1e-12, 0).getL()
                .getData();
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n * d];
        double[] z = new double[d];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < d; i++) {
                z[i] = random.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                double s = mean[i];
                for (int j = 0; j <= i; j++) {
                    s += l[i][j] * z[j];
                }
                out[t * d + i] = s;
            }
        }
        return out;
    }

    /**
     * The same model written once for automatic differentiation, with parameters θ = (μ₁ … μ<sub>d</sub>, the upper
     * triangle of M row by row: M₁₁, M₁₂, …, M₁<sub>d</sub>, M₂₂, …, M<sub>dd</sub>).
     *
     * @param dimension d
     * @return log q(x; θ) as a generic function
     */
    public static LogDensityFunction family(int dimension) {
        Checks.requirePositive(dimension, "dimension");
        return new LogDensityFunction() {
            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public int parameterCount() {
                return dimension + dimension * (dimension + 1) / 2;
            }

            @Override
            public <T extends CalculusFieldElement<T>> T logDensity(T[] x, T[] theta) {
                int dd = dimension;
                T s = x[0].getField().getZero();
                int k = dd;
                for (int i = 0; i < dd; i++) {
                    T di = x[i].subtract(theta[i]);
                    for (int j = i; j < dd; j++) {
                        T dj = x[j].subtract(theta[j]);
                        T term = theta[k++].multiply(di).multiply(dj);
                        s = s.add(i == j ? term : term.multiply(2));
                    }
                }
                return s.multiply(-0.5);
            }
        };
    }

    /**
     * @return θ = (μ, upper triangle of M) in the layout of {@link #family(int)}
     */
    public double[] parameters() {
        double[] theta = new double[d + d * (d + 1) / 2];
        System.arraycopy(mean, 0, theta, 0, d);
        int k = d;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                theta[k++] = precision[i * d + j];
            }
        }
        return theta;
    }

    /**
     * @param theta θ in the layout of {@link #family(int)}
     * @param dimension d
     * @return the model with those parameters
     */
    public static MultivariateNormalModel fromParameters(double[] theta, int dimension) {
        int expected = dimension + dimension * (dimension + 1) / 2;
        if (theta.length != expected) {
            throw new IllegalArgumentException("an MVN in dimension " + dimension + " has " + expected
                    + " parameters, got " + theta.length);
        }
        double[] mu = Arrays.copyOf(theta, dimension);
        double[][] m = new double[dimension][dimension];
        int k = dimension;
        for (int i = 0; i < dimension; i++) {
            for (int j = i; j < dimension; j++) {
                m[i][j] = theta[k];
                m[j][i] = theta[k++];
            }
        }
        return ofPrecision(mu, m);
    }
}
