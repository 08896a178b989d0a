package org.fieldscore.score.model;

import org.fieldscore.fields.ScalarField;

/**
 * An unnormalised density q(x) with p = q/Z, Z = ∫q unknown: log q is known up to an additive constant, and the
 * score S = ∇ₓ log q = ∇ₓ log p needs no Z.
 */
public interface UnnormalizedModel extends ScoreModel {

    /**
     * @param x a point, length d
     * @return log q(x), up to a constant that does not depend on x
     */
    double logDensity(double[] x);

    /**
     * @return x ↦ log q(x) as a fields-core scalar field (d ≤ 3); its gradient is {@link #asVectorField()}
     */
    default ScalarField logDensityField() {
        ScoreModel.requireFieldDimension(dimension());
        return ScalarField.of(dimension(), (t, x) -> logDensity(x));
    }
}
