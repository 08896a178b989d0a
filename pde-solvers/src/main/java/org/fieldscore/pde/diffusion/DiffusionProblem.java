package org.fieldscore.pde.diffusion;

import java.util.Objects;

import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.GridRequirements;

/**
 * The diffusion equation ∂φ/∂t − k∇²φ = S(t, x) on a box grid, with boundary conditions per face (whose values may
 * depend on t and x) and an initial state at t = 0. It is the essay's Lagrangian dynamics with the second time
 * derivative replaced by a first one (Fick/Fourier). Immutable; build with {@link #on(Grid)}.
 *
 * <p>Heat form: ρc ∂T/∂t − K∇²T = Q with conductivity K, density ρ, specific heat c and volumetric source Q, that is
 * k = κ = K/(ρc) and S = Q/(ρc); see {@link Builder#heat(double, double, double)}.
 */
public final class DiffusionProblem {

    private final Grid grid;
    private final double diffusivity;
    private final BoundaryConditions conditions;
    private final ScalarField initial;
    private final ScalarField source;
    private final boolean sourceDependsOnTime;
    private final double sourceScale;

    private DiffusionProblem(Builder b) {
        this.grid = b.grid;
        this.diffusivity = b.diffusivity;
        this.conditions = Objects.requireNonNull(b.conditions, "boundary conditions (call boundaries(...))");
        this.initial = Objects.requireNonNull(b.initial, "initial state (call initial(...))");
        this.source = b.source;
        this.sourceDependsOnTime = b.sourceDependsOnTime;
        this.sourceScale = b.sourceScale;
        if (!(diffusivity > 0) || Double.isInfinite(diffusivity)) {
            throw new IllegalArgumentException("diffusivity k must be finite and > 0, got " + diffusivity);
        }
        org.fieldscore.pde.internal.EllipticOperator.of(grid, conditions, 0);
    }

    /**
     * @param grid a space grid, at least 3 points per axis
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
        GridRequirements.requireSolvable(grid, "the diffusion equation");
    }

    /** @return the grid */
    public Grid grid() {
        return grid;
    }

    /** @return k */
    public double diffusivity() {
        return diffusivity;
    }

    /** @return the boundary conditions */
    public BoundaryConditions boundaries() {
        return conditions;
    }

    /** @return φ(0, x) */
    public ScalarField initial() {
        return initial;
    }

    /** @return whether there is a source */
    public boolean hasSource() {
        return source != null;
    }

    /** @return whether the source must be re-evaluated at every time */
    public boolean sourceDependsOnTime() {
        return sourceDependsOnTime;
    }

    /**
     * @param t time
     * @param x a point
     * @return S(t, x) (0 without a source)
     */
    public double source(double t, double[] x) {
        return source == null ? 0 : sourceScale * source.value(t, x);
    }

    /** Builds a {@link DiffusionProblem}. */
    public static final class Builder {
        private final Grid grid;
        private double diffusivity = Double.NaN;
        private BoundaryConditions conditions;
        private ScalarField initial;
        private ScalarField source;
        private boolean sourceDependsOnTime;
        private double sourceScale = 1;

        private Builder(Grid grid) {
            requireGrid(Objects.requireNonNull(grid, "grid"));
            this.grid = grid;
        }

        /**
         * @param k the diffusivity &gt; 0
         * @return this builder
         */
        public Builder diffusivity(double k) {
            this.diffusivity = k;
            return this;
        }

        /**
         * Heat conduction: k = K/(ρc); a source given to {@link #source} is a volumetric heat rate Q and is divided
         * by ρc.
         *
         * @param conductivity K &gt; 0 (W m⁻¹ K⁻¹)
         * @param density ρ &gt; 0 (kg m⁻³)
         * @param specificHeat c &gt; 0 (J kg⁻¹ K⁻¹)
         * @return this builder
         */
        public Builder heat(double conductivity, double density, double specificHeat) {
            if (!(conductivity > 0) || !(density > 0) || !(specificHeat > 0)) {
                throw new IllegalArgumentException("conductivity, density and specific heat must be > 0, got "
                        + conductivity + ", " + density + ", " + specificHeat);
            }
            this.diffusivity = conductivity / (density * specificHeat);
            this.sourceScale = 1 / (density * specificHeat);
            return this;
        }

        /**
         * @param bcs a condition on every face; values may depend on (t, x)
         * @return this builder
         */
        public Builder boundaries(BoundaryConditions bcs) {
            this.conditions = Objects.requireNonNull(bcs, "boundary conditions");
            return this;
        }

        /**
         * @param phi0 φ(0, x)
         * @return this builder
         */
        public Builder initial(ScalarField phi0) {
            this.initial = Objects.requireNonNull(phi0, "initial state");
            return this;
        }

        /**
         * @param s a source that does not change in time (sampled once)
         * @return this builder
         */
        public Builder source(ScalarField s) {
            this.source = Objects.requireNonNull(s, "source");
            this.sourceDependsOnTime = false;
            return this;
        }

        /**
         * @param s a source S(t, x), re-sampled at every time the scheme needs it
         * @return this builder
         */
        public Builder timeDependentSource(ScalarField s) {
            this.source = Objects.requireNonNull(s, "source");
            this.sourceDependsOnTime = true;
            return this;
        }

        /** @return the problem */
        public DiffusionProblem build() {
            return new DiffusionProblem(this);
        }
    }
}
