package org.fieldscore.fields;

import org.fieldscore.fields.grid.Grid;

/**
 * A vector field v: (t, x) → ℝ<sup>p</sup> over 1 to 3 space dimensions.
 *
 * <p>The number of components p is independent of the space dimension: the essay's wind velocity is ℝ² → ℝ²,
 * the 4-gradient ∂φ/∂X<sup>μ</sup> of a 3-D space-time field has 4 components (t, x, y, z). Fields are
 * immutable.
 */
public interface VectorField {

    /** @return the number of space dimensions */
    int spaceDimension();

    /** @return the number of components p */
    int components();

    /**
     * @param t time
     * @param x position
     * @param out receives the p components
     */
    void value(double t, double[] x, double[] out);

    /**
     * @param grid the grid to sample on
     * @return the components sampled at the grid points
     */
    SampledVectorField sample(Grid grid);

    /**
     * @param c component number, 0 … p − 1
     * @return that component as a scalar field
     */
    ScalarField component(int c);

    /** @return the Euclidean norm |v| = (Σ v<sub>i</sub>²)<sup>½</sup>, e.g. wind speed from wind velocity */
    default ScalarField norm() {
        return normSquared().sqrt();
    }

    /** @return |v|² = Σ v<sub>i</sub>² */
    default ScalarField normSquared() {
        return minkowski(false);
    }

    /**
     * The Minkowski squared norm with signature (+, −, −, −): v₀² − v₁² − … , component 0 being time. This is the
     * Lorentz-invariant combination in the essay's Lagrangian, (∂φ/∂t)² − |∇φ|².
     *
     * @return the Minkowski squared norm (may be negative)
     */
    default ScalarField minkowskiNormSquared() {
        return minkowski(true);
    }

    /**
     * The Minkowski norm sign(s)·|s|<sup>½</sup> of the squared norm s above: positive for time-like, negative for
     * space-like vectors.
     *
     * @return the signed Minkowski norm
     */
    default ScalarField minkowskiNorm() {
        return minkowskiNormSquared().map(s -> Math.signum(s) * Math.sqrt(Math.abs(s)));
    }

    private ScalarField minkowski(boolean lorentzian) {
        ScalarField[] parts = new ScalarField[components()];
        for (int c = 0; c < parts.length; c++) {
            parts[c] = component(c);
        }
        return ScalarField.compose(v -> {
            double s = 0;
            for (int c = 0; c < v.length; c++) {
                s += (lorentzian && c > 0 ? -1 : 1) * v[c] * v[c];
            }
            return s;
        }, parts);
    }

    /**
     * @param other a field with the same number of components
     * @return the pointwise dot product Σ v<sub>i</sub> w<sub>i</sub>
     */
    default ScalarField dot(VectorField other) {
        if (other.components() != components()) {
            throw new IllegalArgumentException("dot product needs equal component counts, got " + components()
                    + " and " + other.components());
        }
        ScalarField sum = component(0).times(other.component(0));
        for (int c = 1; c < components(); c++) {
            sum = sum.plus(component(c).times(other.component(c)));
        }
        return sum;
    }

    /** @return v + w, componentwise */
    default VectorField plus(VectorField other) {
        requireSameComponents(other);
        ScalarField[] parts = new ScalarField[components()];
        for (int c = 0; c < parts.length; c++) {
            parts[c] = component(c).plus(other.component(c));
        }
        return of(parts);
    }

    /** @return v − w, componentwise */
    default VectorField minus(VectorField other) {
        requireSameComponents(other);
        ScalarField[] parts = new ScalarField[components()];
        for (int c = 0; c < parts.length; c++) {
            parts[c] = component(c).minus(other.component(c));
        }
        return of(parts);
    }

    /** @return c·v */
    default VectorField times(double c) {
        ScalarField[] parts = new ScalarField[components()];
        for (int k = 0; k < parts.length; k++) {
            parts[k] = component(k).times(c);
        }
        return of(parts);
    }

    /** @return φ·v, the field scaled pointwise by a scalar field */
    default VectorField times(ScalarField phi) {
        ScalarField[] parts = new ScalarField[components()];
        for (int k = 0; k < parts.length; k++) {
            parts[k] = component(k).times(phi);
        }
        return of(parts);
    }

    private void requireSameComponents(VectorField other) {
        if (other.components() != components()) {
            throw new IllegalArgumentException("vector fields have " + components() + " and " + other.components()
                    + " components; they must match");
        }
    }

    /**
     * Builds a vector field from its components: sampled if any component is sampled (all on one grid), else
     * analytic.
     *
     * @param components the components, same space dimension
     * @return the vector field
     */
    static VectorField of(ScalarField... components) {
        if (components.length == 0) {
            throw new IllegalArgumentException("a vector field needs at least one component");
        }
        int d = components[0].spaceDimension();
        for (ScalarField c : components) {
            FieldAlgebra.requireDimension(d, c.spaceDimension(), "other component");
        }
        Grid grid = FieldAlgebra.commonGrid((Object[]) components);
        if (grid == null) {
            ScalarField[] parts = components.clone();
            return new AnalyticVectorField(d, parts.length, (t, x, out) -> {
                for (int c = 0; c < parts.length; c++) {
                    out[c] = parts[c].value(t, x);
                }
            });
        }
        SampledScalarField[] sampled = new SampledScalarField[components.length];
        for (int c = 0; c < sampled.length; c++) {
            sampled[c] = components[c].sample(grid);
        }
        return SampledVectorField.of(sampled);
    }

    /**
     * @param dimension space dimension
     * @param components number of components
     * @param function the components as a function of (t, x)
     * @return an analytic vector field
     */
    static AnalyticVectorField of(int dimension, int components, VectorFunction function) {
        return new AnalyticVectorField(dimension, components, function);
    }
}
