package org.fieldscore.runner.step;

import java.util.List;

import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.expr.Formula;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;

/**
 * A scalar input of a PDE step: a formula over t, x, y, z ({@code initial: "exp(-50*x^2)"}) or an earlier field
 * step ({@code initial: {field: id}}), which must live on the PDE's grid. Immutable.
 *
 * @param formula the formula, or null
 * @param field the field step, or null
 */
record FieldInput(Formula formula, Reference field) {

    static FieldInput read(ScenarioNode node, StepReading reading, int dimension) {
        if (node.isMap()) {
            MapNode m = node.map().allow("field");
            return new FieldInput(null, reading.reference(m.require("field", "the id of a scalar field step")));
        }
        return new FieldInput(reading.coordinateFormula(node, 3), null);
    }

    List<Reference> references() {
        return field == null ? List.of() : List.of(field);
    }

    void check(PlanContext context, Grid grid, String key) {
        if (field != null) {
            Plan p = context.scalarField(field, "'" + key + "'");
            if (!p.grid().equals(grid)) {
                throw field.problem("'" + field.id() + "' lives on " + p.grid() + " but this step solves on " + grid
                        + "; valid: a field on the same grid");
            }
        }
    }

    ScalarField field(RunContext context, Grid grid) {
        return field != null ? context.scalar(field)
                : ScalarField.of(grid.spaceDimension(), CoordinateFunctions.scalar(formula));
    }

    boolean dependsOnTime() {
        return formula != null && formula.text().matches(".*(?<![A-Za-z0-9_])t(?![A-Za-z0-9_]).*");
    }
}
