package org.fieldscore.runner.step;

import java.util.List;

import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.VectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.expr.Formula;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;

/**
 * {@code type: vector-field} — an analytic vector field, one expression per component, sampled on a grid (the
 * seed's wind velocity).
 *
 * @param header id, type, position
 * @param grid the grid
 * @param components one formula per component over t and the coordinates
 * @param units a unit label
 */
public record VectorFieldStep(StepHeader header, Grid grid, List<Formula> components, String units) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("grid", "components", "units");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Grid grid = reading.grid(body.require("grid", "the name of a grid under 'grids:' or an inline grid"));
        List<ScenarioNode> items = body.require("components", "a list with one formula per component").list(1, 4);
        Formula[] f = new Formula[items.size()];
        for (int c = 0; c < f.length; c++) {
            f[c] = reading.coordinateFormula(items.get(c), grid.spaceDimension());
        }
        return new VectorFieldStep(header, grid, List.of(f), body.string("units", ""));
    }

    @Override
    public List<Reference> references() {
        return List.of();
    }

    @Override
    public Plan plan(PlanContext context) {
        return Plan.vectorField(grid, components.size(), 20.0 * components.size(),
                "sample (" + String.join(", ", components.stream().map(Formula::text).toList()) + ") on " + grid);
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        SampledVectorField v = VectorField.of(grid.spaceDimension(), components.size(),
                CoordinateFunctions.vector(components.toArray(new Formula[0]))).sample(grid);
        for (int c = 0; c < v.components(); c++) {
            FieldMetrics.requireFinite(header, v.component(c));
        }
        return new StepResult(id(), type(), new StepValue.Vector(v, units), FieldMetrics.of(v), null, 0);
    }
}
