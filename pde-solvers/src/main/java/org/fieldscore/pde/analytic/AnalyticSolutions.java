package org.fieldscore.pde.analytic;

import java.util.function.DoubleUnaryOperator;

import org.fieldscore.fields.ScalarField;

/**
 * Closed-form solutions used as references by tests and by scenario comparisons. Every method returns a field of
 * (t, x); static solutions ignore t.
 */
public final class AnalyticSolutions {

    private AnalyticSolutions() {
    }

    /**
     * Free-space Green's function of ∇²φ = g q δ³(x − x₀): φ = −g q/(4π r).
     *
     * @param g coupling
     * @param q charge
     * @param x0 source position (3 coordinates)
     * @return φ
     */
    public static ScalarField pointPotential3D(double g, double q, double[] x0) {
        requireLength(x0, 3);
        double[] c = x0.clone();
        return ScalarField.of(3, (t, x) -> -g * q / (4 * Math.PI * distance(x, c)));
    }

    /**
     * Free-space Green's function of ∇²φ = g q δ²(x − x₀) in the plane: φ = (g q/2π) ln r.
     *
     * @param g coupling
     * @param q charge per unit length
     * @param x0 source position (2 coordinates)
     * @return φ
     */
    public static ScalarField pointPotential2D(double g, double q, double[] x0) {
        requireLength(x0, 2);
        double[] c = x0.clone();
        return ScalarField.of(2, (t, x) -> g * q / (2 * Math.PI) * Math.log(distance(x, c)));
    }

    /**
     * Heat kernel of ∂φ/∂t = k∇²φ with φ(0) = amount·δ(x − x₀): amount·(4πkt)<sup>−d/2</sup> exp(−r²/(4kt)), t &gt; 0.
     *
     * @param d dimension
     * @param k diffusivity &gt; 0
     * @param amount total amount
     * @param x0 release point
     * @return φ(t, x)
     */
    public static ScalarField heatKernel(int d, double k, double amount, double[] x0) {
        requireLength(x0, d);
        requirePositive(k, "diffusivity k");
        double[] c = x0.clone();
        return ScalarField.of(d, (t, x) -> {
            double r = distance(x, c);
            return amount * Math.pow(4 * Math.PI * k * t, -0.5 * d) * Math.exp(-r * r / (4 * k * t));
        });
    }

    /**
     * A Gaussian of width σ₀ at t = 0 spreading under ∂φ/∂t = k∇²φ: amount·(2πs²)<sup>−d/2</sup> exp(−r²/(2s²)),
     * s² = σ₀² + 2kt.
     *
     * @param d dimension
     * @param k diffusivity ≥ 0
     * @param amount total amount
     * @param x0 centre
     * @param sigma0 initial width &gt; 0
     * @return φ(t, x)
     */
    public static ScalarField gaussianPulse(int d, double k, double amount, double[] x0, double sigma0) {
        requireLength(x0, d);
        requirePositive(sigma0, "initial width sigma0");
        double[] c = x0.clone();
        return ScalarField.of(d, (t, x) -> {
            double s2 = sigma0 * sigma0 + 2 * k * t;
            double r = distance(x, c);
            return amount * Math.pow(2 * Math.PI * s2, -0.5 * d) * Math.exp(-r * r / (2 * s2));
        });
    }

    /**
     * d'Alembert's solution of φ_tt = c²φ_xx on the line: φ = ½[f(x − ct) + f(x + ct)] + [G(x + ct) − G(x − ct)]/(2c),
     * with f the initial value and G an antiderivative of the initial velocity.
     *
     * @param f φ(0, x)
     * @param velocityAntiderivative G with G' = ∂φ/∂t(0, x)
     * @param c wave speed &gt; 0
     * @return φ(t, x), a 1-D field
     */
    public static ScalarField dAlembert(DoubleUnaryOperator f, DoubleUnaryOperator velocityAntiderivative, double c) {
        requirePositive(c, "wave speed c");
        return ScalarField.of(1, (t, x) -> 0.5 * (f.applyAsDouble(x[0] - c * t) + f.applyAsDouble(x[0] + c * t))
                + (velocityAntiderivative.applyAsDouble(x[0] + c * t)
                - velocityAntiderivative.applyAsDouble(x[0] - c * t)) / (2 * c));
    }

    /**
     * The retarded solution of φ_tt − c²∇²φ = −g q(t) δ³(x − x₀): φ = −g q(t − r/c)/(4π c² r) (Jackson,
     * <i>Classical Electrodynamics</i>, §6.4). For constant q it is the static potential of ∇²φ = gρ/c².
     *
     * @param g coupling
     * @param c wave speed &gt; 0
     * @param charge q(t), zero before the source switches on
     * @param x0 source position (3 coordinates)
     * @return φ(t, x)
     */
    public static ScalarField retardedPointWave(double g, double c, DoubleUnaryOperator charge, double[] x0) {
        requireLength(x0, 3);
        requirePositive(c, "wave speed c");
        double[] p = x0.clone();
        return ScalarField.of(3, (t, x) -> {
            double r = distance(x, p);
            return -g * charge.applyAsDouble(t - r / c) / (4 * Math.PI * c * c * r);
        });
    }

    /**
     * A Dirichlet eigenfunction of the Laplacian on a box: Π sin(n<sub>a</sub> π (x<sub>a</sub> − lower<sub>a</sub>)/L<sub>a</sub>).
     *
     * @param lower lower corner
     * @param upper upper corner
     * @param modes positive mode numbers, one per axis
     * @return the eigenfunction (eigenvalue {@link #boxEigenvalue})
     */
    public static ScalarField boxEigenfunction(double[] lower, double[] upper, int[] modes) {
        int d = checkBox(lower, upper, modes);
        double[] lo = lower.clone();
        double[] kx = new double[d];
        for (int a = 0; a < d; a++) {
            kx[a] = modes[a] * Math.PI / (upper[a] - lower[a]);
        }
        return ScalarField.of(d, (t, x) -> {
            double v = 1;
            for (int a = 0; a < d; a++) {
                v *= Math.sin(kx[a] * (x[a] - lo[a]));
            }
            return v;
        });
    }

    /**
     * @param lower lower corner
     * @param upper upper corner
     * @param modes mode numbers
     * @return λ = −Σ (n<sub>a</sub> π/L<sub>a</sub>)², so ∇²u = λu; a heat mode decays as exp(kλt), a wave mode
     *     oscillates with angular frequency c√(−λ)
     */
    public static double boxEigenvalue(double[] lower, double[] upper, int[] modes) {
        int d = checkBox(lower, upper, modes);
        double lambda = 0;
        for (int a = 0; a < d; a++) {
            double k = modes[a] * Math.PI / (upper[a] - lower[a]);
            lambda -= k * k;
        }
        return lambda;
    }

    private static int checkBox(double[] lower, double[] upper, int[] modes) {
        int d = lower.length;
        if (d < 1 || d > 3 || upper.length != d || modes.length != d) {
            throw new IllegalArgumentException("box corners and modes need 1 to 3 matching entries, got " + d + ", "
                    + upper.length + ", " + modes.length);
        }
        for (int a = 0; a < d; a++) {
            if (!(upper[a] > lower[a]) || modes[a] < 1) {
                throw new IllegalArgumentException("axis " + a + " needs lower < upper and a mode number >= 1, got ["
                        + lower[a] + ", " + upper[a] + "], mode " + modes[a]);
            }
        }
        return d;
    }

    private static double distance(double[] x, double[] c) {
        double s = 0;
        for (int a = 0; a < c.length; a++) {
            double dx = x[a] - c[a];
            s += dx * dx;
        }
        return Math.sqrt(s);
    }

    private static void requireLength(double[] x0, int d) {
        if (x0.length != d) {
            throw new IllegalArgumentException("position needs " + d + " coordinates, got " + x0.length);
        }
    }

    private static void requirePositive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }
}
