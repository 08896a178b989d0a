package org.fieldscore.fields.bc;

import java.util.Objects;

/**
 * A boundary condition on one face. The normal n is the outward unit normal of the face.
 *
 * <ul>
 *   <li>{@link Dirichlet}: u = g</li>
 *   <li>{@link Neumann}: ∂u/∂n = g</li>
 *   <li>{@link Robin}: α u + β ∂u/∂n = g</li>
 *   <li>{@link Periodic}: u(lower) = u(upper) with all derivatives; it must be set on both faces of an axis,
 *       and that axis must be cell-centred so that the period is n·h.</li>
 * </ul>
 *
 * How operators and solvers turn each kind into stencil closures and ghost values is documented in
 * {@code docs/fields.md}.
 */
public sealed interface BoundaryCondition
        permits BoundaryCondition.Dirichlet, BoundaryCondition.Neumann, BoundaryCondition.Robin,
        BoundaryCondition.Periodic {

    /** @return a short human-readable name */
    String describe();

    /**
     * @param g the boundary value
     * @return u = g
     */
    static Dirichlet dirichlet(BoundaryValue g) {
        return new Dirichlet(g);
    }

    /**
     * @param g the constant boundary value
     * @return u = g
     */
    static Dirichlet dirichlet(double g) {
        return new Dirichlet(BoundaryValue.constant(g));
    }

    /**
     * @param g the outward normal derivative
     * @return ∂u/∂n = g
     */
    static Neumann neumann(BoundaryValue g) {
        return new Neumann(g);
    }

    /**
     * @param g the constant outward normal derivative
     * @return ∂u/∂n = g
     */
    static Neumann neumann(double g) {
        return new Neumann(BoundaryValue.constant(g));
    }

    /**
     * @param alpha weight of u
     * @param beta weight of ∂u/∂n, non-zero
     * @param g the right-hand side
     * @return α u + β ∂u/∂n = g
     */
    static Robin robin(double alpha, double beta, BoundaryValue g) {
        return new Robin(alpha, beta, g);
    }

    /** @return the periodic condition */
    static Periodic periodic() {
        return Periodic.INSTANCE;
    }

    /**
     * u = g on the face.
     *
     * @param value g
     */
    record Dirichlet(BoundaryValue value) implements BoundaryCondition {
        /** @throws NullPointerException when value is null */
        public Dirichlet {
            Objects.requireNonNull(value, "Dirichlet value");
        }

        @Override
        public String describe() {
            return "Dirichlet";
        }
    }

    /**
     * ∂u/∂n = g on the face, n the outward normal.
     *
     * @param flux g
     */
    record Neumann(BoundaryValue flux) implements BoundaryCondition {
        /** @throws NullPointerException when flux is null */
        public Neumann {
            Objects.requireNonNull(flux, "Neumann flux");
        }

        @Override
        public String describe() {
            return "Neumann";
        }
    }

    /**
     * α u + β ∂u/∂n = g on the face. β = 0 is a Dirichlet condition; use {@link Dirichlet} for it.
     *
     * @param alpha α
     * @param beta β, non-zero
     * @param value g
     */
    record Robin(double alpha, double beta, BoundaryValue value) implements BoundaryCondition {
        /** @throws IllegalArgumentException when β is zero or a weight is not finite */
        public Robin {
            Objects.requireNonNull(value, "Robin value");
            if (!Double.isFinite(alpha) || !Double.isFinite(beta) || beta == 0) {
                throw new IllegalArgumentException("Robin condition needs finite alpha and a finite non-zero beta, got alpha "
                        + alpha + ", beta " + beta + " (beta = 0 is a Dirichlet condition)");
            }
        }

        @Override
        public String describe() {
            return "Robin";
        }
    }

    /** Periodic continuation across the axis. */
    final class Periodic implements BoundaryCondition {
        static final Periodic INSTANCE = new Periodic();

        private Periodic() {
        }

        @Override
        public String describe() {
            return "periodic";
        }

        @Override
        public String toString() {
            return "Periodic";
        }
    }
}
