package org.fieldscore.pde.internal.stencil;

import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.grid.Centering;

/**
 * The one-dimensional discretisation of ∂²/∂x² along one axis: which grid points are unknowns, and how the ghost
 * value beyond each end follows from the boundary condition. Immutable.
 *
 * <p>Unknown i sits at {@link #position(int)}; the padded array holds one extra layer on each side (index −1 and m),
 * which is either a fixed Dirichlet node of a vertex-centred axis or a ghost value
 * u<sub>ghost</sub> = s·u<sub>adjacent</sub> + t·u<sub>next</sub> + γ(g). The homogeneous part (s, t) defines the
 * operator; γ(g) moves to the right-hand side. Formulas (h the spacing, g the boundary datum, n the outward normal):
 * <ul>
 *   <li>vertex Dirichlet: the boundary node is fixed, γ = g;</li>
 *   <li>vertex Neumann (centred difference through a ghost node at distance h): s = 0, t = 1, γ = 2hg;</li>
 *   <li>vertex Robin α u + β ∂u/∂n = g: s = −2hα/β, t = 1, γ = 2hg/β;</li>
 *   <li>cell Dirichlet (face value = mean of the two cells beside it): s = −1, γ = 2g;</li>
 *   <li>cell Neumann: s = 1, γ = hg;</li>
 *   <li>cell Robin: s = −(α/2 − β/h)/(α/2 + β/h), γ = g/(α/2 + β/h);</li>
 *   <li>periodic: the ghost is the unknown on the other end.</li>
 * </ul>
 * Vertex-centred Neumann and Robin nodes on the boundary carry the quadrature weight ½, which makes W·A symmetric.
 */
public final class AxisSpec {

    /** The kind of an end of the axis, with its Robin ratio α/β. */
    public enum Kind { DIRICHLET, NEUMANN, ROBIN, PERIODIC, INACTIVE }

    public final Centering centering;
    public final int cells;
    public final double length;
    public final double lower;
    public final Kind[] kind = new Kind[2];
    public final double[] robinAlpha = new double[2];
    public final double[] robinBeta = new double[2];
    public final int m;
    public final double h;
    public final double coefficient;
    /** Index of the first unknown on the grid axis. */
    public final int firstGridIndex;
    public final double[] ghostSelf = new double[2];
    public final double[] ghostNext = new double[2];
    public final double[] diagonal;
    public final double[] weight;

    private AxisSpec(Centering centering, int cells, double lower, double length, Kind[] kinds, double[] alpha,
                     double[] beta) {
        this.centering = centering;
        this.cells = cells;
        this.lower = lower;
        this.length = length;
        for (int s = 0; s < 2; s++) {
            kind[s] = kinds[s];
            robinAlpha[s] = alpha[s];
            robinBeta[s] = beta[s];
        }
        if (kinds[0] == Kind.INACTIVE) {
            m = 1;
            h = 1;
            coefficient = 0;
            firstGridIndex = 0;
            diagonal = new double[] {0};
            weight = new double[] {1};
            return;
        }
        boolean vertex = centering == Centering.VERTEX;
        this.h = length / cells;
        this.coefficient = 1.0 / (h * h);
        int dirichletEnds = vertex ? (kinds[0] == Kind.DIRICHLET ? 1 : 0) + (kinds[1] == Kind.DIRICHLET ? 1 : 0) : 0;
        this.m = (vertex ? cells + 1 : cells) - dirichletEnds;
        this.firstGridIndex = vertex && kinds[0] == Kind.DIRICHLET ? 1 : 0;
        this.diagonal = new double[m];
        this.weight = new double[m];
        java.util.Arrays.fill(diagonal, -2 * coefficient);
        java.util.Arrays.fill(weight, 1.0);
        for (int s = 0; s < 2; s++) {
            double a = alpha[s];
            double b = beta[s];
            switch (kinds[s]) {
                case DIRICHLET -> ghostSelf[s] = vertex ? 0 : -1;
                case NEUMANN -> {
                    ghostSelf[s] = vertex ? 0 : 1;
                    ghostNext[s] = vertex ? 1 : 0;
                }
                case ROBIN -> {
                    ghostSelf[s] = vertex ? -2 * h * a / b : -(a / 2 - b / h) / (a / 2 + b / h);
                    ghostNext[s] = vertex ? 1 : 0;
                }
                default -> {
                }
            }
            int end = s == 0 ? 0 : m - 1;
            diagonal[end] += ghostSelf[s] * coefficient;
            if (vertex && (kinds[s] == Kind.NEUMANN || kinds[s] == Kind.ROBIN)) {
                weight[end] *= 0.5;
            }
        }
    }

    /** An axis of a lower-dimensional problem: one unknown, no coupling. */
    public static AxisSpec inactive() {
        return new AxisSpec(Centering.CELL, 1, 0, 1, new Kind[] {Kind.INACTIVE, Kind.INACTIVE}, new double[2],
                new double[2]);
    }

    /**
     * @param centering the axis centering
     * @param points grid points on the axis
     * @param lower lower end
     * @param upper upper end
     * @param low condition on the low face
     * @param high condition on the high face
     * @param axisName for messages
     * @return the spec
     */
    public static AxisSpec of(Centering centering, int points, double lower, double upper, BoundaryCondition low,
                       BoundaryCondition high, String axisName) {
        Kind[] kinds = new Kind[2];
        double[] alpha = new double[2];
        double[] beta = new double[2];
        BoundaryCondition[] bc = {low, high};
        for (int s = 0; s < 2; s++) {
            String face = axisName + (s == 0 ? "-" : "+");
            if (bc[s] == null) {
                throw new IllegalArgumentException("face " + face + " has no boundary condition; an elliptic problem needs"
                        + " Dirichlet, Neumann, Robin or periodic on every face");
            }
            if (bc[s] instanceof BoundaryCondition.Dirichlet) {
                kinds[s] = Kind.DIRICHLET;
            } else if (bc[s] instanceof BoundaryCondition.Neumann) {
                kinds[s] = Kind.NEUMANN;
            } else if (bc[s] instanceof BoundaryCondition.Robin r) {
                if (r.alpha() / r.beta() < 0) {
                    throw new IllegalArgumentException("Robin condition on face " + face + " has alpha/beta = "
                            + r.alpha() / r.beta() + " < 0, which makes the problem indefinite; use alpha/beta >= 0");
                }
                kinds[s] = r.alpha() == 0 ? Kind.NEUMANN : Kind.ROBIN;
                alpha[s] = r.alpha();
                beta[s] = r.beta();
            } else {
                kinds[s] = Kind.PERIODIC;
            }
        }
        int cells = centering == Centering.VERTEX ? points - 1 : points;
        int minPoints = 3;
        if (points < minPoints) {
            throw new IllegalArgumentException("axis " + axisName + " has " + points + " points; the solvers need at"
                    + " least " + minPoints + " per axis");
        }
        return new AxisSpec(centering, cells, lower, upper - lower, kinds, alpha, beta);
    }

    /** @return the same axis with the given number of cells */
    public AxisSpec withCells(int newCells) {
        return new AxisSpec(centering, newCells, lower, length, kind, robinAlpha, robinBeta);
    }

    public boolean active() {
        return kind[0] != Kind.INACTIVE;
    }

    public boolean periodic() {
        return kind[0] == Kind.PERIODIC;
    }

    /** @return whether the ends leave the constant function in the null space of the axis operator */
    public boolean conservesConstants() {
        return kind[0] != Kind.DIRICHLET && kind[0] != Kind.ROBIN && kind[1] != Kind.DIRICHLET
                && kind[1] != Kind.ROBIN;
    }

    /** @return whether the padded end layer on that side is a fixed Dirichlet node of a vertex axis */
    public boolean fixedEnd(int side) {
        return kind[side] == Kind.DIRICHLET && centering == Centering.VERTEX;
    }

    /**
     * @param i unknown index (−1 and m address the end layers)
     * @return its coordinate
     */
    public double position(int i) {
        double offset = centering == Centering.VERTEX ? i + firstGridIndex : i + 0.5;
        return lower + offset * h;
    }

    /**
     * The inhomogeneous part γ of the ghost value for boundary datum g.
     *
     * @param side 0 low, 1 high
     * @param g the datum (value, outward flux, or Robin right-hand side)
     * @return γ
     */
    public double ghostConstant(int side, double g) {
        boolean vertex = centering == Centering.VERTEX;
        double b = robinBeta[side];
        return switch (kind[side]) {
            case DIRICHLET -> vertex ? g : 2 * g;
            case NEUMANN -> (vertex ? 2 * h : h) * (b != 0 ? g / b : g);
            case ROBIN -> vertex ? 2 * h * g / b : g / (robinAlpha[side] / 2 + b / h);
            default -> 0;
        };
    }

    /** @return the coordinate of a face: lower or upper end */
    public double facePosition(int side) {
        return side == 0 ? lower : lower + length;
    }
}
