package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.Parallelism;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.expr.ExpressionLanguage;
import org.fieldscore.runner.expr.Formula;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;

/**
 * {@code type: compose} — a new scalar field from earlier ones, pointwise, by a formula over their values (named
 * as the user chooses), the coordinates and the parameters: the essay's φ = φ₁φ₂ + φ₃ + φ₄² + log φ₅.
 *
 * <pre>
 * fields: {p1: pressure, p2: humidity, p3: temperature, p4: wind-speed, p5: density}
 * expression: "p1*p2 + p3 + p4^2 + log(p5)"
 * </pre>
 *
 * All fields must share one grid.
 *
 * @param header id, type, position
 * @param names the formula's names for the fields, in order
 * @param fields the fields, one per name
 * @param expression the formula over the names, then t and the coordinates
 * @param units a unit label
 */
public record ComposeStep(StepHeader header, List<String> names, List<Reference> fields, Formula expression,
        String units) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("fields", "expression", "units");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        MapNode fieldMap = body.require("fields", "a mapping from names used in the expression to step ids, e.g."
                + " {a: temperature, b: pressure}").map();
        Map<String, Reference> named = new LinkedHashMap<>();
        for (String name : fieldMap.keys()) {
            ScenarioNode value = fieldMap.get(name);
            String why = ExpressionLanguage.checkName(name);
            if (why != null || List.of("t", "x", "y", "z").contains(name)) {
                throw (value == null ? fieldMap.node() : value).problem("the name '" + name
                        + "' cannot be used for a field in the expression: "
                        + (why != null ? why : "it is a coordinate") + "; choose another name such as f1");
            }
            if (value == null) {
                throw fieldMap.node().problem("the name '" + name + "' needs the id of an earlier step");
            }
            named.put(name, reading.reference(value));
        }
        if (named.isEmpty()) {
            throw fieldMap.node().problem("give at least one field to compose");
        }
        List<String> variables = new ArrayList<>(named.keySet());
        variables.addAll(StepReading.coordinates(3));
        Formula f = body.require("expression", "a formula over " + String.join(", ", named.keySet()))
                .formula(variables);
        return new ComposeStep(header, List.copyOf(named.keySet()), List.copyOf(named.values()), f,
                body.string("units", ""));
    }

    @Override
    public List<Reference> references() {
        return fields;
    }

    @Override
    public Plan plan(PlanContext context) {
        Grid grid = null;
        for (Reference r : fields) {
            Plan p = context.scalarField(r, "'compose.fields'");
            if (grid == null) {
                grid = p.grid();
            } else {
                PlanContext.requireGrid(r, p, grid);
            }
        }
        int d = grid.spaceDimension();
        List<String> coordinates = StepReading.coordinates(3);
        for (int a = d; a < 3; a++) {
            String axis = coordinates.get(1 + a);
            if (usesVariable(axis)) {
                throw header.problem("expression", "uses '" + axis + "' but the fields are " + d
                        + "-dimensional; valid coordinates: " + String.join(", ", StepReading.coordinates(d)));
            }
        }
        return Plan.scalarField(grid, 20 + fields.size(), "compose " + expression.text());
    }

    private boolean usesVariable(String name) {
        return expression.text().matches(".*(?<![A-Za-z0-9_])" + name + "(?![A-Za-z0-9_]).*");
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        SampledScalarField[] in = new SampledScalarField[fields.size()];
        for (int k = 0; k < in.length; k++) {
            in[k] = context.scalar(fields.get(k));
        }
        Grid grid = in[0].grid();
        int d = grid.spaceDimension();
        int n = in.length;
        double[] out = new double[grid.pointCount()];
        Parallelism.forRange(0, out.length, 2048, (from, to) -> {
            double[] args = new double[n + 4];
            double[] x = new double[d];
            for (int p = from; p < to; p++) {
                for (int k = 0; k < n; k++) {
                    args[k] = in[k].valueAt(p);
                }
                grid.spaceCoordinates(p, x);
                args[n] = grid.time(p);
                System.arraycopy(x, 0, args, n + 1, d);
                out[p] = expression.evaluate(args);
            }
        });
        SampledScalarField f = SampledScalarField.wrap(grid, out);
        FieldMetrics.requireFinite(header, f);
        return new StepResult(id(), type(), new StepValue.Scalar(f, units), FieldMetrics.of(f), null, 0);
    }
}
