package org.fieldscore.score.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Lbfgs} and its {@link CorrectionHistory}. */
class LbfgsTest {

    /**
     * Extended Rosenbrock f(x) = Σ<sub>i&lt;n</sub> 100(x<sub>i+1</sub> − x<sub>i</sub>²)² + (1 − x<sub>i</sub>)²
     * (Nocedal &amp; Wright, eq. 9.24 summed), minimum 0 at (1, …, 1); nonconvex away from the minimum.
     */
    private static double rosenbrock(double[] x, double[] gradient) {
        Arrays.fill(gradient, 0);
        double f = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double valley = x[i + 1] - x[i] * x[i];
            double offset = 1 - x[i];
            f += 100 * valley * valley + offset * offset;
            gradient[i] += -400 * x[i] * valley - 2 * offset;
            gradient[i + 1] += 200 * valley;
        }
        return f;
    }

    /** The classical start (−1.2, 1, −1.2, 1, …). */
    private static double[] rosenbrockStart(int n) {
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = i % 2 == 0 ? -1.2 : 1;
        }
        return start;
    }

    /**
     * Near the minimum |x − 1|<sub>2</sub> ≤ ‖∇f‖<sub>2</sub>/λ<sub>min</sub> ≤ √n ‖∇f‖<sub>∞</sub>/λ<sub>min</sub>,
     * and λ<sub>min</sub>(∇²f(1)) ≈ 0.40 (n = 2) to 0.50 (n = 10, 50); with ‖∇f‖<sub>∞</sub> ≤ 1e-6 this is at most
     * 1.8e-5 for n = 50, hence the tolerance 5e-5.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 10, 50})
    void rosenbrockConvergesToAllOnes(int n) {
        Lbfgs.Result result = new Lbfgs(10, 1e-6, 2000).minimize(LbfgsTest::rosenbrock, rosenbrockStart(n));
        assertTrue(result.converged(), "gradient norm " + result.gradientNorm());
        for (int i = 0; i < n; i++) {
            assertEquals(1, result.point()[i], 5e-5, "component " + i);
        }
        assertEquals(0, result.value(), 1e-9, "f at the minimum");
    }

    @Test
    void memoryWrapsAroundManyTimesWithoutLosingTheMinimum() {
        int memory = 3;
        CorrectionHistory history = new CorrectionHistory(memory, 10);
        Lbfgs.Result result = new Lbfgs(memory, 1e-6, 2000).minimize(LbfgsTest::rosenbrock, rosenbrockStart(10),
                history);
        // the ring of 3 slots is overwritten many times over
        assertTrue(result.iterations() > 10 * memory, "iterations " + result.iterations());
        assertEquals(memory, history.size());
        assertTrue(result.converged(), "gradient norm " + result.gradientNorm());
        // same bound as in rosenbrockConvergesToAllOnes, for n = 10
        for (int i = 0; i < 10; i++) {
            assertEquals(1, result.point()[i], 2e-5, "component " + i);
        }
        assertStoredPairsConsistent(history);
    }

    /**
     * Regression: a pair failing sᵀy &gt; 0 offered to a full history must leave every stored pair, and therefore
     * the two-loop product, exactly as they were. The pair comes from Rosenbrock's nonconvex region: at (0, 1)
     * ∂²f/∂x₁² = 2 − 400(x₂ − 3x₁²) = −398, so a step along x₁ has sᵀy ≈ −398 s₁² &lt; 0.
     */
    @Test
    void rejectedPairLeavesAFullHistoryUntouched() {
        int memory = 4;
        CorrectionHistory history = new CorrectionHistory(memory, 2);
        // fill the ring past its capacity with pairs from the convex quadratic f = x₁² + 3x₂² (sᵀy > 0)
        double[] x = {1, 1};
        for (int k = 0; k < memory + 2; k++) {
            double[] xNew = {x[0] * 0.7 + 0.05 * k, x[1] * 0.5 - 0.02 * k};
            assertTrue(history.offer(x, xNew, new double[] {2 * x[0], 6 * x[1]},
                    new double[] {2 * xNew[0], 6 * xNew[1]}));
            x = xNew;
        }
        assertEquals(memory, history.size());
        double[][] sBefore = new double[memory][];
        double[][] yBefore = new double[memory][];
        double[] rhoBefore = new double[memory];
        for (int age = 0; age < memory; age++) {
            sBefore[age] = history.s(age).clone();
            yBefore[age] = history.y(age).clone();
            rhoBefore[age] = history.rho(age);
        }
        double[] probe = {0.3, -1.1};
        double[] productBefore = probe.clone();
        history.multiplyByInverseHessian(productBefore);

        double[] xConcave = {0, 1};
        double[] xStep = {0.01, 1};
        double[] gConcave = new double[2];
        double[] gStep = new double[2];
        rosenbrock(xConcave, gConcave);
        rosenbrock(xStep, gStep);
        assertTrue((xStep[0] - xConcave[0]) * (gStep[0] - gConcave[0]) < 0, "the pair must fail the test");
        assertFalse(history.offer(xConcave, xStep, gConcave, gStep));

        assertEquals(1, history.rejectedCount());
        assertEquals(memory, history.size());
        for (int age = 0; age < memory; age++) {
            assertArrayEquals(sBefore[age], history.s(age), 0, "s, age " + age);
            assertArrayEquals(yBefore[age], history.y(age), 0, "y, age " + age);
            assertEquals(rhoBefore[age], history.rho(age), 0, "ρ, age " + age);
        }
        double[] productAfter = probe.clone();
        history.multiplyByInverseHessian(productAfter);
        assertArrayEquals(productBefore, productAfter, 0);
    }

    /**
     * The strong Wolfe conditions imply sᵀy &gt; 0 for smooth f, so pairs are refused only where the line search
     * falls back on the best point of a collapsed bracket. Here f(u, v) = (v − 3)² − u − u² for u &lt; 1 and
     * (v − 3)² − 2 + 5(u − 1) for u ≥ 1: concave in u up to a kink at u = 1, its minimiser (1, 3). The first line
     * search runs along u into the kink, where the bracket collapses; the point just left of it has the slope −3,
     * steeper than the −1 at the start, so sᵀy &lt; 0 and the pair is refused. The run must still reach (1, 3)
     * (to 1e-6: the smooth part in v converges to the gradient tolerance 1e-8 well within it) with a consistent
     * history.
     */
    @Test
    void pairRefusedByTheCurvatureTestKeepsTheRunConsistent() {
        DifferentiableObjective kinked = (theta, gradient) -> {
            double u = theta[0];
            double v = theta[1];
            gradient[1] = 2 * (v - 3);
            if (u < 1) {
                gradient[0] = -1 - 2 * u;
                return (v - 3) * (v - 3) - u - u * u;
            }
            gradient[0] = 5;
            return (v - 3) * (v - 3) - 2 + 5 * (u - 1);
        };
        CorrectionHistory history = new CorrectionHistory(2, 2);
        Lbfgs.Result result = new Lbfgs(2, 1e-8, 100).minimize(kinked, new double[] {0, 2}, history);
        assertTrue(history.rejectedCount() > 0, "no pair was refused; the case does not test the rejection");
        assertEquals(1, result.point()[0], 1e-6, "u");
        assertEquals(3, result.point()[1], 1e-6, "v");
        assertEquals(-2, result.value(), 1e-6, "f at the minimiser");
        assertStoredPairsConsistent(history);
    }

    /** Every stored pair satisfies sᵀy &gt; 0 and ρ·sᵀy = 1 (to rounding: 1e-12 relative). */
    private static void assertStoredPairsConsistent(CorrectionHistory history) {
        for (int age = 0; age < history.size(); age++) {
            double sy = CorrectionHistory.dot(history.s(age), history.y(age));
            assertTrue(sy > 0, "sᵀy = " + sy + " at age " + age);
            assertEquals(1, history.rho(age) * sy, 1e-12, "ρ·sᵀy at age " + age);
        }
    }
}
