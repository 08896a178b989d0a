package org.fieldscore.runner.step;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.UnitConversion;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;

/**
 * {@code type: convert} — an affine change of units v' = scale·(v − offset) of a scalar field, e.g. the essay's
 * °F → °C map. Either a named {@code conversion} or {@code scale} (and optionally {@code offset}).
 *
 * @param header id, type, position
 * @param of the field to convert
 * @param conversion the conversion
 * @param units the unit label of the result
 */
public record ConvertStep(StepHeader header, Reference of, UnitConversion conversion, String units) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("of", "conversion", "scale", "offset", "units");
    /** Named conversions. */
    public static final Map<String, UnitConversion> NAMED;
    private static final Map<String, String> UNITS = Map.of("fahrenheit-to-celsius", "°C",
            "celsius-to-fahrenheit", "°F", "celsius-to-kelvin", "K", "kelvin-to-celsius", "°C");

    static {
        Map<String, UnitConversion> m = new LinkedHashMap<>();
        m.put("fahrenheit-to-celsius", UnitConversion.FAHRENHEIT_TO_CELSIUS);
        m.put("celsius-to-fahrenheit", UnitConversion.CELSIUS_TO_FAHRENHEIT);
        m.put("celsius-to-kelvin", UnitConversion.CELSIUS_TO_KELVIN);
        m.put("kelvin-to-celsius", UnitConversion.CELSIUS_TO_KELVIN.inverse());
        NAMED = java.util.Collections.unmodifiableMap(m);
    }

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Reference of = reading.reference(body.require("of", "the id of an earlier scalar field step"));
        ScenarioNode named = body.get("conversion");
        if ((named == null) == (body.get("scale") == null)) {
            throw header.problem("", "give either 'conversion' (" + String.join(", ", NAMED.keySet())
                    + ") or 'scale' with an optional 'offset' (v' = scale*(v - offset))");
        }
        if (named != null) {
            if (body.has("offset")) {
                throw body.get("offset").problem("'offset' goes with 'scale', not with a named conversion");
            }
            String name = named.choice(List.copyOf(NAMED.keySet()));
            return new ConvertStep(header, of, NAMED.get(name), body.string("units", UNITS.get(name)));
        }
        ScenarioNode scaleNode = body.get("scale");
        double scale = scaleNode.number();
        if (scale == 0) {
            throw scaleNode.problem("the scale must be non-zero (a zero scale erases the field)");
        }
        return new ConvertStep(header, of, new UnitConversion(scale, body.number("offset", 0.0)),
                body.string("units", ""));
    }

    @Override
    public List<Reference> references() {
        return List.of(of);
    }

    @Override
    public Plan plan(PlanContext context) {
        Plan in = context.scalarField(of, "'convert.of'");
        return Plan.scalarField(in.grid(), 2, String.format(java.util.Locale.ROOT,
                "convert '%s': v' = %.6g*(v - %.6g)%s", of.id(), conversion.scale(), conversion.offset(),
                units.isEmpty() ? "" : " [" + units + "]"));
    }

    @Override
    public StepResult run(RunContext context) {
        SampledScalarField f = (SampledScalarField) context.scalar(of).convert(conversion);
        return new StepResult(id(), type(), new StepValue.Scalar(f, units), FieldMetrics.of(f), null, 0);
    }
}
