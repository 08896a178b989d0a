package org.fieldscore.pde.fokkerplanck;

import java.util.Arrays;
import java.util.Objects;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.VectorField;
import org.fieldscore.fields.bc.Face;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.GridRequirements;

/**
 * The Fokker–Planck equation for the density p(t, x) of particles moving by dX = b(X, t) dt + √(2D) dW,
 * <pre>
 *   ∂p/∂t = −∇·(b p) + ∇·(D ∇p) + s(x) = −∇·J + s,   J = b p − D∇p,
 * </pre>
 * on a box of cells (a cell-centred grid: each grid point is the centre of a finite volume, and the cells are the
 * bins of {@link org.fieldscore.fields.density.GridHistogram}), with a {@link Wall} on every face and an initial
 * density at t = 0. Immutable; build with {@link #on(Grid)}.
 *
 * <p>The drift is given either as a vector field b(t, x) (analytic, sampled, or a score model's field; for Langevin
 * sampling dX = ½S dt + dW it is ½S with D = ½), evaluated at the cell faces, or as a potential U with
 * b = −D∇U ({@link Builder#potential}), whose differences across each face enter the fitted flux so that the
 * discrete stationary state is exactly exp(−U)/Z at the grid points. For Langevin sampling of q, U = −log q.
 */
public final class FokkerPlanckProblem {

    private final Grid grid;
    private final double diffusivity;
    private final ScalarField diffusivityField;
    private final VectorField drift;
    private final ScalarField potential;
    private final boolean driftDependsOnTime;
    private final ScalarField initial;
    private final ScalarField source;
    private final Wall[] walls;
    private final FluxScheme flux;

    private FokkerPlanckProblem(Builder b) {
        this.grid = b.grid;
        this.diffusivity = b.diffusivity;
        this.diffusivityField = b.diffusivityField;
        this.drift = b.drift;
        this.potential = b.potential;
        this.driftDependsOnTime = b.driftDependsOnTime;
        this.initial = Objects.requireNonNull(b.initial, "initial density (call initial(...))");
        this.source = b.source;
        this.walls = b.walls.clone();
        this.flux = b.flux;
        if (diffusivityField == null && (!(diffusivity > 0) || Double.isInfinite(diffusivity))) {
            throw InvalidArgumentException.of("diffusivity", diffusivity, "finite and > 0");
        }
        if (drift == null && potential == null) {
            throw new InvalidArgumentException("drift", "none", "a drift field or a potential",
                    "the Fokker–Planck problem needs a drift: call drift(b) or potential(U) (b = 0 is drift(zero))");
        }
        int d = grid.spaceDimension();
        if (drift != null && (drift.spaceDimension() != d || drift.components() != d)) {
            throw new InvalidArgumentException("drift", drift.spaceDimension() + "-D field with " + drift.components()
                    + " components", d + " components on " + d + "-D space", "the drift must have one component per"
                    + " axis of the " + d + "-D grid; it has " + drift.components() + " components in "
                    + drift.spaceDimension() + "-D space");
        }
        requireDimension(potential, "potential", d);
        requireDimension(initial, "initial", d);
        requireDimension(source, "source", d);
        requireDimension(diffusivityField, "diffusivity", d);
        for (int a = 0; a < d; a++) {
            boolean low = walls[2 * a] == Wall.PERIODIC;
            boolean high = walls[2 * a + 1] == Wall.PERIODIC;
            if (low != high) {
                throw new InvalidArgumentException("walls", walls[2 * a] + "/" + walls[2 * a + 1],
                        "periodic on both faces of an axis or on neither", "axis " + Grid.axisName(a)
                                + " is periodic on one face only");
            }
        }
    }

    private static void requireDimension(ScalarField f, String name, int d) {
        if (f != null && f.spaceDimension() != d) {
            throw new InvalidArgumentException(name, f.spaceDimension() + "-D field", d + "-D",
                    "the " + name + " field is " + f.spaceDimension() + "-D, the grid " + d + "-D");
        }
    }

    /**
     * @param grid a cell-centred space grid, 1 to 3 dimensions, at least 3 cells per axis
     * @return a builder with no-flux walls and Scharfetter–Gummel fluxes
     */
    public static Builder on(Grid grid) {
        return new Builder(grid);
    }

    /**
     * The grid check of {@link #on}, callable before building: a cell-centred space grid of 1 to 3 dimensions with
     * at least {@value GridRequirements#MIN_POINTS_PER_AXIS} cells per axis.
     *
     * @param grid a grid
     * @throws InvalidArgumentException (argument {@code grid}) naming what is wrong
     */
    public static void requireGrid(Grid grid) {
        GridRequirements.requireSolvable(grid, "the Fokker–Planck equation");
        for (int a = 0; a < grid.spaceDimension(); a++) {
            if (grid.centering(a) != Centering.CELL) {
                throw new InvalidArgumentException("grid", grid, "cell-centred axes", "the Fokker–Planck equation"
                        + " is discretised in finite volumes whose centres are the grid points: axis "
                        + Grid.axisName(a) + " must be cell-centred, it is " + grid.centering(a));
            }
        }
    }

    /** @return the grid */
    public Grid grid() {
        return grid;
    }

    /** @return whether D is a field rather than a constant */
    public boolean hasDiffusivityField() {
        return diffusivityField != null;
    }

    /**
     * @param x a position
     * @return D(x)
     */
    public double diffusivity(double[] x) {
        return diffusivityField == null ? diffusivity : diffusivityField.value(0, x);
    }

    /** @return whether the drift is given by a potential U (b = −D∇U) */
    public boolean isGradientDrift() {
        return potential != null;
    }

    /** @return the drift field, or null when the drift is given by a potential */
    public VectorField drift() {
        return drift;
    }

    /** @return the potential U, or null when the drift is given as a field */
    public ScalarField potential() {
        return potential;
    }

    /** @return whether the drift (or the potential) must be re-evaluated at every time the scheme needs it */
    public boolean driftDependsOnTime() {
        return driftDependsOnTime;
    }

    /** @return p(0, x) */
    public ScalarField initial() {
        return initial;
    }

    /** @return the source s(x), or null */
    public ScalarField source() {
        return source;
    }

    /**
     * @param face a face of the grid
     * @return its wall
     */
    public Wall wall(Face face) {
        return walls[2 * face.axis() + (face.side() > 0 ? 1 : 0)];
    }

    /** @return whether no probability can leave: no absorbing face */
    public boolean conservesMass() {
        for (int a = 0; a < grid.spaceDimension(); a++) {
            if (walls[2 * a] == Wall.ABSORBING || walls[2 * a + 1] == Wall.ABSORBING) {
                return false;
            }
        }
        return true;
    }

    /** @return the flux discretisation */
    public FluxScheme flux() {
        return flux;
    }

    /** Builds a {@link FokkerPlanckProblem}. */
    public static final class Builder {
        private final Grid grid;
        private double diffusivity = Double.NaN;
        private ScalarField diffusivityField;
        private VectorField drift;
        private ScalarField potential;
        private boolean driftDependsOnTime;
        private ScalarField initial;
        private ScalarField source;
        private final Wall[] walls;
        private FluxScheme flux = FluxScheme.SCHARFETTER_GUMMEL;

        private Builder(Grid grid) {
            requireGrid(Objects.requireNonNull(grid, "grid"));
            this.grid = grid;
            this.walls = new Wall[2 * grid.spaceDimension()];
            Arrays.fill(walls, Wall.NO_FLUX);
        }

        /**
         * @param d the constant diffusion coefficient D &gt; 0
         * @return this builder
         */
        public Builder diffusivity(double d) {
            this.diffusivity = d;
            this.diffusivityField = null;
            return this;
        }

        /**
         * @param d D(x) &gt; 0, evaluated at the cell faces (once)
         * @return this builder
         */
        public Builder diffusivity(ScalarField d) {
            this.diffusivityField = Objects.requireNonNull(d, "diffusivity");
            return this;
        }

        /**
         * @param b a drift that does not change in time (evaluated at the faces once)
         * @return this builder
         */
        public Builder drift(VectorField b) {
            this.drift = Objects.requireNonNull(b, "drift");
            this.potential = null;
            this.driftDependsOnTime = false;
            return this;
        }

        /**
         * @param b a drift b(t, x), re-evaluated at every time the scheme needs it
         * @return this builder
         */
        public Builder timeDependentDrift(VectorField b) {
            drift(b);
            this.driftDependsOnTime = true;
            return this;
        }

        /**
         * @param u a potential U(x) with b = −D∇U; the stationary density under no-flux or periodic walls is
         *     exp(−U)/Z, exactly at the grid points with the fitted fluxes
         * @return this builder
         */
        public Builder potential(ScalarField u) {
            this.potential = Objects.requireNonNull(u, "potential");
            this.drift = null;
            this.driftDependsOnTime = false;
            return this;
        }

        /**
         * @param p0 p(0, x), sampled at the grid points
         * @return this builder
         */
        public Builder initial(ScalarField p0) {
            this.initial = Objects.requireNonNull(p0, "initial density");
            return this;
        }

        /**
         * @param s a source s(x) (probability per unit volume and time), sampled once
         * @return this builder
         */
        public Builder source(ScalarField s) {
            this.source = Objects.requireNonNull(s, "source");
            return this;
        }

        /**
         * @param w the wall on every face
         * @return this builder
         */
        public Builder walls(Wall w) {
            Arrays.fill(walls, Objects.requireNonNull(w, "wall"));
            return this;
        }

        /**
         * @param face a face
         * @param w its wall
         * @return this builder
         */
        public Builder wall(Face face, Wall w) {
            if (face.axis() >= grid.spaceDimension()) {
                throw InvalidArgumentException.of("face", face, "a face of the " + grid.spaceDimension() + "-D grid");
            }
            walls[2 * face.axis() + (face.side() > 0 ? 1 : 0)] = Objects.requireNonNull(w, "wall");
            return this;
        }

        /**
         * @param f the flux discretisation (default Scharfetter–Gummel)
         * @return this builder
         */
        public Builder flux(FluxScheme f) {
            this.flux = Objects.requireNonNull(f, "flux");
            return this;
        }

        /** @return the problem */
        public FokkerPlanckProblem build() {
            return new FokkerPlanckProblem(this);
        }
    }
}
