package org.fieldscore.runner.exec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fieldscore.runner.output.report.SideBySideTable;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.step.StepResult;

/**
 * Fills the essay's closing table — scalar field, its gradients, a function of both, the stationary point; fields
 * beside scores — with the objects and numbers of one run, for scenarios that use both halves.
 */
final class SideBySide {

    private static final Set<String> FIELD_TYPES = Set.of("field", "gradient", "lagrangian", "poisson", "diffusion",
            "heat", "wave");
    private static final Set<String> SCORE_TYPES = Set.of("model", "data", "fit", "score-field", "langevin");
    private static final String NONE = "—";

    private final Scenario scenario;
    private final List<StepResult> results;

    private SideBySide(Scenario scenario, List<StepResult> results) {
        this.scenario = scenario;
        this.results = results;
    }

    /**
     * @param scenario the scenario
     * @param results its results
     * @return the table, or empty when the run does not use both halves
     */
    static Optional<SideBySideTable> of(Scenario scenario, List<StepResult> results) {
        boolean fields = results.stream().anyMatch(r -> FIELD_TYPES.contains(r.type()));
        boolean scores = results.stream().anyMatch(r -> SCORE_TYPES.contains(r.type()));
        if (!fields || !scores) {
            return Optional.empty();
        }
        return Optional.of(new SideBySide(scenario, results).table());
    }

    private SideBySideTable table() {
        return new SideBySideTable(
                new SideBySideTable.Row(
                        first("field").map(r -> "φ = '" + r.id() + "': " + summary(r) + "; values "
                                + range(r.metrics())).orElse(NONE),
                        first("fit").or(() -> first("model")).map(r -> "p(x; θ) = '" + r.id() + "': "
                                + summary(r)).orElse(NONE)),
                new SideBySideTable.Row(
                        gradient().map(r -> (spaceTime(r) ? "∂φ/∂X^μ = (∂φ/∂t, ∇φ) = '" : "∇φ = '") + r.id()
                                + "': " + summary(r) + "; max " + (spaceTime(r) ? "|∂φ/∂X^μ|" : "|∇φ|") + " = "
                                + number(r.metrics().get("max"))).orElse(NONE),
                        first("score-field").map(r -> "S(x; θ) = ∇ₓ log p = '" + r.id() + "': " + summary(r)
                                + "; max |S| = " + number(r.metrics().get("max"))).orElse(NONE)),
                new SideBySideTable.Row(
                        first("lagrangian").map(r -> "L = ½[(∂φ/∂t)² − |∇φ|²] − gρφ of '" + r.id()
                                + "': action S = " + number(r.metrics().get("action"))).orElse(NONE),
                        first("fit").map(r -> "J(θ) = E[tr ∂S/∂x + ½|S|²] (Hyvärinen), minimised by '" + r.id()
                                + "'" + (r.metrics().containsKey("fisher-divergence")
                                        ? "; Fisher divergence to the truth = "
                                                + number(r.metrics().get("fisher-divergence")) : ""))
                                .orElse(NONE)),
                new SideBySideTable.Row(
                        first("poisson").map(r -> "∇²φ = gρ solved by '" + r.id() + "' in "
                                + number(r.metrics().get("iterations")) + " iterations (relative residual "
                                + number(r.metrics().get("relative-residual")) + ")")
                                .or(() -> first("wave").map(r -> "φ_tt − ∇²φ = −gρ stepped by '" + r.id() + "' ("
                                        + number(r.metrics().get("steps")) + " steps)"))
                                .orElse(NONE),
                        first("fit").map(this::estimate).orElse(NONE)));
    }

    private String estimate(StepResult r) {
        Map<String, Double> m = r.metrics();
        StringBuilder mean = new StringBuilder();
        StringBuilder precision = new StringBuilder();
        int d = 0;
        while (m.containsKey("mean-" + d)) {
            d++;
        }
        for (int i = 0; i < d; i++) {
            mean.append(i == 0 ? "" : ", ").append(number(m.get("mean-" + i)));
            precision.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < d; j++) {
                precision.append(j == 0 ? "" : ", ").append(number(m.get("precision-" + i + "-" + j)));
            }
            precision.append(']');
        }
        return "θ̂ = argmin J(θ) by '" + r.id() + "': mean μ̂ = (" + mean + "), precision M̂ = Σ̂⁻¹ = [" + precision
                + "]";
    }

    /** The 4-gradient when the run has one (the essay's ∂φ/∂X^μ), else the first space gradient. */
    private Optional<StepResult> gradient() {
        return results.stream().filter(r -> r.type().equals("gradient") && spaceTime(r)).findFirst()
                .or(() -> first("gradient"));
    }

    private boolean spaceTime(StepResult r) {
        var plan = scenario.plans().get(r.id());
        return plan != null && plan.grid() != null && plan.grid().hasTime();
    }

    private Optional<StepResult> first(String type) {
        return results.stream().filter(r -> r.type().equals(type)).findFirst();
    }

    private String summary(StepResult r) {
        return scenario.plans().get(r.id()).summary();
    }

    private static String range(Map<String, Double> m) {
        return number(m.get("min")) + " to " + number(m.get("max"));
    }

    private static String number(Double v) {
        if (v == null) {
            return "?";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf(v.longValue())
                : String.format(Locale.ROOT, "%.6g", v);
    }
}
