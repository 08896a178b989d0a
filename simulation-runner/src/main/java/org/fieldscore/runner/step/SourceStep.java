package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.source.Deposition;
import org.fieldscore.fields.source.GaussianSource;
import org.fieldscore.fields.source.PointSource;
import org.fieldscore.fields.source.Source;
import org.fieldscore.fields.source.SourceSum;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;

/**
 * {@code type: source} — a source density ρ on a grid from point charges q·δ(x − x₀) (the essay's particle at
 * rest) or Gaussian-regularised charges of width σ. The discrete total Σρ ΔV equals the total charge.
 *
 * <pre>
 * charges:
 *   - {position: [0.5, 0.5, 0.5], charge: 1}
 *   - {position: [0.2, 0.5, 0.5], charge: -1, width: 0.05}
 * deposition: cloud-in-cell      # or nearest-grid-point
 * </pre>
 *
 * @param header id, type, position
 * @param grid the grid (without time axis)
 * @param source the charges
 * @param deposition how point charges are spread onto grid points
 * @param units a unit label
 */
public record SourceStep(StepHeader header, Grid grid, Source source, Deposition deposition, String units)
        implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("grid", "charges", "deposition", "units");
    private static final Map<String, Deposition> DEPOSITIONS = Map.of("cloud-in-cell", Deposition.CLOUD_IN_CELL,
            "nearest-grid-point", Deposition.NEAREST_GRID_POINT);
    private static final List<String> CHARGE_KEYS = List.of("position", "charge", "width");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        ScenarioNode gridNode = body.require("grid", "the name of a grid under 'grids:' or an inline grid");
        Grid grid = reading.grid(gridNode);
        if (grid.hasTime()) {
            throw gridNode.problem("a source lives on a space grid; remove the grid's time axis");
        }
        int d = grid.spaceDimension();
        List<Source> parts = new ArrayList<>();
        for (ScenarioNode item : body.require("charges", "a list of {position: [...], charge: q}").list()) {
            MapNode c = item.map().allow(CHARGE_KEYS);
            ScenarioNode posNode = c.require("position", "the charge's coordinates, one per axis");
            double[] position = posNode.numbers(d);
            double q = c.require("charge", "the charge q (any finite number)").number();
            if (c.has("width")) {
                parts.add(new GaussianSource(position, c.get("width").positive(), q));
            } else {
                if (!grid.contains(position)) {
                    throw posNode.problem("the point charge at " + java.util.Arrays.toString(position)
                            + " lies outside the grid " + grid + "; valid positions are inside it");
                }
                parts.add(new PointSource(position, q));
            }
        }
        if (parts.isEmpty()) {
            throw body.get("charges").problem("give at least one charge");
        }
        double[] ones = new double[parts.size()];
        java.util.Arrays.fill(ones, 1.0);
        String dep = body.choice("deposition", List.of("cloud-in-cell", "nearest-grid-point"), "cloud-in-cell");
        return new SourceStep(header, grid, parts.size() == 1 ? parts.get(0) : new SourceSum(parts, ones),
                DEPOSITIONS.get(dep.toLowerCase(Locale.ROOT)), body.string("units", ""));
    }

    @Override
    public List<Reference> references() {
        return List.of();
    }

    @Override
    public Plan plan(PlanContext context) {
        Plan p = Plan.scalarField(grid, 1, "deposit charges (total " + source.totalCharge() + ") on " + grid);
        List<String> metrics = new ArrayList<>(p.metrics());
        metrics.add("total-charge");
        return new Plan(p.kind(), p.grid(), 1, p.resultBytes(), p.workspaceBytes(), p.work(), p.summary(), metrics);
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        SampledScalarField rho;
        try {
            rho = source.deposit(grid, deposition);
        } catch (IllegalArgumentException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        var metrics = FieldMetrics.of(rho);
        double sum = 0;
        for (int p = 0; p < rho.size(); p++) {
            sum += rho.valueAt(p);
        }
        metrics.put("total-charge", sum * grid.cellVolume());
        return new StepResult(id(), type(), new StepValue.Scalar(rho, units), metrics, null, 0);
    }
}
