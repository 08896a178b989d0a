package org.fieldscore.score.model;

import java.util.Arrays;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.score.internal.Checks;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;

/**
 * The one check that a covariance or precision matrix is usable: square, finite, symmetric and positive definite
 * with a smallest eigenvalue above rounding, λ<sub>min</sub> &gt; d·ε·λ<sub>max</sub> (ε the double precision).
 * A singular matrix (all zeros, a repeated row, rank below d) therefore fails here, with the argument's own name,
 * instead of deep inside a decomposition; every model that inverts or factors such a matrix calls it first, so that
 * callers who check a declaration before computing (the runner while validating) meet the same rule.
 */
public final class PositiveDefiniteMatrices {

    private PositiveDefiniteMatrices() {
    }

    /**
     * @param matrix a d×d matrix
     * @param argument its name for messages, e.g. {@code "covariance"} or {@code "covariances[1]"}
     * @return its eigenvalues in increasing order
     * @throws InvalidArgumentException naming the argument, with the smallest eigenvalue as the value, when the
     *     matrix is not square, not finite, not symmetric, or not positive definite (singular included)
     */
    public static double[] require(double[][] matrix, String argument) {
        int d = matrix.length;
        if (d == 0) {
            throw InvalidArgumentException.of(argument, "an empty matrix", "a d×d matrix with d >= 1");
        }
        try {
            Checks.requireSquare(matrix, d, argument);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException(argument, "a " + d + "-row matrix", "a square matrix of finite values",
                    e.getMessage());
        }
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double a = matrix[i][j];
                double b = matrix[j][i];
                if (Math.abs(a - b) > 1e-12 * Math.max(Math.abs(a), Math.abs(b))) {
                    throw new InvalidArgumentException(argument, a, "symmetric", argument + " must be symmetric;"
                            + " entry (" + i + ", " + j + ") = " + a + " but (" + j + ", " + i + ") = " + b);
                }
            }
        }
        double[] eig = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(matrix)).getEigenvalues();
        Arrays.sort(eig);
        double smallest = eig[0];
        double largest = eig[d - 1];
        double floor = d * Math.ulp(1.0) * Math.max(Math.abs(largest), Double.MIN_NORMAL);
        if (!(smallest > floor)) {
            String kind = largest == 0 && smallest == 0 ? "all zero" : smallest > -floor ? "singular (rank "
                    + rank(eig, floor) + " of " + d + ")" : "not positive definite";
            throw new InvalidArgumentException(argument, smallest, "symmetric positive definite (every eigenvalue"
                    + " > 0)", argument + " must be symmetric positive definite, but it is " + kind
                    + "; its smallest eigenvalue is " + smallest + " (eigenvalues " + Arrays.toString(eig) + ")");
        }
        return eig;
    }

    private static int rank(double[] eig, double floor) {
        int r = 0;
        for (double e : eig) {
            if (e > floor) {
                r++;
            }
        }
        return r;
    }
}
