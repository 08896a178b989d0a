package org.fieldscore.runner.step;

import java.util.List;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.runner.input.MapNode;

/**
 * {@code type: norm | minkowski-norm} — a vector field to a scalar field: the Euclidean norm |v| (wind speed
 * from wind velocity) or the Minkowski norm of signature (+, −, −, −) with component 0 as time, the
 * Lorentz-invariant combination (∂φ/∂t)² − |∇φ|² of the essay's Lagrangian. With {@code squared: true} the
 * squared norm is returned (for the Minkowski norm: possibly negative; otherwise sign(s)·√|s|).
 *
 * @param header id, type, position
 * @param of the vector field
 * @param minkowski whether the Minkowski norm is meant
 * @param squared whether the squared norm is returned
 */
public record NormStep(StepHeader header, Reference of, boolean minkowski, boolean squared) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("of", "squared");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        return new NormStep(header, reading.reference(body.require("of", "the id of an earlier vector field step")),
                header.type().equals("minkowski-norm"), body.bool("squared", false));
    }

    @Override
    public List<Reference> references() {
        return List.of(of);
    }

    @Override
    public Plan plan(PlanContext context) {
        Plan v = context.vectorField(of, "'" + type() + ".of'");
        if (minkowski && v.components() < 2) {
            throw of.problem("the Minkowski norm needs a time component and at least one space component, but '"
                    + of.id() + "' has " + v.components() + " component");
        }
        return Plan.scalarField(v.grid(), 3.0 * v.components(),
                (squared ? "squared " : "") + (minkowski ? "Minkowski norm" : "Euclidean norm") + " of '" + of.id() + "'");
    }

    @Override
    public StepResult run(RunContext context) {
        SampledVectorField v = context.vector(of);
        SampledScalarField f = (SampledScalarField) (minkowski
                ? (squared ? v.minkowskiNormSquared() : v.minkowskiNorm())
                : (squared ? v.normSquared() : v.norm()));
        return new StepResult(id(), type(), new StepValue.Scalar(f, ""), FieldMetrics.of(f), null, 0);
    }
}
