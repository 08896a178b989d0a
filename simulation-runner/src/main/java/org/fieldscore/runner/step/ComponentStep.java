package org.fieldscore.runner.step;

import java.util.List;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;

/**
 * {@code type: component} — one component of a vector field as a scalar field (e.g. E<sub>x</sub>, or ∂φ/∂t of a
 * 4-gradient).
 *
 * @param header id, type, position
 * @param of the vector field
 * @param index the component, 0-based
 * @param indexNode where the index is written
 */
public record ComponentStep(StepHeader header, Reference of, int index, ScenarioNode indexNode) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("of", "index");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        ScenarioNode index = body.require("index", "the component number, starting at 0");
        return new ComponentStep(header, reading.reference(body.require("of", "the id of an earlier vector field")),
                index.integer(0, 3), index);
    }

    @Override
    public List<Reference> references() {
        return List.of(of);
    }

    @Override
    public Plan plan(PlanContext context) {
        Plan v = context.vectorField(of, "'component.of'");
        if (index >= v.components()) {
            throw indexNode.problem("'" + of.id() + "' has " + v.components() + " components; valid indices are 0 to "
                    + (v.components() - 1));
        }
        return Plan.scalarField(v.grid(), 1, "component " + index + " of '" + of.id() + "'");
    }

    @Override
    public StepResult run(RunContext context) {
        SampledScalarField f = context.vector(of).component(index);
        return new StepResult(id(), type(), new StepValue.Scalar(f, ""), FieldMetrics.of(f), null, 0);
    }
}
