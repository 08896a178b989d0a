package org.fieldscore.pde.fokkerplanck;

import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.VectorField;

/**
 * The Ornstein–Uhlenbeck process dX<sub>a</sub> = −X<sub>a</sub>/τ<sub>a</sub> dt + √(2D) dW<sub>a</sub> from a
 * Gaussian start: its density stays Gaussian, independent across axes, with mean m₀e<sup>−t/τ</sup> and variance
 * Dτ + (v₀ − Dτ)e<sup>−2t/τ</sup> per axis; the Fokker–Planck operator's spectral gap is min 1/τ<sub>a</sub>.
 */
record OrnsteinUhlenbeck(double diffusivity, double[] tau, double[] mean0, double[] variance0) {

    int dimension() {
        return tau.length;
    }

    VectorField drift() {
        int d = dimension();
        return VectorField.of(d, d, (t, x, out) -> {
            for (int a = 0; a < d; a++) {
                out[a] = -x[a] / tau[a];
            }
        });
    }

    /** U = Σ x²/(2Dτ), so that −D∇U is the drift. */
    ScalarField potential() {
        return ScalarField.of(dimension(), (t, x) -> {
            double u = 0;
            for (int a = 0; a < x.length; a++) {
                u += x[a] * x[a] / (2 * diffusivity * tau[a]);
            }
            return u;
        });
    }

    double mean(int a, double t) {
        return mean0[a] * Math.exp(-t / tau[a]);
    }

    double variance(int a, double t) {
        double stationary = diffusivity * tau[a];
        return stationary + (variance0[a] - stationary) * Math.exp(-2 * t / tau[a]);
    }

    /** @return p(t, x) for the t the field is asked at */
    ScalarField density() {
        return ScalarField.of(dimension(), (t, x) -> {
            double p = 1;
            for (int a = 0; a < x.length; a++) {
                double v = variance(a, t);
                double z = x[a] - mean(a, t);
                p *= Math.exp(-z * z / (2 * v)) / Math.sqrt(2 * Math.PI * v);
            }
            return p;
        });
    }

    ScalarField initial() {
        ScalarField p = density();
        return ScalarField.of(dimension(), (t, x) -> p.value(0, x));
    }
}
