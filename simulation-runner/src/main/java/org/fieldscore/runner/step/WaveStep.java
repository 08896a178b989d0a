package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.bc.Face;
import org.fieldscore.fields.constants.Coupling;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.StabilityLimits;
import org.fieldscore.pde.wave.WaveProblem;
import org.fieldscore.pde.wave.WaveResult;
import org.fieldscore.pde.wave.WaveSolver;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;

/**
 * {@code type: wave} — the Euler–Lagrange equation of the essay's Lagrangian without the static assumption,
 * ∂²φ/∂t² + γ∂φ/∂t − c²∇²φ = −gρ, by leapfrog from φ(0) and ∂φ/∂t(0), with boundary conditions per face and
 * first-order absorbing (Mur) faces. The step must satisfy the CFL condition c·Δt·√(Σ1/h²) ≤ 1 (checked while
 * validating, with the largest stable Δt in the message). Reports the energy at the start and the end, and without a
 * source its relative change (with a source switched on from rest the starting energy is near zero, and a relative
 * change would mean nothing).
 *
 * @param header id, type, position
 * @param grid the grid
 * @param speed c
 * @param coupling g
 * @param damping γ
 * @param initial φ(0, x)
 * @param velocity ∂φ/∂t(0, x), or null for 0
 * @param density ρ(t, x), or null
 * @param boundaries the boundary conditions (φ = 0 on every face when none are declared)
 * @param absorbing the absorbing faces
 * @param absorbingNode where they are written, or null
 * @param span time step, end time, snapshots
 */
public record WaveStep(StepHeader header, Grid grid, double speed, Coupling coupling, double damping,
        FieldInput initial, FieldInput velocity, FieldInput density, BoundaryConditions boundaries, Set<Face> absorbing,
        ScenarioNode absorbingNode, TimeSpan span) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS;

    static {
        List<String> k = new ArrayList<>(List.of("grid", "speed", "coupling", "damping", "initial",
                "initial-velocity", "density", "boundary", "absorbing"));
        k.addAll(TimeSpan.KEYS);
        KEYS = List.copyOf(k);
    }

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Grid grid = reading.grid(body.require("grid", "the name of a grid under 'grids:' or an inline grid"));
        if (grid.hasTime()) {
            throw body.get("grid").problem("give a space grid; the time span comes from time-step and end-time");
        }
        int d = grid.spaceDimension();
        double damping = body.number("damping", 0.0);
        if (damping < 0) {
            throw body.get("damping").problem("the damping must be >= 0, got " + damping);
        }
        Set<Face> absorbing = EnumSet.noneOf(Face.class);
        ScenarioNode abs = body.get("absorbing");
        if (abs != null) {
            List<ScenarioNode> items = abs.isList() ? abs.list() : List.of(abs);
            for (ScenarioNode item : items) {
                String face = item.choice(BoundaryReading.FACES);
                for (Face f : Face.values()) {
                    boolean all = face.equals("all");
                    boolean axis = face.length() == 1 && f.shortName().startsWith(face);
                    if ((all || axis || f.shortName().equals(face)) && f.axis() < d) {
                        if (grid.centering(f.axis()) != Centering.VERTEX) {
                            throw item.problem("absorbing face " + f + " needs a vertex-centred axis");
                        }
                        absorbing.add(f);
                    }
                }
            }
        }
        return new WaveStep(header, grid, body.positive("speed", 1.0), LagrangianStep.coupling(body.get("coupling")),
                damping,
                body.has("initial") ? FieldInput.read(body.get("initial"), reading, d) : null,
                body.has("initial-velocity") ? FieldInput.read(body.get("initial-velocity"), reading, d) : null,
                body.has("density") ? FieldInput.read(body.get("density"), reading, d) : null,
                body.has("boundary") ? BoundaryReading.read(body.get("boundary"), grid)
                        : BoundaryConditions.all(BoundaryCondition.dirichlet(0.0)), absorbing, abs, TimeSpan.read(body));
    }

    @Override
    public List<Reference> references() {
        List<Reference> refs = new ArrayList<>();
        for (FieldInput in : new FieldInput[] {initial, velocity, density}) {
            if (in != null) {
                refs.addAll(in.references());
            }
        }
        return refs;
    }

    @Override
    public Plan plan(PlanContext context) {
        if (initial != null) {
            initial.check(context, grid, "initial");
        }
        if (velocity != null) {
            velocity.check(context, grid, "initial-velocity");
        }
        if (density != null) {
            density.check(context, grid, "density");
        }
        try {
            WaveProblem.requireGrid(grid);
        } catch (InvalidArgumentException e) {
            throw header.problem("grid", e.getMessage());
        }
        double largest = StabilityLimits.leapfrogStep(grid, speed);
        double dt = span.actualStep();
        if (!StabilityLimits.isStable(dt, largest)) {
            throw span.timeStepNode().problem(String.format(java.util.Locale.ROOT,
                    "the leapfrog step violates the CFL condition: c*dt*sqrt(sum(1/h^2)) = %.4g > 1 (c = %.6g,"
                            + " dt = %.6g); the largest stable time step is dt = %.6g. Valid: dt <= %.6g",
                    dt / largest, speed, dt, largest, largest));
        }
        long bytes = 8L * grid.pointCount();
        List<String> metrics = new ArrayList<>(Plan.FIELD_METRICS);
        metrics.addAll(List.of("steps", "energy-initial", "energy-final"));
        if (density == null) {
            metrics.add("energy-change");
        }
        return new Plan(ResultKind.TIME_SERIES, grid, 1, bytes * span.snapshots().length, 8 * bytes,
                (double) span.steps() * grid.pointCount() * 15,
                "leapfrog wave (c = " + speed + ", g = " + coupling.value() + ", damping " + damping + "), "
                        + span.steps() + " steps of " + span.actualStep() + " to t = " + span.endTime()
                        + (absorbing.isEmpty() ? "" : ", absorbing " + absorbing), metrics);
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        WaveProblem.Builder b = WaveProblem.on(grid).speed(speed).coupling(coupling).damping(damping)
                .boundaries(boundaries).absorbing(absorbing.toArray(new Face[0]));
        if (initial != null) {
            b.initial(initial.field(context, grid));
        }
        if (velocity != null) {
            b.initialVelocity(velocity.field(context, grid));
        }
        if (density != null) {
            ScalarField rho = density.field(context, grid);
            if (density.dependsOnTime()) {
                b.timeDependentDensity(rho);
            } else {
                b.density(rho);
            }
        }
        TimeSpan.Recorder recorder = span.new Recorder();
        WaveResult result;
        try {
            result = WaveSolver.leapfrog(span.timeStep()).monitorEnergy(true).progress(context.progress())
                    .observer(state -> recorder.offer(state.time(), state::field))
                    .run(b.build(), span.endTime());
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        StepValue.TimeSeries series = recorder.series("");
        FieldMetrics.requireFinite(header, series.last());
        Map<String, Double> metrics = new LinkedHashMap<>(FieldMetrics.of(series.last()));
        double[] energy = result.energyHistory();
        metrics.put("steps", (double) result.steps());
        if (energy.length > 0) {
            metrics.put("energy-initial", energy[0]);
            metrics.put("energy-final", energy[energy.length - 1]);
            if (density == null) {
                metrics.put("energy-change", (energy[energy.length - 1] - energy[0]) / Math.abs(energy[0]));
            }
        }
        return new StepResult(id(), type(), series, metrics, null, 0);
    }
}
