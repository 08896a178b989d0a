package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.constants.Coupling;
import org.fieldscore.fields.lagrangian.ScalarFieldLagrangian;
import org.fieldscore.fields.ops.FiniteDifferences;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;

/**
 * {@code type: lagrangian} — the essay's Lagrangian density L = ½[(1/c²)(∂φ/∂t)² − |∇φ|²] − gρφ of a field on a
 * space-time grid, with its action S = ∫L dV dt and the Euler–Lagrange residual (1/c²)φ<sub>tt</sub> − ∇²φ + gρ
 * (reported as metrics {@code action}, {@code residual-l2}, {@code residual-max}).
 *
 * @param header id, type, position
 * @param field φ (space-time grid)
 * @param source ρ, or null for ρ = 0
 * @param coupling g
 * @param waveSpeed c
 * @param order finite-difference order
 */
public record LagrangianStep(StepHeader header, Reference field, Reference source, Coupling coupling,
        double waveSpeed, int order) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("field", "source", "coupling", "wave-speed", "order");
    /** Named couplings. */
    public static final Map<String, Supplier<Coupling>> COUPLINGS;

    static {
        Map<String, Supplier<Coupling>> m = new LinkedHashMap<>();
        m.put("electrostatics-si", Coupling::electrostaticsSI);
        m.put("electrostatics-natural", Coupling::electrostaticsNatural);
        m.put("gravitation-si", Coupling::gravitationSI);
        m.put("gravitation-natural", Coupling::gravitationNatural);
        COUPLINGS = java.util.Collections.unmodifiableMap(m);
    }

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Reference field = reading.reference(body.require("field", "the id of a scalar field on a space-time grid"));
        Reference source = body.has("source") ? reading.reference(body.get("source")) : null;
        return new LagrangianStep(header, field, source, coupling(body.get("coupling")),
                body.positive("wave-speed", 1.0),
                body.get("order") == null ? 2 : Integer.parseInt(body.get("order").choice(List.of("2", "4"))));
    }

    /**
     * @param node a number or a named coupling, or null for g = 1
     * @return the coupling
     */
    static Coupling coupling(ScenarioNode node) {
        if (node == null) {
            return Coupling.of(1.0);
        }
        if (node.isNumberLiteral()) {
            return Coupling.of(node.number());
        }
        String text = node.string();
        if (COUPLINGS.containsKey(text)) {
            return COUPLINGS.get(text).get();
        }
        try {
            return Coupling.of(node.number());
        } catch (org.fieldscore.runner.input.ProblemException e) {
            throw node.problem("expected a number or one of " + String.join(", ", COUPLINGS.keySet()) + ", got '"
                    + text + "'." + org.fieldscore.runner.text.Suggestions.didYouMean(text, COUPLINGS.keySet()));
        }
    }

    @Override
    public List<Reference> references() {
        List<Reference> refs = new ArrayList<>();
        refs.add(field);
        if (source != null) {
            refs.add(source);
        }
        return refs;
    }

    @Override
    public Plan plan(PlanContext context) {
        Plan phi = context.scalarField(field, "'lagrangian.field'");
        if (!phi.grid().hasTime()) {
            throw field.problem("the Lagrangian needs '" + field.id() + "' on a space-time grid (add 'time:' to its"
                    + " grid); its grid is " + phi.grid());
        }
        if (source != null) {
            Plan rho = context.scalarField(source, "'lagrangian.source'");
            if (!rho.grid().space().equals(phi.grid().space())) {
                throw source.problem("the source '" + source.id() + "' lives on " + rho.grid()
                        + " but the field on " + phi.grid() + "; valid: the same space grid");
            }
        }
        Plan p = Plan.scalarField(phi.grid(), 30, "Lagrangian density and action of '" + field.id() + "' ("
                + coupling.name() + ", c = " + waveSpeed + ")");
        List<String> metrics = new ArrayList<>(p.metrics());
        metrics.addAll(List.of("action", "residual-l2", "residual-max"));
        return new Plan(p.kind(), p.grid(), 1, p.resultBytes(), 4 * p.resultBytes(), p.work(), p.summary(), metrics);
    }

    @Override
    public StepResult run(RunContext context) {
        SampledScalarField phi = context.scalar(field);
        ScalarField rho = source == null ? ScalarField.constant(phi.spaceDimension(), 0.0) : context.scalar(source);
        ScalarFieldLagrangian lagrangian = new ScalarFieldLagrangian(coupling, waveSpeed,
                FiniteDifferences.order(order));
        SampledScalarField density = lagrangian.density(phi, rho);
        SampledScalarField residual = lagrangian.eulerLagrangeResidual(phi, rho);
        var metrics = FieldMetrics.of(density);
        metrics.put("action", density.integral());
        metrics.put("residual-l2", residual.l2Norm());
        metrics.put("residual-max", residual.maxNorm());
        return new StepResult(id(), type(), new StepValue.Scalar(density, ""), metrics, null, 0);
    }
}
