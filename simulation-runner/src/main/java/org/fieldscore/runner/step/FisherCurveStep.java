package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.output.plot.LinePlot;

/**
 * {@code type: fisher-curve} — the per-t Fisher divergence ½E‖s_θ(x, t) − ∇log p_t(x)‖² of a learned
 * time-conditional score against the exact marginal score, as a curve over t on log-log axes with the Monte-Carlo
 * band ±2 standard errors (points where the lower edge is not positive drop from that edge). The numbers are the
 * {@code fisher-divergence-t<k>}, {@code -error} and {@code time-t<k>} metrics of a {@code diffusion-network} step
 * with {@code truth}; this step only draws them. Metrics: {@code largest} and {@code smallest} of the curve.
 *
 * <pre>
 * - id: fisher-curve
 *   type: fisher-curve
 *   network: diffusion-net
 * </pre>
 *
 * @param header id, type, position
 * @param network the diffusion-network step
 */
public record FisherCurveStep(StepHeader header, Reference network) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("network");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        return new FisherCurveStep(header, reading.reference(body.require("network",
                "the id of a diffusion-network step with 'truth'")));
    }

    @Override
    public List<Reference> references() {
        return List.of(network);
    }

    @Override
    public Plan plan(PlanContext context) {
        Plan p = context.of(network);
        if (!p.metrics().contains("fisher-divergence-t0") || !p.metrics().contains("time-t0")) {
            throw network.problem("'fisher-curve.network' needs a diffusion-network step with 'truth' (it reports"
                    + " the Fisher divergence per t); '" + network.id() + "' has no metric fisher-divergence-t0");
        }
        return new Plan(ResultKind.VALUES, null, 0, 0, 0, 1e3, "the Fisher divergence over t of '" + network.id()
                + "'", List.of("largest", "smallest"));
    }

    @Override
    public StepResult run(RunContext context) {
        Map<String, Double> m = context.result(network).metrics();
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; m.containsKey("time-t" + k); k++) {
            rows.add(new double[] {m.get("time-t" + k), m.get("fisher-divergence-t" + k),
                    m.get("fisher-divergence-t" + k + "-error")});
        }
        int n = rows.size();
        double[] t = new double[n];
        double[] value = new double[n];
        double[] upper = new double[n];
        List<Double> lowT = new ArrayList<>();
        List<Double> low = new ArrayList<>();
        double largest = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            t[k] = rows.get(k)[0];
            value[k] = rows.get(k)[1];
            upper[k] = value[k] + 2 * rows.get(k)[2];
            if (value[k] - 2 * rows.get(k)[2] > 0) {
                lowT.add(t[k]);
                low.add(value[k] - 2 * rows.get(k)[2]);
            }
            largest = Math.max(largest, value[k]);
            smallest = Math.min(smallest, value[k]);
        }
        double[] lt = lowT.stream().mapToDouble(Double::doubleValue).toArray();
        double[] lv = low.stream().mapToDouble(Double::doubleValue).toArray();
        String label = "'" + network.id() + "' against the exact score";
        StepValue picture = new StepValue.Picture(title -> {
            LinePlot plot = LinePlot.titled(title).axes("diffusion time t", "Fisher divergence ½E‖s_θ − ∇log p_t‖²")
                    .logLog().line(label, t, value).dashed("+2 standard errors", t, upper);
            if (lt.length > 0) {
                plot.dashed("−2 standard errors", lt, lv);
            }
            return plot.figure();
        });
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("largest", largest);
        metrics.put("smallest", smallest);
        return new StepResult(id(), type(), picture, metrics, null, 0);
    }
}
