package org.fieldscore.pde.diffusion;

import java.util.Arrays;
import java.util.Objects;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.pde.GridRequirements;
import org.jtransforms.fft.DoubleFFT_1D;

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
 *
 * <p>Each line convolution is done directly (n·(2r + 1) multiply-adds for r = ⌈9δ/h⌉, capped at n − 1) or, when that
 * costs more, as a zero-padded FFT convolution with the same discrete kernel: the line and the kernel are embedded in
 * a length N ≥ n + r (a power of two), so the circular convolution has no wrap-around on the n points kept and equals
 * the direct sum up to the FFT's rounding (a few ulps of the line's largest value times log N). The kernel's
 * spectrum is real (the kernel is even) and computed once per level and axis; lines run in parallel, and each line's
 * arithmetic is the same on any thread count.
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
        return solve(density, sigmas, LineConvolution.CHEAPEST);
    }

    /** How each line is convolved: the package's tests compare the two paths. */
    enum LineConvolution {
        /** The direct sum. */
        DIRECT,
        /** The zero-padded FFT product. */
        FFT,
        /** Whichever the operation count says is cheaper, per axis and level. */
        CHEAPEST
    }

    static SampledScalarField[] solve(SampledScalarField density, double[] sigmas, LineConvolution path) {
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
            out[i] = SampledScalarField.wrap(grid, blur(grid, initial, sigmas[i], path));
        }
        return out;
    }

    /** p ∗ N(0, δ²I) on the grid, as one pass of 1-D convolutions per axis. */
    private static double[] blur(Grid grid, double[] values, double delta, LineConvolution path) {
        double[] in = values;
        for (int a = 0; a < grid.spaceDimension(); a++) {
            in = convolveAxis(grid, a, in, delta, path);
        }
        return in;
    }

    /** The smallest power of two ≥ n + radius: the padded length without wrap-around on the n points kept. */
    static int paddedLength(int n, int radius) {
        return Integer.highestOneBit(Math.max(1, n + radius - 1)) << 1;
    }

    /**
     * Whether the FFT product is cheaper than the direct sum for a line of n points and a kernel of radius r: the
     * direct sum costs n(2r + 1) multiply-adds, the FFT route two real transforms of length N and N products, counted
     * as 2.5·N·log₂N + N (a real FFT of length N costs about 1.25·N·log₂N flops-equivalent multiply-adds).
     */
    static boolean fftPays(int n, int radius) {
        int padded = paddedLength(n, radius);
        double log2 = 31 - Integer.numberOfLeadingZeros(padded);
        return (double) n * (2 * radius + 1) > 2.5 * padded * log2 + padded;
    }

    private static double[] convolveAxis(Grid grid, int axis, double[] in, double delta, LineConvolution path) {
        int n = grid.size(axis);
        double h = grid.spacing(axis);
        int radius = (int) Math.min(n - 1, Math.ceil(KERNEL_RADIUS * delta / h));
        double[] w = new double[2 * radius + 1];
        for (int k = -radius; k <= radius; k++) {
            double u = k * h / delta;
            w[k + radius] = h * Math.exp(-0.5 * u * u) / (Math.sqrt(2 * Math.PI) * delta);
        }
        boolean fft = path == LineConvolution.FFT || path == LineConvolution.CHEAPEST && fftPays(n, radius);
        return fft ? convolveAxisByFft(grid, axis, in, w, radius) : convolveAxisDirectly(grid, axis, in, w, radius);
    }

    private static double[] convolveAxisDirectly(Grid grid, int axis, double[] in, double[] w, int radius) {
        int n = grid.size(axis);
        int stride = grid.stride(axis);
        int total = grid.spacePointCount();
        int lines = total / n;
        double[] out = new double[total];
        ParallelLoops.forRange(0, lines, 8, (from, to) -> {
            double[] line = new double[n];
            for (int l = from; l < to; l++) {
                int base = lineStart(l, stride, n);
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

    /**
     * The same convolution as the direct sum, by y = IFFT(FFT(x̃)·FFT(w̃)) with x̃ the line zero-padded to N and w̃ the
     * kernel placed circularly (w̃[k mod N] = w_k, |k| ≤ r). N ≥ n + r keeps the wrapped terms off the points kept.
     */
    private static double[] convolveAxisByFft(Grid grid, int axis, double[] in, double[] w, int radius) {
        int n = grid.size(axis);
        int padded = paddedLength(n, radius);
        double[] spectrum = kernelSpectrum(w, radius, padded);
        int stride = grid.stride(axis);
        int total = grid.spacePointCount();
        int lines = total / n;
        double[] out = new double[total];
        ParallelLoops.forRange(0, lines, 8, (from, to) -> {
            DoubleFFT_1D fft = new DoubleFFT_1D(padded);
            double[] line = new double[padded];
            for (int l = from; l < to; l++) {
                int base = lineStart(l, stride, n);
                for (int i = 0; i < n; i++) {
                    line[i] = in[base + i * stride];
                }
                Arrays.fill(line, n, padded, 0);
                fft.realForward(line);
                // packed real spectrum: [Re 0, Re N/2, Re 1, Im 1, ...]; the kernel's spectrum is real
                line[0] *= spectrum[0];
                line[1] *= spectrum[padded / 2];
                for (int k = 1; k < padded / 2; k++) {
                    line[2 * k] *= spectrum[k];
                    line[2 * k + 1] *= spectrum[k];
                }
                fft.realInverse(line, true);
                for (int i = 0; i < n; i++) {
                    out[base + i * stride] = line[i];
                }
            }
        });
        return out;
    }

    /** The real spectrum K_k, 0 ≤ k ≤ N/2, of the even kernel w placed circularly on N points. */
    private static double[] kernelSpectrum(double[] w, int radius, int padded) {
        double[] a = new double[padded];
        a[0] = w[radius];
        for (int k = 1; k <= radius; k++) {
            a[k] = w[radius + k];
            a[padded - k] = w[radius - k];
        }
        new DoubleFFT_1D(padded).realForward(a);
        double[] spectrum = new double[padded / 2 + 1];
        spectrum[0] = a[0];
        spectrum[padded / 2] = a[1];
        for (int k = 1; k < padded / 2; k++) {
            spectrum[k] = a[2 * k];
        }
        return spectrum;
    }

    /** The first point of line l along an axis of n points and the given stride. */
    private static int lineStart(int l, int stride, int n) {
        int below = l % stride;
        int above = l / stride;
        return above * stride * n + below;
    }
}
