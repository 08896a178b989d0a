package org.fieldscore.score.model;

import java.util.Arrays;
import java.util.Objects;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.density.GridDensities;
import org.fieldscore.fields.density.GridHistogram;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.ops.FiniteDifferences;
import org.fieldscore.score.internal.Checks;

/**
 * The exact blurred scores s<sub>σ</sub> = ∇ log p<sub>σ</sub> of a density given on a grid, from the noised densities
 * p<sub>σ</sub> = p<sub>0</sub> ∗ N(0, σ²I) of a heat-equation solve (pde-solvers' {@code HeatKernelSmoothing}, or any
 * solver of ∂p/∂τ = ½∇²p at τ = σ²): at each level the field gradient (accuracy order 2 or 4,
 * {@link FiniteDifferences}) of log p<sub>σ</sub> on the grid, read between grid points by multilinear interpolation,
 * and its divergence from the Laplacian of log p<sub>σ</sub>. Where the grid cannot answer — outside it, or where
 * p<sub>σ</sub> underflowed to 0 — the score is the exact quadrature of the same convolution,
 * s(x) = Σ<sub>j</sub> r<sub>j</sub>(y<sub>j</sub> − x)/σ² with r<sub>j</sub> ∝ p<sub>0</sub>(y<sub>j</sub>)N(x − y<sub>j</sub>; σ²)
 * over the grid points y<sub>j</sub> (log-sum-exp; O(grid) per call), and
 * ∇·s = Σ r<sub>j</sub>‖y<sub>j</sub> − x‖²/σ⁴ − d/σ² − ‖s‖²; like the grid values it is exact for p<sub>0</sub>
 * restricted to the grid, so far outside at small σ (where the posterior of y given x leaves the grid) it describes
 * that restriction, not a density extending beyond the grid. As a {@link NoiseConditionalScore} it serves annealed
 * Langevin dynamics and, through {@code ScoreSde.score}, the score-SDE samplers, at the solved levels only. Immutable
 * and thread-safe.
 *
 * <p>Two routes to the levels: the heat equation (the constructor; p<sub>σ</sub> itself on the grid) or the
 * Ornstein–Uhlenbeck Fokker–Planck equation of the VP SDE ({@link #fromOrnsteinUhlenbeck}; pde-solvers'
 * {@code OrnsteinUhlenbeckMarginals}), whose solution at u = ln(1 + σ²) is p<sub>u</sub>(x) = m<sup>−d</sup>
 * p<sub>σ</sub>(x/m), m = (1 + σ²)<sup>−½</sup>, so that s<sub>σ</sub>(y) = m ∇log p<sub>u</sub>(my) and
 * ∇·s<sub>σ</sub>(y) = m²∇²log p<sub>u</sub>(my) (Song et al., ICLR 2021, the VP perturbation kernel).
 */
public final class GridNoiseConditionalScore implements NoiseConditionalScore {

    private static final double LEVEL_MATCH = 1e-9;

    private final Grid grid;
    private final double[] sigmas;
    private final SampledScalarField[] logDensities;
    private final SampledVectorField[] scores;
    private final SampledScalarField[] divergences;
    private final double[] logInitial;
    private final double[] points;
    private final double[] scales;

    /**
     * @param initial p<sub>0</sub> on the grid (non-negative; normalisation irrelevant)
     * @param sigmas the levels σ of the solve
     * @param densities p<sub>σ</sub> for each level, on the same grid
     * @param order the accuracy order of the gradient, 2 or 4
     */
    public GridNoiseConditionalScore(SampledScalarField initial, double[] sigmas, SampledScalarField[] densities,
            int order) {
        this(initial, sigmas, densities, order, false);
    }

    /**
     * The levels from the VP marginals of an Ornstein–Uhlenbeck Fokker–Planck solve.
     *
     * @param initial p<sub>0</sub> on the grid (non-negative; normalisation irrelevant)
     * @param sigmas the levels σ
     * @param marginals p<sub>u</sub> at u = ln(1 + σ²) for each level, on the same grid
     * @param order the accuracy order of the gradient, 2 or 4
     * @return the blurred scores s<sub>σ</sub>(y) = m ∇log p<sub>u</sub>(my), m = (1 + σ²)<sup>−½</sup>
     */
    public static GridNoiseConditionalScore fromOrnsteinUhlenbeck(SampledScalarField initial, double[] sigmas,
            SampledScalarField[] marginals, int order) {
        return new GridNoiseConditionalScore(initial, sigmas, marginals, order, true);
    }

    private GridNoiseConditionalScore(SampledScalarField initial, double[] sigmas, SampledScalarField[] densities,
            int order, boolean ornsteinUhlenbeck) {
        Objects.requireNonNull(initial, "initial");
        grid = initial.grid();
        if (grid.hasTime()) {
            throw InvalidArgumentException.of("grid", grid, "a space grid");
        }
        if (densities.length != sigmas.length || sigmas.length == 0) {
            throw InvalidArgumentException.of("densities", densities.length, "one per noise level ("
                    + sigmas.length + ", at least one)");
        }
        FiniteDifferences fd = FiniteDifferences.order(order);
        this.sigmas = sigmas.clone();
        logDensities = new SampledScalarField[sigmas.length];
        scores = new SampledVectorField[sigmas.length];
        divergences = new SampledScalarField[sigmas.length];
        scales = new double[sigmas.length];
        for (int k = 0; k < sigmas.length; k++) {
            Checks.requirePositive(sigmas[k], "sigmas[" + k + "]");
            scales[k] = ornsteinUhlenbeck ? 1 / Math.sqrt(1 + sigmas[k] * sigmas[k]) : 1;
            grid.requireSame(densities[k].grid());
            SampledScalarField log = densities[k].map(v -> v > 0 ? Math.log(v) : Double.NEGATIVE_INFINITY);
            logDensities[k] = log;
            scores[k] = fd.gradient(log);
            divergences[k] = fd.laplacian(log);
        }
        logInitial = initial.map(v -> v > 0 ? Math.log(v) : Double.NEGATIVE_INFINITY).copyValues();
        int d = grid.spaceDimension();
        points = new double[grid.pointCount() * d];
        double[] x = new double[d];
        for (int i = 0; i < grid.pointCount(); i++) {
            grid.spaceCoordinates(i, x);
            System.arraycopy(x, 0, points, i * d, d);
        }
    }

    /**
     * A model's density on a grid: q = exp(log q − max log q), normalised with the cell weights (a formula model, a
     * mixture).
     *
     * @param model log q
     * @param grid a space grid of the model's dimension
     * @return q/Z on the grid
     */
    public static SampledScalarField densityOnGrid(UnnormalizedModel model, Grid grid) {
        if (grid.spaceDimension() != model.dimension() || grid.hasTime()) {
            throw InvalidArgumentException.of("grid", grid, "a space grid of dimension " + model.dimension());
        }
        double[] log = new double[grid.pointCount()];
        double[] x = new double[grid.spaceDimension()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < log.length; i++) {
            grid.spaceCoordinates(i, x);
            log[i] = model.logDensity(x);
            max = Math.max(max, log[i]);
        }
        for (int i = 0; i < log.length; i++) {
            log[i] = Math.exp(log[i] - max);
        }
        return GridDensities.normalise(SampledScalarField.wrap(grid, log));
    }

    /**
     * A histogram of data as the density on a grid: the count of each grid point's cell over N·ΔV
     * ({@link GridHistogram}, cells of side h centred on the points), so that Σ p ΔV = 1 and its mean and variance
     * are the data's after rounding to the cell centres (variance larger by about h²/12 per axis, Sheppard's
     * correction). Its noised levels p<sub>σ</sub> = p ∗ N(0, σ²I) come from the same solves as a formula's density;
     * at σ of a few cells the blocky histogram is smoothed away and the score is that of the data's density blurred
     * by σ, up to the sampling noise of N points.
     *
     * @param points the data, row-major, the grid's dimension of coordinates each
     * @param grid a space grid holding every point
     * @return the histogram density on the grid
     * @throws InvalidArgumentException when a point lies outside every cell (its mass would be lost) or the grid
     *     has a time axis
     */
    public static SampledScalarField histogramOnGrid(double[] points, Grid grid) {
        GridHistogram.Estimate estimate = GridHistogram.of(grid, points);
        if (estimate.outsideFraction() > 0) {
            int d = grid.spaceDimension();
            long outside = Math.round(estimate.outsideFraction() * (points.length / d));
            throw new InvalidArgumentException("grid", grid, "a grid holding every data point",
                    outside + " of " + points.length / d + " data points lie outside the cells of " + grid
                            + "; widen the grid so that the histogram keeps all their mass");
        }
        return estimate.density();
    }

    /** @return the solved levels */
    public double[] sigmas() {
        return sigmas.clone();
    }

    /** @return the grid */
    public Grid grid() {
        return grid;
    }

    /**
     * @param sigma a solved level (matched to 1e-9 relative)
     * @return the score field ∇ log p on the grid of the solved density: p<sub>σ</sub> for the heat route, the VP
     *         marginal p<sub>u</sub> for the Ornstein–Uhlenbeck route
     */
    public SampledVectorField scoreField(double sigma) {
        return scores[level(sigma)];
    }

    /**
     * @param sigma a solved level
     * @return log of the solved density on the grid (p<sub>σ</sub>, or p<sub>u</sub> for the Ornstein–Uhlenbeck
     *         route), normalised as the solve's densities are (−∞ where it underflowed)
     */
    public SampledScalarField logDensityField(double sigma) {
        return logDensities[level(sigma)];
    }

    private int level(double sigma) {
        for (int k = 0; k < sigmas.length; k++) {
            if (Math.abs(sigma - sigmas[k]) <= LEVEL_MATCH * sigmas[k]) {
                return k;
            }
        }
        throw InvalidArgumentException.of("sigma", sigma, "one of the solved levels " + Arrays.toString(sigmas));
    }

    @Override
    public ScoreModel atNoise(double sigma) {
        int k = level(sigma);
        int d = grid.spaceDimension();
        SampledVectorField field = scores[k];
        SampledScalarField divergence = divergences[k];
        double s = sigmas[k];
        double m = scales[k];
        return new ScoreModel() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public void score(double[] x, double[] out) {
                double[] y = scaled(x, m);
                if (grid.contains(y)) {
                    field.value(0, y, out);
                    boolean finite = true;
                    for (int i = 0; i < d; i++) {
                        out[i] *= m;
                        finite &= Double.isFinite(out[i]);
                    }
                    if (finite) {
                        return;
                    }
                }
                quadrature(x, s, out);
            }

            @Override
            public double scoreDivergence(double[] x) {
                double[] y = scaled(x, m);
                if (grid.contains(y)) {
                    double v = m * m * divergence.value(0, y);
                    if (Double.isFinite(v)) {
                        return v;
                    }
                }
                return quadrature(x, s, new double[d]);
            }
        };
    }

    /** x itself for m = 1, else the point m·x where the OU marginal is read. */
    private static double[] scaled(double[] x, double m) {
        if (m == 1) {
            return x;
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = m * x[i];
        }
        return y;
    }

    /** The convolution's exact quadrature: fills the score, returns the divergence. */
    private double quadrature(double[] x, double sigma, double[] out) {
        int d = out.length;
        int n = logInitial.length;
        double inv = 1 / (sigma * sigma);
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (logInitial[j] > Double.NEGATIVE_INFINITY) {
                max = Math.max(max, logInitial[j] - 0.5 * inv * distance2(x, j, d));
            }
        }
        Arrays.fill(out, 0);
        double total = 0;
        double second = 0;
        for (int j = 0; j < n; j++) {
            if (logInitial[j] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double r2 = distance2(x, j, d);
            double w = Math.exp(logInitial[j] - 0.5 * inv * r2 - max);
            total += w;
            second += w * r2;
            for (int i = 0; i < d; i++) {
                out[i] += w * (points[j * d + i] - x[i]);
            }
        }
        double norm = 0;
        for (int i = 0; i < d; i++) {
            out[i] *= inv / total;
            norm += out[i] * out[i];
        }
        return second / total * inv * inv - d * inv - norm;
    }

    private double distance2(double[] x, int j, int d) {
        double q = 0;
        for (int i = 0; i < d; i++) {
            double e = points[j * d + i] - x[i];
            q += e * e;
        }
        return q;
    }
}
