package org.fieldscore.runner.output.fit;

/**
 * Least-squares straight line through (ln x, ln y): y ≈ C·x<sup>p</sup>. With x a step size h and y an error, the
 * slope p is the observed order of convergence; with x a sample size T and y an error, p ≈ −½ for Monte-Carlo
 * estimates.
 *
 * <p>The fit minimises Σ (ln y<sub>i</sub> − ln C − p ln x<sub>i</sub>)² (ordinary least squares in log-log space,
 * e.g. Roache, <i>Verification and Validation in Computational Science and Engineering</i>, 1998, §5.4). Immutable.
 *
 * @param order the fitted exponent p (the slope in log-log space)
 * @param logCoefficient the fitted ln C (the intercept in log-log space)
 * @param rSquared the coefficient of determination of the log-log fit, 1 for points exactly on a line
 * @param points the number of points fitted
 */
public record LogLogFit(double order, double logCoefficient, double rSquared, int points) {

    /**
     * Fits y ≈ C·x<sup>p</sup>.
     *
     * @param x abscissae, finite and &gt; 0, not all equal
     * @param y ordinates, finite and &gt; 0, as many as x, at least two
     * @return the fit
     * @throws IllegalArgumentException naming the bad entry when an argument is invalid
     */
    public static LogLogFit fit(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y need the same length, got " + x.length + " and " + y.length);
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("a log-log fit needs at least 2 points, got " + x.length);
        }
        int n = x.length;
        double meanU = 0;
        double meanV = 0;
        for (int i = 0; i < n; i++) {
            requirePositive("x", i, x[i]);
            requirePositive("y", i, y[i]);
            meanU += Math.log(x[i]);
            meanV += Math.log(y[i]);
        }
        meanU /= n;
        meanV /= n;
        double suu = 0;
        double suv = 0;
        double svv = 0;
        for (int i = 0; i < n; i++) {
            double du = Math.log(x[i]) - meanU;
            double dv = Math.log(y[i]) - meanV;
            suu += du * du;
            suv += du * dv;
            svv += dv * dv;
        }
        if (suu == 0) {
            throw new IllegalArgumentException("a log-log fit needs at least two different x values, got all x = "
                    + x[0]);
        }
        double slope = suv / suu;
        double residual = svv - slope * suv;
        double r2 = svv == 0 ? 1.0 : Math.max(0.0, 1.0 - residual / svv);
        return new LogLogFit(slope, meanV - slope * meanU, r2, n);
    }

    /**
     * @param x an abscissa &gt; 0
     * @return the fitted C·x<sup>p</sup>
     */
    public double predict(double x) {
        return Math.exp(logCoefficient + order * Math.log(x));
    }

    private static void requirePositive(String name, int i, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + "[" + i + "] must be finite and > 0 for a log-log fit, got " + v);
        }
    }
}
