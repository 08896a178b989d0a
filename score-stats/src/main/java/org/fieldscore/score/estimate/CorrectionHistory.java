package org.fieldscore.score.estimate;

/**
 * The last correction pairs s<sub>k</sub> = x<sub>k+1</sub> − x<sub>k</sub>, y<sub>k</sub> = ∇f<sub>k+1</sub> −
 * ∇f<sub>k</sub> of {@link Lbfgs}, kept in a ring, with ρ<sub>k</sub> = 1/(y<sub>k</sub>ᵀs<sub>k</sub>). A pair
 * is stored only if it satisfies the curvature condition sᵀy &gt; 0 (Nocedal &amp; Wright, 2nd ed., §7.2), so
 * that the implicit inverse Hessian stays positive definite; a rejected pair leaves the history untouched.
 */
final class CorrectionHistory {

    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private final double[] alpha;
    private int stored;
    private int newest = -1;
    private int rejected;

    /**
     * @param memory number of pairs kept
     * @param dimension length of x
     */
    CorrectionHistory(int memory, int dimension) {
        s = new double[memory][dimension];
        y = new double[memory][dimension];
        rho = new double[memory];
        alpha = new double[memory];
    }

    /**
     * Stores the pair (xNew − x, gNew − g) if (xNew − x)ᵀ(gNew − g) &gt; 0, overwriting the oldest pair when the
     * memory is full.
     *
     * @return whether the pair was stored
     */
    boolean offer(double[] x, double[] xNew, double[] g, double[] gNew) {
        double sy = 0;
        for (int i = 0; i < x.length; i++) {
            sy += (xNew[i] - x[i]) * (gNew[i] - g[i]);
        }
        if (!(sy > 0)) {
            rejected++;
            return false;
        }
        newest = (newest + 1) % s.length;
        for (int i = 0; i < x.length; i++) {
            s[newest][i] = xNew[i] - x[i];
            y[newest][i] = gNew[i] - g[i];
        }
        rho[newest] = 1 / sy;
        stored = Math.min(stored + 1, s.length);
        return true;
    }

    /** Forgets all pairs (H<sub>0</sub> is used alone afterwards). */
    void clear() {
        stored = 0;
    }

    /**
     * Two-loop recursion (Nocedal &amp; Wright, Alg. 7.4): overwrites v by H v, with H the L-BFGS inverse Hessian
     * built on H<sub>0</sub> = γI, γ = sᵀy/yᵀy of the newest pair (eq. 7.20), or γ = 1/max(1, ‖v‖<sub>∞</sub>)
     * while the history is empty.
     */
    void multiplyByInverseHessian(double[] v) {
        for (int j = 0; j < stored; j++) {
            int k = index(j);
            alpha[k] = rho[k] * dot(s[k], v);
            axpy(-alpha[k], y[k], v);
        }
        double gamma = stored > 0 ? dot(s[newest], y[newest]) / dot(y[newest], y[newest]) : 1 / Math.max(1, normInf(v));
        for (int i = 0; i < v.length; i++) {
            v[i] *= gamma;
        }
        for (int j = stored - 1; j >= 0; j--) {
            int k = index(j);
            double beta = rho[k] * dot(y[k], v);
            axpy(alpha[k] - beta, s[k], v);
        }
    }

    /** @return number of pairs stored */
    int size() {
        return stored;
    }

    /** @return number of pairs refused by the curvature test so far */
    int rejectedCount() {
        return rejected;
    }

    /** @return s of the pair {@code age} steps older than the newest (0 = newest), not a copy */
    double[] s(int age) {
        return s[index(age)];
    }

    /** @return y of the pair {@code age} steps older than the newest (0 = newest), not a copy */
    double[] y(int age) {
        return y[index(age)];
    }

    /** @return ρ of the pair {@code age} steps older than the newest (0 = newest) */
    double rho(int age) {
        return rho[index(age)];
    }

    private int index(int age) {
        if (age < 0 || age >= stored) {
            throw new IndexOutOfBoundsException("age " + age + " outside the " + stored + " stored pairs");
        }
        return Math.floorMod(newest - age, s.length);
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double normInf(double[] v) {
        double max = 0;
        for (double e : v) {
            max = Math.max(max, Math.abs(e));
        }
        return max;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
