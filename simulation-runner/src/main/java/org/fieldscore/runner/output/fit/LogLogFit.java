package org.fieldscore.runner.output.fit;

import org.hipparchus.stat.regression.SimpleRegression;

/**
 * Least-squares straight line through (ln x, ln y): y ≈ C·x<sup>p</sup>. With x a step size h and y an error, the
 * slope p is the observed order of convergence; with x a sample size T and y an error, p ≈ −½ for Monte-Carlo
 * estimates.
 *
 * <p>The fit minimises Σ (ln y<sub>i</sub> − ln C − p ln x<sub>i</sub>)² (ordinary least squares in log-log space,
 * e.g. Roache, <i>Verification and Validation in Computational Science and Engineering</i>, 1998, §5.4), computed by
 * Hipparchus' {@link SimpleRegression}. Immutable.
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
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            requirePositive("x", i, x[i]);
            requirePositive("y", i, y[i]);
            regression.addData(Math.log(x[i]), Math.log(y[i]));
        }
        if (regression.getXSumSquares() == 0) {
            throw new IllegalArgumentException("a log-log fit needs at least two different x values, got all x = "
                    + x[0]);
        }
        // all ln y equal: the horizontal line fits exactly, where SimpleRegression's R² would be 0/0
        double r2 = regression.getTotalSumSquares() == 0 ? 1.0 : regression.getRSquare();
        return new LogLogFit(regression.getSlope(), regression.getIntercept(), r2, x.length);
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
