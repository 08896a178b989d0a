package org.fieldscore.pde.wave;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.bc.Face;
import org.fieldscore.fields.constants.Coupling;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.source.Deposition;
import org.fieldscore.fields.source.Source;
import org.fieldscore.pde.GridRequirements;

/**
 * The damped wave equation ∂²φ/∂t² + γ∂φ/∂t − c²∇²φ = −gρ(t, x): the Euler–Lagrange equation of the essay's
 * Lagrangian L = ½[(∂φ/∂t)² − c²|∇φ|²] − gρφ (c = 1 in the essay), with optional linear damping γ. Its static limit
 * is ∇²φ = gρ/c². Immutable; build with {@link #on(Grid)}.
 *
 * <p>Faces listed as absorbing carry a first-order Mur condition ∂φ/∂t + c∂φ/∂n = 0 instead of their boundary
 * condition; their axis must be vertex-centred.
 */
public final class WaveProblem {

    private final Grid grid;
    private final double speed;
    private final Coupling coupling;
    private final double damping;
    private final BoundaryConditions conditions;
    private final Set<Face> absorbing;
    private final ScalarField initial;
    private final ScalarField initialVelocity;
    private final ScalarField density;
    private final boolean densityDependsOnTime;

    private WaveProblem(Builder b) {
        this.grid = b.grid;
        this.speed = b.speed;
        this.coupling = b.coupling;
        this.damping = b.damping;
        this.absorbing = EnumSet.copyOf(b.absorbing.isEmpty() ? EnumSet.noneOf(Face.class) : b.absorbing);
        BoundaryConditions bcs = Objects.requireNonNull(b.conditions, "boundary conditions (call boundaries(...))");
        for (Face f : absorbing) {
            if (f.axis() >= grid.spaceDimension()) {
                throw new IllegalArgumentException("absorbing face " + f + " does not exist on a "
                        + grid.spaceDimension() + "-D grid");
            }
            if (grid.centering(f.axis()) != Centering.VERTEX) {
                throw new IllegalArgumentException("absorbing face " + f + " needs a vertex-centred axis "
                        + Grid.axisName(f.axis()));
            }
            bcs = bcs.with(f, BoundaryCondition.dirichlet(0));
        }
        this.conditions = bcs;
        this.initial = b.initial == null ? ScalarField.of(grid.spaceDimension(), (t, x) -> 0.0) : b.initial;
        this.initialVelocity = b.initialVelocity;
        this.density = b.density;
        this.densityDependsOnTime = b.densityDependsOnTime;
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("wave speed c must be finite and > 0, got " + speed);
        }
        if (!(damping >= 0) || Double.isInfinite(damping)) {
            throw new IllegalArgumentException("damping must be finite and >= 0, got " + damping);
        }
        org.fieldscore.pde.internal.EllipticOperator.of(grid, conditions, 0);
    }

    /**
     * @param grid a space grid, at least 3 points per axis
     * @return a builder (c = 1, g = 1, no damping, φ = ∂φ/∂t = 0 initially, no source)
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
        GridRequirements.requireSolvable(grid, "the wave equation");
    }

    /** @return the grid */
    public Grid grid() {
        return grid;
    }

    /** @return c */
    public double speed() {
        return speed;
    }

    /** @return g */
    public Coupling coupling() {
        return coupling;
    }

    /** @return γ */
    public double damping() {
        return damping;
    }

    /** @return the boundary conditions, absorbing faces replaced by the fixed layers Mur updates */
    public BoundaryConditions boundaries() {
        return conditions;
    }

    /** @return the absorbing faces */
    public Set<Face> absorbingFaces() {
        return EnumSet.copyOf(absorbing.isEmpty() ? EnumSet.noneOf(Face.class) : absorbing);
    }

    /** @return φ(0, x) */
    public ScalarField initial() {
        return initial;
    }

    /** @return ∂φ/∂t(0, x), or null for zero */
    public ScalarField initialVelocity() {
        return initialVelocity;
    }

    /** @return ρ(t, x), or null for none */
    public ScalarField density() {
        return density;
    }

    /** @return whether ρ must be re-sampled at every step */
    public boolean densityDependsOnTime() {
        return densityDependsOnTime;
    }

    /** Builds a {@link WaveProblem}. */
    public static final class Builder {
        private final Grid grid;
        private double speed = 1;
        private Coupling coupling = Coupling.of(1);
        private double damping;
        private BoundaryConditions conditions;
        private final Set<Face> absorbing = EnumSet.noneOf(Face.class);
        private ScalarField initial;
        private ScalarField initialVelocity;
        private ScalarField density;
        private boolean densityDependsOnTime;

        private Builder(Grid grid) {
            requireGrid(Objects.requireNonNull(grid, "grid"));
            this.grid = grid;
        }

        /** @param c wave speed &gt; 0 @return this builder */
        public Builder speed(double c) {
            this.speed = c;
            return this;
        }

        /** @param g the coupling of the source term −gρ @return this builder */
        public Builder coupling(Coupling g) {
            this.coupling = Objects.requireNonNull(g, "coupling");
            return this;
        }

        /** @param gamma linear damping γ ≥ 0 @return this builder */
        public Builder damping(double gamma) {
            this.damping = gamma;
            return this;
        }

        /** @param bcs a condition on every face @return this builder */
        public Builder boundaries(BoundaryConditions bcs) {
            this.conditions = Objects.requireNonNull(bcs, "boundary conditions");
            return this;
        }

        /** @param faces faces with a first-order Mur absorbing condition @return this builder */
        public Builder absorbing(Face... faces) {
            for (Face f : faces) {
                absorbing.add(Objects.requireNonNull(f, "face"));
            }
            return this;
        }

        /** @param phi0 φ(0, x) @return this builder */
        public Builder initial(ScalarField phi0) {
            this.initial = Objects.requireNonNull(phi0, "initial state");
            return this;
        }

        /** @param v0 ∂φ/∂t(0, x) @return this builder */
        public Builder initialVelocity(ScalarField v0) {
            this.initialVelocity = Objects.requireNonNull(v0, "initial velocity");
            return this;
        }

        /** @param rho a source density constant in time (sampled once) @return this builder */
        public Builder density(ScalarField rho) {
            this.density = Objects.requireNonNull(rho, "density");
            this.densityDependsOnTime = false;
            return this;
        }

        /** @param rho a source density ρ(t, x), re-sampled every step @return this builder */
        public Builder timeDependentDensity(ScalarField rho) {
            this.density = Objects.requireNonNull(rho, "density");
            this.densityDependsOnTime = true;
            return this;
        }

        /**
         * @param deposition how point charges are spread
         * @param sources constant sources
         * @return this builder, with ρ their deposited density
         */
        public Builder sources(Deposition deposition, Source... sources) {
            double[] rho = new double[grid.pointCount()];
            for (Source s : sources) {
                s.depositInto(grid, deposition, rho);
            }
            return density(SampledScalarField.wrap(grid, rho));
        }

        /** @return the problem */
        public WaveProblem build() {
            return new WaveProblem(this);
        }
    }
}
