package org.fieldscore.runner.step;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;

/**
 * The metrics every field result reports ({@link Plan#FIELD_METRICS}): min, max, mean, l2-norm and integral of a
 * scalar field, or of the magnitude |v| of a vector field.
 */
final class FieldMetrics {

    private FieldMetrics() {
    }

    static Map<String, Double> of(SampledScalarField f) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("min", f.min());
        m.put("max", f.max());
        m.put("mean", f.mean());
        m.put("l2-norm", f.l2Norm());
        m.put("integral", f.integral());
        return m;
    }

    static Map<String, Double> of(SampledVectorField v) {
        return of(v.norm());
    }

    /**
     * @param header the step
     * @param f a computed field
     * @throws StepFailedException when the field holds NaN or infinite values
     */
    static void requireFinite(StepHeader header, SampledScalarField f) throws StepFailedException {
        for (int p = 0; p < f.size(); p++) {
            if (!Double.isFinite(f.valueAt(p))) {
                double[] x = new double[f.grid().spaceDimension()];
                f.grid().spaceCoordinates(p, x);
                throw new StepFailedException(header, "the field is " + f.valueAt(p) + " at "
                        + java.util.Arrays.toString(x) + (f.grid().hasTime() ? ", t = " + f.grid().time(p) : "")
                        + " (e.g. log or sqrt of a negative value, or division by zero)", null);
            }
        }
    }
}
