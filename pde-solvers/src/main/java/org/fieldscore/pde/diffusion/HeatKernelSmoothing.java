package org.fieldscore.pde.diffusion;

import java.util.Objects;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.pde.GridRequirements;

/**
 * The free-space heat equation ∂p/∂τ = ½∇²p solved exactly by its kernel: p(τ) = p(0) ∗ N(0, τI), so at τ = σ² the
 * solution is the density of x + σz, the VE noising of a score-based diffusion model (Song et al., ICLR 2021) and
 * the blur behind annealed Langevin dynamics (Song &amp; Ermon 2019). The Gaussian kernel factorises over the axes,
 * so each level is d one-dimensional convolutions along the grid lines with the weights
 * h·N(kh; 0, δ²), |k| ≤ ⌈9δ/h⌉ (the tail beyond 9δ is below 1e-18), i.e. the trapezoidal rule for the convolution
 * integral, whose error decays like exp(−2π²δ²/h²) for a resolved density (below 1e-30 at δ = 2h). The density is
 * taken as zero outside the grid (free space, no boundary condition), so the grid must hold the blurred mass that
 * matters. Every level is convolved from p(0) itself: marching by the semigroup p(τ₂) = p(τ₁) ∗ N(0, (τ₂ − τ₁)I)
 * would lose the mass an intermediate level spreads beyond the grid, which the exact solution brings back.
 */
public final class HeatKernelSmoothing {

    /** The fewest grid cells per noise standard deviation. */
    public static final double MIN_CELLS_PER_SIGMA = 2;

    private static final double KERNEL_RADIUS = 9;

    private HeatKernelSmoothing() {
    }

    /**
     * The one rule for grids of noised densities: every noise level must span at least
     * {@value #MIN_CELLS_PER_SIGMA} cells along every axis.
     *
     * @param grid the density's grid
     * @param sigmaMin the smallest noise level
     * @throws InvalidArgumentException (argument {@code sigma-min}) when σ<sub>min</sub> &lt; 2·max h
     */
    public static void requireResolved(Grid grid, double sigmaMin) {
        GridRequirements.requireSolvable(grid, "the heat equation");
        double h = 0;
        for (int a = 0; a < grid.spaceDimension(); a++) {
            h = Math.max(h, grid.spacing(a));
        }
        if (!(sigmaMin >= MIN_CELLS_PER_SIGMA * h)) {
            throw new InvalidArgumentException("sigma-min", sigmaMin, "≥ " + MIN_CELLS_PER_SIGMA * h
                    + " (two cells of the grid)", "the smallest noise level σ = " + sigmaMin + " spans fewer than "
                    + MIN_CELLS_PER_SIGMA + " cells of spacing " + h + " on " + grid
                    + "; sigma-min must be at least " + MIN_CELLS_PER_SIGMA * h + ": refine the grid or raise it");
        }
    }

    /**
     * @param density p(0) on a space grid (a normalised density, a histogram, any non-negative field)
     * @param sigmas the noise levels σ &gt; 0, in any order
     * @return p(σ²) for each level, in the order given
     */
    public static SampledScalarField[] solve(SampledScalarField density, double[] sigmas) {
        Objects.requireNonNull(density, "density");
        Grid grid = density.grid();
        if (sigmas.length == 0) {
            throw InvalidArgumentException.of("sigmas", "[]", "at least one noise level");
        }
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < sigmas.length; i++) {
            if (!(sigmas[i] > 0) || !Double.isFinite(sigmas[i])) {
                throw InvalidArgumentException.of("sigmas[" + i + "]", sigmas[i], "> 0 and finite");
            }
            smallest = Math.min(smallest, sigmas[i]);
        }
        requireResolved(grid, smallest);
        double[] initial = density.copyValues();
        SampledScalarField[] out = new SampledScalarField[sigmas.length];
        for (int i = 0; i < sigmas.length; i++) {
            out[i] = SampledScalarField.wrap(grid, blur(grid, initial, sigmas[i]));
        }
        return out;
    }

    /** p ∗ N(0, δ²I) on the grid, as one pass of 1-D convolutions per axis. */
    private static double[] blur(Grid grid, double[] values, double delta) {
        double[] in = values;
        for (int a = 0; a < grid.spaceDimension(); a++) {
            in = convolveAxis(grid, a, in, delta);
        }
        return in;
    }

    private static double[] convolveAxis(Grid grid, int axis, double[] in, double delta) {
        int n = grid.size(axis);
        double h = grid.spacing(axis);
        int radius = (int) Math.min(n - 1, Math.ceil(KERNEL_RADIUS * delta / h));
        double[] w = new double[2 * radius + 1];
        for (int k = -radius; k <= radius; k++) {
            double u = k * h / delta;
            w[k + radius] = h * Math.exp(-0.5 * u * u) / (Math.sqrt(2 * Math.PI) * delta);
        }
        int stride = grid.stride(axis);
        int total = grid.spacePointCount();
        int lines = total / n;
        double[] out = new double[total];
        ParallelLoops.forRange(0, lines, 8, (from, to) -> {
            double[] line = new double[n];
            for (int l = from; l < to; l++) {
                // the line's first point: split l into the index below the axis and the index above it
                int below = l % stride;
                int above = l / stride;
                int base = above * stride * n + below;
                for (int i = 0; i < n; i++) {
                    line[i] = in[base + i * stride];
                }
                for (int i = 0; i < n; i++) {
                    int lo = Math.max(0, i - radius);
                    int hi = Math.min(n - 1, i + radius);
                    double s = 0;
                    for (int j = lo; j <= hi; j++) {
                        s += w[j - i + radius] * line[j];
                    }
                    out[base + i * stride] = s;
                }
            }
        });
        return out;
    }
}
