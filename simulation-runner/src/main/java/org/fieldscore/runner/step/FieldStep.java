package org.fieldscore.runner.step;

import java.util.List;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.expr.Formula;
import org.fieldscore.runner.input.MapNode;

/**
 * {@code type: field} — an analytic scalar field φ(t, x, y, z) given by an expression, sampled on a grid.
 *
 * @param header id, type, position
 * @param grid the grid
 * @param expression φ over t and the grid's coordinates
 * @param units a unit label
 */
public record FieldStep(StepHeader header, Grid grid, Formula expression, String units) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("grid", "expression", "units");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Grid grid = reading.grid(body.require("grid", "the name of a grid under 'grids:' or an inline grid"));
        Formula f = reading.coordinateFormula(body.require("expression",
                "a formula over t, x, y, z and the parameters, e.g. '50 + 20*sin(x)'"), grid.spaceDimension());
        return new FieldStep(header, grid, f, body.string("units", ""));
    }

    @Override
    public List<Reference> references() {
        return List.of();
    }

    @Override
    public Plan plan(PlanContext context) {
        return Plan.scalarField(grid, 20, "sample " + expression.text() + " on " + grid);
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        SampledScalarField f = ScalarField.of(grid.spaceDimension(), CoordinateFunctions.scalar(expression))
                .sample(grid);
        FieldMetrics.requireFinite(header, f);
        return new StepResult(id(), type(), new StepValue.Scalar(f, units), FieldMetrics.of(f), null, 0);
    }
}
