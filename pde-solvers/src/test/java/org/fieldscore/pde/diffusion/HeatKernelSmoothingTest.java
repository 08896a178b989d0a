package org.fieldscore.pde.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;
import org.junit.jupiter.api.Test;

/** The heat-kernel solve of ∂p/∂τ = ½∇²p against the closed form of a blurred Gaussian mixture. */
class HeatKernelSmoothingTest {

    /** 0.7·N((2, 1), diag(1, 0.5)) + 0.3·N((−3, −2), diag(0.6, 1.2)) blurred by N(0, σ²I): variances grow by σ². */
    private static double mixture(double x, double y, double sigma) {
        double s2 = sigma * sigma;
        return 0.7 * gauss(x - 2, 1 + s2) * gauss(y - 1, 0.5 + s2) + 0.3 * gauss(x + 3, 0.6 + s2)
                * gauss(y + 2, 1.2 + s2);
    }

    private static double gauss(double u, double v) {
        return Math.exp(-0.5 * u * u / v) / Math.sqrt(2 * Math.PI * v);
    }

    private static SampledScalarField sampled(Grid grid, double sigma) {
        double[] v = new double[grid.pointCount()];
        double[] x = new double[2];
        for (int i = 0; i < v.length; i++) {
            grid.spaceCoordinates(i, x);
            v[i] = mixture(x[0], x[1], sigma);
        }
        return SampledScalarField.of(grid, v);
    }

    /**
     * On [−14, 14]² the mixture's mass beyond the grid is below e⁻⁴⁰, and the trapezoidal convolution error is
     * exp(−2π²δ²/h²)-small, so every level agrees with the closed form to rounding (1e-12 of the peak).
     */
    @Test
    void levelsMatchTheBlurredMixtureToRounding() {
        Grid grid = Grid.cube(2, 141, -14, 14);
        double[] sigmas = {2, 0.5, 1, 3};
        SampledScalarField[] levels = HeatKernelSmoothing.solve(sampled(grid, 0), sigmas);
        for (int k = 0; k < sigmas.length; k++) {
            SampledScalarField exact = sampled(grid, sigmas[k]);
            double error = levels[k].maxDistance(exact);
            assertTrue(error < 1e-12 * exact.max(), "σ = " + sigmas[k] + ": max error " + error + " of peak "
                    + exact.max());
        }
    }

    /**
     * The same equation by the method of lines: Crank–Nicolson with k = ½ to t = σ² = 1.44 (zero Dirichlet faces, where
     * the density is below e⁻⁴⁰) differs from the heat kernel by its own O(h² + Δt²) error, observed order 2.
     */
    @Test
    void crankNicolsonConvergesToTheHeatKernelSolve() {
        double[] errors = new double[3];
        for (int k = 0; k < 3; k++) {
            int cells = 56 << k;
            Grid grid = Grid.cube(2, cells + 1, -14, 14);
            SampledScalarField p0 = sampled(grid, 0);
            DiffusionProblem heat = DiffusionProblem.on(grid).diffusivity(0.5)
                    .boundaries(org.fieldscore.fields.bc.BoundaryConditions.all(
                            org.fieldscore.fields.bc.BoundaryCondition.dirichlet(0)))
                    .initial(p0).build();
            SampledScalarField cn = DiffusionSolver.of(DiffusionMethod.CRANK_NICOLSON).timeStep(1.0 / cells)
                    .run(heat, 1.44).solution();
            SampledScalarField kernel = HeatKernelSmoothing.solve(p0, new double[] {1.2})[0];
            errors[k] = cn.maxDistance(kernel) / kernel.max();
        }
        org.fieldscore.fields.testing.Convergence.assertObservedOrder("Crank–Nicolson against the heat kernel", 2,
                errors);
    }

    /**
     * The direct sum and the zero-padded FFT product convolve with the same discrete kernel, so they agree to the
     * FFT's rounding (1e-12 of the peak) at every level, including kernels as wide as the grid (σ = 6, radius capped
     * at n − 1, padded length 2n) on a grid whose size is not a power of two.
     */
    @Test
    void fftAndDirectConvolutionAgreeToRounding() {
        Grid grid = Grid.of(new int[] {141, 97}, new double[] {-14, -12}, new double[] {14, 12},
                org.fieldscore.fields.grid.Centering.VERTEX);
        double[] sigmas = {0.5, 2, 6};
        SampledScalarField p0 = sampled(grid, 0);
        SampledScalarField[] direct = HeatKernelSmoothing.solve(p0, sigmas, HeatKernelSmoothing.LineConvolution.DIRECT);
        SampledScalarField[] fft = HeatKernelSmoothing.solve(p0, sigmas, HeatKernelSmoothing.LineConvolution.FFT);
        for (int k = 0; k < sigmas.length; k++) {
            double error = direct[k].maxDistance(fft[k]);
            assertTrue(error < 1e-12 * direct[k].max(), "σ = " + sigmas[k] + ": FFT and direct differ by " + error
                    + " of peak " + direct[k].max());
            assertTrue(direct[k].max() > 0);
        }
    }

    /** The cost rule: narrow kernels stay direct, wide ones go to the FFT, and the padding never wraps. */
    @Test
    void fftIsChosenForWideKernelsOnly() {
        assertEquals(false, HeatKernelSmoothing.fftPays(512, 9));
        assertEquals(true, HeatKernelSmoothing.fftPays(512, 200));
        assertEquals(1024, HeatKernelSmoothing.paddedLength(512, 511));
        assertEquals(2048, HeatKernelSmoothing.paddedLength(512, 513));
        assertEquals(64, HeatKernelSmoothing.paddedLength(33, 31));
    }

    @Test
    void unresolvedNoiseIsRefused() {
        Grid grid = Grid.cube(2, 29, -14, 14);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> HeatKernelSmoothing.solve(sampled(grid, 0), new double[] {1.5, 5}));
        assertEquals("sigma-min", e.argument());
        assertTrue(e.getMessage().contains("2.0"), e.getMessage());
    }
}
