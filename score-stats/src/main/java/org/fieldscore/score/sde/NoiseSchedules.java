package org.fieldscore.score.sde;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.score.internal.Checks;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.special.Erf;

/**
 * Noise schedules for annealed Langevin dynamics by the techniques of Song &amp; Ermon, Improved techniques for
 * training score-based generative models (NeurIPS 2020, "NCSNv2"):
 * <ul>
 *   <li>technique 1: σ<sub>1</sub> = the largest Euclidean distance between two data points
 *       ({@link #largestPairwiseDistance});</li>
 *   <li>technique 2: the geometric ratio γ = σ<sub>i−1</sub>/σ<sub>i</sub> solving
 *       Φ(√(2D)(γ − 1) + 3γ) − Φ(√(2D)(γ − 1) − 3γ) = ½ for data dimension D ({@link #geometricRatio}), and the
 *       number of levels L = 1 + ⌈log(σ<sub>1</sub>/σ<sub>L</sub>)/log γ⌉ ({@link #levelCount});</li>
 *   <li>technique 4: the step size ε making the variance ratio after T steps at level i,
 *       (1 − ε/σ²<sub>L</sub>)<sup>2T</sup>(γ² − 2ε/(σ²<sub>L</sub> − σ²<sub>L</sub>(1 − ε/σ²<sub>L</sub>)²)) +
 *       2ε/(σ²<sub>L</sub> − σ²<sub>L</sub>(1 − ε/σ²<sub>L</sub>)²), closest to 1 ({@link #langevinStepSize}).</li>
 * </ul>
 * NCSNv2 steps x ← x + α s + √(2α) z with α<sub>i</sub> = ε σ²<sub>i</sub>/σ²<sub>L</sub>; FieldScore's
 * {@link org.fieldscore.score.sample.AnnealedLangevin} steps x ← x + ½a s + √a z, so its ε is twice NCSNv2's
 * ({@link #annealedLangevinEpsilon}). Stateless.
 */
public final class NoiseSchedules {

    private NoiseSchedules() {
    }

    /**
     * Technique 1.
     *
     * @param data n points of dimension d, row-major (O(n²d) work)
     * @param d the dimension
     * @return max<sub>i,j</sub> ‖x<sub>i</sub> − x<sub>j</sub>‖
     */
    public static double largestPairwiseDistance(double[] data, int d) {
        int n = Checks.requireSamples(data, d);
        double best = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double q = 0;
                for (int k = 0; k < d; k++) {
                    double e = data[i * d + k] - data[j * d + k];
                    q += e * e;
                }
                best = Math.max(best, q);
            }
        }
        return Math.sqrt(best);
    }

    /**
     * Technique 2: for x ~ N(0, σ²<sub>i</sub>I) in D dimensions ‖x‖ ≈ N(√D σ<sub>i</sub>, σ²<sub>i</sub>/2); the
     * ratio γ is chosen so that the 3-standard-deviation shells of consecutive levels overlap with probability ½.
     *
     * @param dimension D ≥ 5 (for D ≤ 4, √(2D) ≤ 3 and the overlap exceeds ½ for every γ: the rule sets no ratio)
     * @return γ &gt; 1
     */
    public static double geometricRatio(int dimension) {
        if (dimension < 5) {
            throw InvalidArgumentException.of("dimension", dimension, "at least 5 (below, every ratio γ satisfies "
                    + "technique 2; choose the levels by technique 1 and a count)");
        }
        double r = Math.sqrt(2.0 * dimension);
        java.util.function.DoubleUnaryOperator overlap = g -> phi(r * (g - 1) + 3 * g) - phi(r * (g - 1) - 3 * g)
                - 0.5;
        double upper = 1 + 1e-3;
        while (overlap.applyAsDouble(upper) > 0) {
            upper = 1 + 2 * (upper - 1);
        }
        return new BrentSolver(1e-14).solve(200, overlap::applyAsDouble, 1, upper);
    }

    /**
     * @param sigmaMax σ<sub>1</sub>
     * @param sigmaMin σ<sub>L</sub> &lt; σ<sub>1</sub>
     * @param ratio γ &gt; 1
     * @return L = 1 + ⌈log(σ<sub>1</sub>/σ<sub>L</sub>)/log γ⌉, the fewest levels whose ratio is at most γ
     */
    public static int levelCount(double sigmaMax, double sigmaMin, double ratio) {
        requireRange(sigmaMax, sigmaMin);
        if (!(ratio > 1) || !Double.isFinite(ratio)) {
            throw InvalidArgumentException.of("ratio", ratio, "> 1 and finite");
        }
        return 1 + (int) Math.ceil(Math.log(sigmaMax / sigmaMin) / Math.log(ratio) - 1e-9);
    }

    /**
     * Technique 4: minimises |ratio(ε) − 1| (the ratio decreases from γ² at ε → 0, reaches a minimum and grows
     * again) by golden-section search on log ε over (0, σ²<sub>L</sub>).
     *
     * @param sigmaMin σ<sub>L</sub>
     * @param ratio γ
     * @param stepsPerLevel T ≥ 1
     * @return NCSNv2's ε (drift α s with α<sub>L</sub> = ε)
     */
    public static double langevinStepSize(double sigmaMin, double ratio, int stepsPerLevel) {
        Checks.requirePositive(sigmaMin, "sigmaMin");
        Checks.requirePositive(stepsPerLevel, "stepsPerLevel");
        if (!(ratio > 1)) {
            throw InvalidArgumentException.of("ratio", ratio, "> 1");
        }
        double s2 = sigmaMin * sigmaMin;
        java.util.function.DoubleUnaryOperator misfit = logEps -> {
            double e = Math.exp(logEps);
            double u = 1 - e / s2;
            double b = 2 * e / (s2 - s2 * u * u);
            return Math.abs(Math.pow(u, 2.0 * stepsPerLevel) * (ratio * ratio - b) + b - 1);
        };
        // scan for the best bracket, then refine by golden section
        double lo = Math.log(s2 * 1e-12);
        double hi = Math.log(s2 * (1 - 1e-12));
        int scan = 400;
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= scan; i++) {
            double v = misfit.applyAsDouble(lo + (hi - lo) * i / scan);
            if (v < bestValue) {
                bestValue = v;
                best = i;
            }
        }
        double a = lo + (hi - lo) * Math.max(0, best - 1) / scan;
        double b = lo + (hi - lo) * Math.min(scan, best + 1) / scan;
        double golden = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 200 && b - a > 1e-13; it++) {
            double c = b - golden * (b - a);
            double e = a + golden * (b - a);
            if (misfit.applyAsDouble(c) < misfit.applyAsDouble(e)) {
                b = e;
            } else {
                a = c;
            }
        }
        return Math.exp(0.5 * (a + b));
    }

    /**
     * @param ncsnv2StepSize NCSNv2's ε
     * @return the same step in the convention of {@link org.fieldscore.score.sample.AnnealedLangevin}: 2ε
     */
    public static double annealedLangevinEpsilon(double ncsnv2StepSize) {
        return 2 * ncsnv2StepSize;
    }

    /**
     * Checks a noise range: the one rule for σ<sub>min</sub> and σ<sub>max</sub>.
     *
     * @param sigmaMax σ<sub>max</sub>
     * @param sigmaMin σ<sub>min</sub>
     * @throws InvalidArgumentException unless 0 &lt; σ<sub>min</sub> &lt; σ<sub>max</sub> &lt; ∞
     */
    public static void requireRange(double sigmaMax, double sigmaMin) {
        if (!(sigmaMin > 0) || !Double.isFinite(sigmaMin)) {
            throw InvalidArgumentException.of("sigma-min", sigmaMin, "> 0 and finite");
        }
        if (!(sigmaMax > sigmaMin) || !Double.isFinite(sigmaMax)) {
            throw InvalidArgumentException.of("sigma-max", sigmaMax, "finite and > sigma-min = " + sigmaMin);
        }
    }

    /**
     * Checks a noise schedule: strictly decreasing, positive, finite.
     *
     * @param sigmas σ<sub>1</sub> &gt; … &gt; σ<sub>L</sub> &gt; 0
     * @throws InvalidArgumentException naming the first level out of order
     */
    public static void requireDecreasing(double[] sigmas) {
        if (sigmas.length < 1) {
            throw InvalidArgumentException.of("sigmas", "[]", "at least one level");
        }
        for (int i = 0; i < sigmas.length; i++) {
            if (!(sigmas[i] > 0) || !Double.isFinite(sigmas[i])) {
                throw InvalidArgumentException.of("sigmas[" + i + "]", sigmas[i], "> 0 and finite");
            }
            if (i > 0 && !(sigmas[i] < sigmas[i - 1])) {
                throw InvalidArgumentException.of("sigmas[" + i + "]", sigmas[i], "< sigmas[" + (i - 1) + "] = "
                        + sigmas[i - 1] + " (levels decrease strictly)");
            }
        }
    }

    private static double phi(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }
}
