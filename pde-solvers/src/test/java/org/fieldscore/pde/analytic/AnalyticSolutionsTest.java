package org.fieldscore.pde.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.fieldscore.fields.ScalarField;
import org.junit.jupiter.api.Test;

/**
 * Each reference satisfies its equation, checked by centred differences with step 1e-3 at seeded random points:
 * the truncation error of the differences is O(1e-6) relative to the terms, hence the 1e-4 tolerances.
 */
class AnalyticSolutionsTest {

    private static final double H = 1e-3;

    private static double laplacian(ScalarField f, double t, double[] x) {
        double sum = 0;
        for (int a = 0; a < x.length; a++) {
            double[] p = x.clone();
            double[] m = x.clone();
            p[a] += H;
            m[a] -= H;
            sum += (f.value(t, p) - 2 * f.value(t, x) + f.value(t, m)) / (H * H);
        }
        return sum;
    }

    private static double dt(ScalarField f, double t, double[] x) {
        return (f.value(t + H, x) - f.value(t - H, x)) / (2 * H);
    }

    private static double dtt(ScalarField f, double t, double[] x) {
        return (f.value(t + H, x) - 2 * f.value(t, x) + f.value(t - H, x)) / (H * H);
    }

    @Test
    void greensFunctionsAreHarmonicAwayFromTheSourceAndHaveTheRightFlux() {
        double g = -3;
        double q = 2;
        ScalarField phi3 = AnalyticSolutions.pointPotential3D(g, q, new double[] {0.1, 0.2, 0.3});
        ScalarField phi2 = AnalyticSolutions.pointPotential2D(g, q, new double[] {0.1, 0.2});
        Random rnd = new Random(7);
        for (int i = 0; i < 20; i++) {
            double[] x3 = {1 + rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
            assertEquals(0, laplacian(phi3, 0, x3), 1e-4 * Math.abs(phi3.value(0, x3)));
            double[] x2 = {1 + rnd.nextDouble(), rnd.nextDouble()};
            assertEquals(0, laplacian(phi2, 0, x2), 1e-4);
        }
        // Gauss: the flux of ∇φ through a sphere of radius R is g q, i.e. dφ/dr = g q / (4π R²)
        double r = 0.7;
        double slope = (phi3.value(0, new double[] {0.1 + r + H, 0.2, 0.3})
                - phi3.value(0, new double[] {0.1 + r - H, 0.2, 0.3})) / (2 * H);
        assertEquals(g * q, slope * 4 * Math.PI * r * r, 1e-4);
        double slope2 = (phi2.value(0, new double[] {0.1 + r + H, 0.2}) - phi2.value(0, new double[] {0.1 + r - H, 0.2}))
                / (2 * H);
        assertEquals(g * q, slope2 * 2 * Math.PI * r, 1e-4);
    }

    @Test
    void heatKernelAndGaussianPulseSolveTheDiffusionEquation() {
        double k = 0.3;
        ScalarField kernel = AnalyticSolutions.heatKernel(2, k, 1.5, new double[] {0.2, -0.1});
        ScalarField pulse = AnalyticSolutions.gaussianPulse(3, k, 2, new double[] {0, 0, 0}, 0.4);
        Random rnd = new Random(11);
        for (int i = 0; i < 20; i++) {
            double t = 0.5 + rnd.nextDouble();
            double[] x2 = {rnd.nextGaussian(), rnd.nextGaussian()};
            assertEquals(dt(kernel, t, x2), k * laplacian(kernel, t, x2), 1e-4);
            double[] x3 = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            assertEquals(dt(pulse, t, x3), k * laplacian(pulse, t, x3), 1e-4);
        }
        // at t = 0 the pulse is a normalised Gaussian of width sigma0: peak 2 (2π 0.16)^{-3/2}
        assertEquals(2 * Math.pow(2 * Math.PI * 0.16, -1.5), pulse.value(0, new double[] {0, 0, 0}), 1e-12);
    }

    @Test
    void dAlembertAndRetardedWaveSolveTheWaveEquation() {
        double c = 1.7;
        ScalarField u = AnalyticSolutions.dAlembert(x -> Math.exp(-x * x), x -> Math.sin(x), c);
        Random rnd = new Random(3);
        for (int i = 0; i < 20; i++) {
            double t = rnd.nextDouble();
            double[] x = {rnd.nextGaussian()};
            assertEquals(dtt(u, t, x), c * c * laplacian(u, t, x), 1e-4);
        }
        assertEquals(Math.cos(0.4), dt(u, 0, new double[] {0.4}), 1e-6);
        ScalarField w = AnalyticSolutions.retardedPointWave(2, c, s -> Math.sin(3 * s), new double[] {0, 0, 0});
        for (int i = 0; i < 20; i++) {
            double t = 2 + rnd.nextDouble();
            double[] x = {1 + rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
            assertEquals(dtt(w, t, x), c * c * laplacian(w, t, x), 1e-4);
        }
        // constant charge: the static potential of ∇²φ = gρ/c²
        ScalarField st = AnalyticSolutions.retardedPointWave(2, c, s -> 1.0, new double[] {0, 0, 0});
        ScalarField green = AnalyticSolutions.pointPotential3D(2 / (c * c), 1, new double[] {0, 0, 0});
        assertEquals(green.value(0, new double[] {0.3, 0.4, 0}), st.value(5, new double[] {0.3, 0.4, 0}), 1e-12);
    }

    @Test
    void boxEigenfunctionsSatisfyTheirEigenvalue() {
        double[] lo = {0, -1, 0.5};
        double[] hi = {2, 1, 1.5};
        int[] modes = {1, 3, 2};
        ScalarField e = AnalyticSolutions.boxEigenfunction(lo, hi, modes);
        double lambda = AnalyticSolutions.boxEigenvalue(lo, hi, modes);
        double[] x = {0.7, 0.1, 0.9};
        assertEquals(lambda * e.value(0, x), laplacian(e, 0, x), 1e-4 * Math.abs(lambda));
        assertEquals(0, e.value(0, new double[] {2, 0.3, 0.8}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> AnalyticSolutions.boxEigenvalue(lo, hi, new int[] {0, 1, 1}));
    }
}
