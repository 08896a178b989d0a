package org.fieldscore.fields.bc;

/**
 * The data g(t, x) of a boundary condition, evaluated at points of a face.
 */
@FunctionalInterface
public interface BoundaryValue {

    /** The homogeneous value g = 0. */
    BoundaryValue ZERO = constant(0.0);

    /**
     * @param t time
     * @param x a point on the face
     * @return g(t, x)
     */
    double value(double t, double[] x);

    /**
     * @param c the constant
     * @return g ≡ c
     */
    static BoundaryValue constant(double c) {
        return new Constant(c);
    }

    /** @return whether g is the same everywhere and at all times */
    default boolean isConstant() {
        return false;
    }

    /** @return whether g ≡ 0 */
    default boolean isZero() {
        return false;
    }

    /**
     * A constant boundary value.
     *
     * @param c the value
     */
    record Constant(double c) implements BoundaryValue {
        @Override
        public double value(double t, double[] x) {
            return c;
        }

        @Override
        public boolean isConstant() {
            return true;
        }

        @Override
        public boolean isZero() {
            return c == 0.0;
        }
    }
}
