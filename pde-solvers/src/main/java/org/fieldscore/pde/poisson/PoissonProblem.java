package org.fieldscore.pde.poisson;

import java.util.Objects;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.constants.Coupling;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.fields.source.Deposition;
import org.fieldscore.fields.source.Source;
import org.fieldscore.pde.GridRequirements;
import org.fieldscore.pde.SolveReport;
import org.fieldscore.pde.Stopping;
import org.fieldscore.pde.internal.EllipticOperator;

/**
 * Poisson's equation ∇²φ = f on a box grid with a boundary condition on every face; f = g·ρ for a source density ρ
 * and coupling g (the static Euler–Lagrange equation of the essay's Lagrangian). Immutable; build with
 * {@link #on(Grid)}.
 *
 * <p>Discretisation: the second-order 7-point (5-point in 2-D, 3-point in 1-D) Laplacian on the grid points; see
 * {@code AxisSpec} for the boundary closures. Pure Neumann and periodic problems have a solution only when
 * ∫f dV equals the boundary flux ∮∂φ/∂n dA (discretely: Σ W(f − q) = 0). The discrete right-hand side is projected
 * onto that condition (which changes the solution by the discretisation error only); a defect larger than
 * {@value #COMPATIBILITY_TOLERANCE} of Σ W|b| is refused unless {@link Builder#projectIncompatibleSource()} was chosen.
 * Their solution is fixed to zero weighted mean.
 */
public final class PoissonProblem {

    /**
     * Largest compatibility defect |Σ W b|/Σ W|b| treated as discretisation error and projected away silently. A
     * manufactured pure-Neumann problem has a defect of order h²; a net charge in a periodic box has a defect of order
     * one, which is refused unless projection was asked for.
     */
    static final double COMPATIBILITY_TOLERANCE = 0.05;

    private final Grid grid;
    private final BoundaryConditions conditions;
    private final SampledScalarField rightHandSide;
    private final boolean project;

    private PoissonProblem(Builder b) {
        this.grid = b.grid;
        this.conditions = Objects.requireNonNull(b.conditions, "boundary conditions (call boundaries(...))");
        this.rightHandSide = Objects.requireNonNull(b.rhs, "right-hand side (call rightHandSide, density or sources)");
        this.project = b.project;
        EllipticOperator.of(grid, conditions, 0);
    }

    /**
     * @param grid a space grid, 1 to 3 dimensions, at least 3 points per axis
     * @return a builder
     */
    public static Builder on(Grid grid) {
        return new Builder(grid);
    }

    /**
     * The grid check of {@link #on}, callable before building: a space grid of 1 to 3 dimensions with at least
     * {@value GridRequirements#MIN_POINTS_PER_AXIS} points per axis.
     *
     * @param grid a grid
     * @throws org.fieldscore.fields.InvalidArgumentException (argument {@code grid}) naming what is wrong
     */
    public static void requireGrid(Grid grid) {
        GridRequirements.requireSolvable(grid, "Poisson's equation");
    }

    /** @return the grid */
    public Grid grid() {
        return grid;
    }

    /** @return the boundary conditions */
    public BoundaryConditions boundaries() {
        return conditions;
    }

    /** @return f sampled on the grid */
    public SampledScalarField rightHandSide() {
        return rightHandSide;
    }

    /** @return the discrete operator ∇²<sub>h</sub> of this problem */
    EllipticOperator operator() {
        return EllipticOperator.of(grid, conditions, 0);
    }

    /**
     * The right-hand side of the discrete system A φ = b, b = f − q (q from the boundary data), projected when the
     * problem allows it.
     *
     * @param op the operator of this problem
     * @return b as a padded array
     * @throws IllegalArgumentException when a pure Neumann/periodic problem is incompatible and projection is off
     */
    double[] discreteRightHandSide(EllipticOperator op) {
        double[] b = op.newArray();
        op.mapping().scatter(rightHandSide.copyValues(), b);
        double[] q = op.newArray();
        op.lifting().addBoundaryTerms(0, q);
        for (int i = 0; i < b.length; i++) {
            b[i] -= q[i];
        }
        if (op.isSingular()) {
            double mean = op.vectors().weightedMean(b);
            double[] abs = b.clone();
            for (int i = 0; i < abs.length; i++) {
                abs[i] = Math.abs(abs[i]);
            }
            double scale = op.vectors().weightedMean(abs);
            if (Math.abs(mean) > COMPATIBILITY_TOLERANCE * scale && !project) {
                throw new IllegalArgumentException("incompatible pure Neumann/periodic problem: the source integral"
                        + " and the boundary flux differ, weighted mean of (f - boundary terms) = " + mean
                        + " (scale " + scale + "); a solution exists only when the integral of f equals the outward"
                        + " flux of grad phi; fix the data or call projectIncompatibleSource() to subtract the mean");
            }
            op.vectors().subtract(b, mean);
        }
        return b;
    }

    /**
     * Solves this problem; used by {@link PoissonSolver#solve(PoissonProblem, Stopping)}.
     *
     * @param solver the solver
     * @param stopping when to stop
     * @return the result
     */
    PoissonResult solveWith(PoissonSolver solver, Stopping stopping, ProgressListener listener) {
        long start = System.nanoTime();
        EllipticOperator op = operator();
        double[] b = discreteRightHandSide(op);
        double[] u = op.newArray();
        SolveReport report = ((PreparableSolver) solver).prepare(op).solve(b, u, stopping, listener);
        SampledScalarField phi = SampledScalarField.wrap(grid, op.mapping().gather(u, 0));
        return new PoissonResult(phi, report, (System.nanoTime() - start) * 1e-9);
    }

    /** Builds a {@link PoissonProblem}. */
    public static final class Builder {
        private final Grid grid;
        private BoundaryConditions conditions;
        private SampledScalarField rhs;
        private boolean project;

        private Builder(Grid grid) {
            requireGrid(Objects.requireNonNull(grid, "grid"));
            this.grid = grid;
        }

        /**
         * @param bcs a condition on every face
         * @return this builder
         */
        public Builder boundaries(BoundaryConditions bcs) {
            this.conditions = Objects.requireNonNull(bcs, "boundary conditions");
            return this;
        }

        /**
         * @param f the right-hand side f of ∇²φ = f (sampled on the grid)
         * @return this builder
         */
        public Builder rightHandSide(ScalarField f) {
            SampledScalarField s = f instanceof SampledScalarField sf && sf.grid().equals(grid) ? sf : f.sample(grid);
            for (int i = 0; i < s.size(); i++) {
                if (!Double.isFinite(s.valueAt(i))) {
                    throw new IllegalArgumentException("right-hand side is not finite at grid point " + i + ": "
                            + s.valueAt(i));
                }
            }
            this.rhs = s;
            return this;
        }

        /**
         * @param density ρ
         * @param coupling g (see {@link Coupling} for the sign convention)
         * @return this builder, with f = g·ρ
         */
        public Builder density(ScalarField density, Coupling coupling) {
            return rightHandSide(density.sample(grid).times(coupling.value()));
        }

        /**
         * @param coupling g
         * @param deposition how point charges are spread onto the grid
         * @param sources the sources; their densities add
         * @return this builder, with f = g·Σρ
         */
        public Builder sources(Coupling coupling, Deposition deposition, Source... sources) {
            double[] rho = new double[grid.pointCount()];
            for (Source s : sources) {
                s.depositInto(grid, deposition, rho);
            }
            for (int i = 0; i < rho.length; i++) {
                rho[i] *= coupling.value();
            }
            return rightHandSide(SampledScalarField.wrap(grid, rho));
        }

        /**
         * For pure Neumann or periodic problems: subtract the weighted mean of the discrete right-hand side (a uniform
         * neutralising background, as for a net charge in a periodic box) instead of refusing incompatible data.
         *
         * @return this builder
         */
        public Builder projectIncompatibleSource() {
            this.project = true;
            return this;
        }

        /** @return the problem */
        public PoissonProblem build() {
            return new PoissonProblem(this);
        }
    }
}
