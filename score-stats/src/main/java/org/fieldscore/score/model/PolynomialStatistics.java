package org.fieldscore.score.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fieldscore.score.internal.Checks;

/**
 * Monomial sufficient statistics F<sub>j</sub>(x) = Π<sub>i</sub> z<sub>i</sub><sup>p<sub>ji</sub></sup> of the
 * standardised coordinates z<sub>i</sub> = (x<sub>i</sub> − c<sub>i</sub>)/s<sub>i</sub>, for every exponent vector
 * p<sub>j</sub> with total degree 1 … n: the polynomial exponential family log q(x; θ) = Σ<sub>j</sub> θ<sub>j</sub>
 * F<sub>j</sub>(x), whose score matching estimate is closed-form (Hyvärinen 2007, §3, "Some extensions of score
 * matching"). Degree 2 is the multivariate normal; degree 4 already has two modes in 1-D
 * (log q = θ₂z² − |θ₄|z⁴ with θ₂ &gt; 0). Standardising keeps the score-matching system well conditioned when the data
 * are far from the origin or large; the family is the same for every c and s.
 *
 * <p>Derivatives: K<sub>ji</sub> = p<sub>ji</sub> z<sub>i</sub><sup>p<sub>ji</sub>−1</sup> Π<sub>l≠i</sub>
 * z<sub>l</sub><sup>p<sub>jl</sub></sup> / s<sub>i</sub> and H<sub>ji</sub> = p<sub>ji</sub>(p<sub>ji</sub> − 1)
 * z<sub>i</sub><sup>p<sub>ji</sub>−2</sup> Π<sub>l≠i</sub> z<sub>l</sub><sup>p<sub>jl</sub></sup> /
 * s<sub>i</sub>². Immutable and thread-safe; {@link #evaluate} does not allocate.
 */
public final class PolynomialStatistics implements SufficientStatistics {

    /** The largest degree accepted. */
    public static final int MAX_DEGREE = 8;

    private final int dimension;
    private final int degree;
    private final int[][] exponents;
    private final double[] center;
    private final double[] scale;
    private final ThreadLocal<double[]> powers;

    private PolynomialStatistics(int dimension, int degree, double[] center, double[] scale) {
        this.dimension = dimension;
        this.degree = degree;
        this.center = center.clone();
        this.scale = scale.clone();
        List<int[]> all = new ArrayList<>();
        for (int total = 1; total <= degree; total++) {
            collect(new int[dimension], 0, total, all);
        }
        this.exponents = all.toArray(new int[0][]);
        this.powers = ThreadLocal.withInitial(() -> new double[dimension * (degree + 1)]);
    }

    /**
     * @param dimension d ≥ 1
     * @param degree n, 1 … {@value #MAX_DEGREE}
     * @param center c, length d
     * @param scale s &gt; 0, length d
     * @return all monomials of total degree 1 … n in the standardised coordinates, ordered by degree, then with
     *     higher powers of earlier coordinates first
     */
    public static PolynomialStatistics upToDegree(int dimension, int degree, double[] center, double[] scale) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if (degree < 1 || degree > MAX_DEGREE) {
            throw new IllegalArgumentException("polynomial degree must lie in 1.." + MAX_DEGREE + ", got " + degree);
        }
        if (center.length != dimension || scale.length != dimension) {
            throw new IllegalArgumentException("center and scale need " + dimension + " entries, got " + center.length
                    + " and " + scale.length);
        }
        Checks.requireFinite(center, "center");
        for (double s : scale) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("scales must be finite and > 0, got " + java.util.Arrays.toString(
                        scale));
            }
        }
        return new PolynomialStatistics(dimension, degree, center, scale);
    }

    /**
     * @param dimension d
     * @param degree n
     * @return the number of monomials of total degree 1 … n in d variables, C(n + d, d) − 1
     */
    public static long count(int dimension, int degree) {
        long c = 1;
        for (int i = 1; i <= dimension; i++) {
            c = c * (degree + i) / i;
        }
        return c - 1;
    }

    /** Appends the exponent vectors with the given total over coordinates from..d−1, earlier powers higher first. */
    private static void collect(int[] p, int from, int remaining, List<int[]> out) {
        if (from == p.length - 1) {
            p[from] = remaining;
            out.add(p.clone());
            return;
        }
        for (int e = remaining; e >= 0; e--) {
            p[from] = e;
            collect(p, from + 1, remaining - e, out);
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int count() {
        return exponents.length;
    }

    /** @return n */
    public int degree() {
        return degree;
    }

    /**
     * @param j a statistic
     * @return its exponent vector p<sub>j</sub> (a copy)
     */
    public int[] exponents(int j) {
        return exponents[j].clone();
    }

    /** @return c (a copy) */
    public double[] center() {
        return center.clone();
    }

    /** @return s (a copy) */
    public double[] scale() {
        return scale.clone();
    }

    /**
     * @param j a statistic
     * @return its monomial in the standardised coordinates z0, z1, …, for example {@code z0^2*z1}
     */
    public String monomial(int j) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < dimension; i++) {
            int e = exponents[j][i];
            if (e == 0) {
                continue;
            }
            if (b.length() > 0) {
                b.append('*');
            }
            b.append('z').append(i);
            if (e > 1) {
                b.append('^').append(e);
            }
        }
        return b.toString();
    }

    @Override
    public void evaluate(double[] x, double[] f, double[] k, double[] h) {
        double[] pw = powers.get();
        int stride = degree + 1;
        for (int i = 0; i < dimension; i++) {
            double z = (x[i] - center[i]) / scale[i];
            double v = 1;
            for (int e = 0; e <= degree; e++) {
                pw[i * stride + e] = v;
                v *= z;
            }
        }
        for (int j = 0; j < exponents.length; j++) {
            int[] p = exponents[j];
            double product = 1;
            for (int i = 0; i < dimension; i++) {
                product *= pw[i * stride + p[i]];
            }
            f[j] = product;
            for (int i = 0; i < dimension; i++) {
                int e = p[i];
                if (e == 0) {
                    k[j * dimension + i] = 0;
                    h[j * dimension + i] = 0;
                    continue;
                }
                double others = 1;
                for (int l = 0; l < dimension; l++) {
                    if (l != i) {
                        others *= pw[l * stride + p[l]];
                    }
                }
                double s = scale[i];
                k[j * dimension + i] = e * pw[i * stride + e - 1] * others / s;
                h[j * dimension + i] = e > 1 ? e * (e - 1) * pw[i * stride + e - 2] * others / (s * s) : 0;
            }
        }
    }

    /**
     * Whether log q = θᵀF decreases to −∞ in every direction, so that q can be normalised and sampled: the
     * homogeneous part of the highest degree with a non-zero coefficient must be negative on the unit sphere. Exact
     * in 1-D (an even degree with a negative coefficient); in 2-D and 3-D checked on 3600 directions (every 0.1° in
     * 2-D, a Fibonacci lattice in 3-D); in more dimensions on the coordinate axes and the diagonals ±e<sub>i</sub> ±
     * e<sub>l</sub>, a necessary condition only.
     *
     * @param theta θ, one entry per statistic
     * @return whether every checked direction has a negative leading part
     */
    public boolean decaysInEveryDirection(double[] theta) {
        int top = 0;
        for (int j = 0; j < exponents.length; j++) {
            if (theta[j] != 0) {
                top = Math.max(top, total(exponents[j]));
            }
        }
        if (top == 0 || top % 2 == 1) {
            return false;
        }
        for (double[] u : directions()) {
            double v = 0;
            for (int j = 0; j < exponents.length; j++) {
                if (total(exponents[j]) == top) {
                    double term = theta[j];
                    for (int i = 0; i < dimension; i++) {
                        term *= Math.pow(u[i], exponents[j][i]);
                    }
                    v += term;
                }
            }
            if (!(v < 0)) {
                return false;
            }
        }
        return true;
    }

    private static int total(int[] p) {
        int t = 0;
        for (int e : p) {
            t += e;
        }
        return t;
    }

    private List<double[]> directions() {
        List<double[]> out = new ArrayList<>();
        int n = 3600;
        if (dimension == 1) {
            out.add(new double[] {1});
            out.add(new double[] {-1});
        } else if (dimension == 2) {
            for (int a = 0; a < n; a++) {
                double phi = 2 * Math.PI * a / n;
                out.add(new double[] {Math.cos(phi), Math.sin(phi)});
            }
        } else if (dimension == 3) {
            double golden = Math.PI * (3 - Math.sqrt(5));
            for (int a = 0; a < n; a++) {
                double zc = 1 - 2 * (a + 0.5) / n;
                double r = Math.sqrt(1 - zc * zc);
                out.add(new double[] {r * Math.cos(golden * a), r * Math.sin(golden * a), zc});
            }
        } else {
            for (int i = 0; i < dimension; i++) {
                for (double si : new double[] {1, -1}) {
                    double[] u = new double[dimension];
                    u[i] = si;
                    out.add(u);
                    for (int l = i + 1; l < dimension; l++) {
                        for (double sl : new double[] {1, -1}) {
                            double[] w = new double[dimension];
                            w[i] = si / Math.sqrt(2);
                            w[l] = sl / Math.sqrt(2);
                            out.add(w);
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "polynomial statistics of degree %d in %d variables (%d monomials)", degree,
                dimension, exponents.length);
    }
}
