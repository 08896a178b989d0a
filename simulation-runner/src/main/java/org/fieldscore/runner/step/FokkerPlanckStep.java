package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.Face;
import org.fieldscore.fields.density.GridDensities;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.pde.NotConvergedException;
import org.fieldscore.pde.StabilityLimits;
import org.fieldscore.pde.Stopping;
import org.fieldscore.pde.UnstableTimeStepException;
import org.fieldscore.pde.fokkerplanck.FluxScheme;
import org.fieldscore.pde.fokkerplanck.FokkerPlanckMethod;
import org.fieldscore.pde.fokkerplanck.FokkerPlanckProblem;
import org.fieldscore.pde.fokkerplanck.FokkerPlanckResult;
import org.fieldscore.pde.fokkerplanck.FokkerPlanckSolver;
import org.fieldscore.pde.fokkerplanck.SpectralGap;
import org.fieldscore.pde.fokkerplanck.StationaryDensity;
import org.fieldscore.pde.fokkerplanck.Wall;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.score.model.ScoreModel;
import org.fieldscore.score.model.UnnormalizedModel;

/**
 * {@code type: fokker-planck} — the density of particles moving by dX = b dt + √(2D) dW,
 * ∂p/∂t = −∇·(b p) + ∇·(D∇p) + s, on a cell-centred grid ({@link FokkerPlanckProblem}, Scharfetter–Gummel fluxes).
 * The drift is a vector-field step ({@code drift: id}, with {@code diffusivity}) or a model's Langevin drift
 * ({@code model: id}): b = ½S with D = ½ by default, given to the solver as the potential U = −log q when the
 * model has a log density, so that the equilibrium is exp(log q)/Z exactly at the grid points. With
 * {@code stationary: true} the stationary state is solved directly ({@code stationary-residual}, and for a model
 * {@code stationary-vs-boltzmann}, the largest difference from exp(log q)/Z — q<sup>1/(2D)</sup>/Z for another D —
 * relative to its maximum); with
 * {@code spectral-gap: true} the slowest relaxation rate λ₁ ({@code spectral-gap}, {@code relaxation-time}). The
 * explicit method is refused while validating above the drift-free limit 1/(2DΣ1/h²) and by the solver, before
 * the first step, above its exact limit 1/max|L<sub>ii</sub>| (the drift can only be evaluated when running).
 * The result is the snapshots of p.
 *
 * @param header id, type, position
 * @param grid the grid
 * @param model the model whose Langevin drift is used, or null
 * @param drift the drift field, or null
 * @param diffusivity D
 * @param initial p(0, x)
 * @param source s(x), or null
 * @param walls per face, in {@link Face} order
 * @param flux the flux discretisation
 * @param method the time stepper
 * @param span time step, end time, snapshots
 * @param tolerance relative tolerance of the linear solves
 * @param stationary whether the stationary state is solved too
 * @param spectralGap whether λ₁ is computed
 */
public record FokkerPlanckStep(StepHeader header, Grid grid, Reference model, Reference drift, double diffusivity,
        FieldInput initial, FieldInput source, Wall[] walls, FluxScheme flux, FokkerPlanckMethod method,
        TimeSpan span, double tolerance, boolean stationary, boolean spectralGap) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS;
    private static final List<String> METHODS = FokkerPlanckMethod.keys();
    private static final List<String> WALLS = List.of("no-flux", "periodic", "absorbing");
    private static final List<String> FLUXES = List.of("scharfetter-gummel", "central");
    /** The diffusion constant of Langevin dynamics dX = ½S dt + dW. */
    static final double LANGEVIN_DIFFUSIVITY = 0.5;

    static {
        List<String> k = new ArrayList<>(List.of("grid", "model", "drift", "diffusivity", "initial", "source",
                "walls", "flux", "method", "tolerance", "stationary", "spectral-gap"));
        k.addAll(TimeSpan.KEYS);
        KEYS = List.copyOf(k);
    }

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Grid grid = reading.grid(body.require("grid", "the name of a cell-centred grid under 'grids:' or an inline"
                + " grid"));
        if (body.has("model") == body.has("drift")) {
            throw header.problem("", "give either 'model' (a model step: drift ½ S, D = ½) or 'drift' (a vector"
                    + " field step, with 'diffusivity')");
        }
        Reference model = body.has("model") ? reading.reference(body.get("model")) : null;
        Reference drift = body.has("drift") ? reading.reference(body.get("drift")) : null;
        double d = model != null ? body.positive("diffusivity", LANGEVIN_DIFFUSIVITY)
                : body.require("diffusivity", "the diffusion constant D > 0").positive();
        int dim = grid.spaceDimension();
        return new FokkerPlanckStep(header, grid, model, drift, d,
                FieldInput.read(body.require("initial", "p at t = 0: a formula or the id of a field step"), reading,
                        dim),
                body.has("source") ? FieldInput.read(body.get("source"), reading, dim) : null,
                walls(body.get("walls"), dim),
                FluxScheme.byName(body.choice("flux", FLUXES, "scharfetter-gummel")),
                FokkerPlanckMethod.byName(body.choice("method", METHODS, "crank-nicolson")), TimeSpan.read(body),
                body.positive("tolerance", FokkerPlanckSolver.DEFAULT_STOPPING.relative()),
                body.bool("stationary", false), body.bool("spectral-gap", false));
    }

    /** Reads {@code walls}: one name for every face, or a map from faces ({@code x-}, {@code x+}, …) to names. */
    static Wall[] walls(ScenarioNode node, int dimension) {
        Wall[] walls = new Wall[2 * dimension];
        java.util.Arrays.fill(walls, Wall.NO_FLUX);
        if (node == null) {
            return walls;
        }
        if (node.isScalar()) {
            java.util.Arrays.fill(walls, Wall.byName(node.choice(WALLS)));
            return walls;
        }
        MapNode m = node.map();
        List<String> faces = new ArrayList<>();
        for (int a = 0; a < dimension; a++) {
            faces.add(Face.of(a, -1).shortName());
            faces.add(Face.of(a, +1).shortName());
        }
        m.allow(faces);
        for (int f = 0; f < faces.size(); f++) {
            if (m.has(faces.get(f))) {
                walls[f] = Wall.byName(m.get(faces.get(f)).choice(WALLS));
            }
        }
        for (int a = 0; a < dimension; a++) {
            if ((walls[2 * a] == Wall.PERIODIC) != (walls[2 * a + 1] == Wall.PERIODIC)) {
                throw node.problem("axis " + Grid.axisName(a) + " is periodic on one face only; valid: periodic on"
                        + " both faces of an axis or on neither");
            }
        }
        return walls;
    }

    @Override
    public List<Reference> references() {
        List<Reference> refs = new ArrayList<>(initial.references());
        refs.add(model != null ? model : drift);
        if (source != null) {
            refs.addAll(source.references());
        }
        return refs;
    }

    @Override
    public Plan plan(PlanContext context) {
        requireGrid(header, grid);
        int d = grid.spaceDimension();
        if (model != null) {
            Plan m = context.model(model, "'fokker-planck.model'");
            if (m.components() != d) {
                throw model.problem("the model is " + m.components() + "-D but the grid is " + d + "-D; valid: a"
                        + " model of the grid's dimension (the drift needs one component per axis)");
            }
        } else {
            Plan f = context.vectorField(drift, "'fokker-planck.drift'");
            if (f.components() != d || f.grid().spaceDimension() != d) {
                throw drift.problem("the drift needs " + d + " components on a " + d + "-D grid; '" + drift.id()
                        + "' has " + f.components() + " components on " + f.grid());
            }
        }
        initial.check(context, grid, "initial");
        if (source != null) {
            source.check(context, grid, "source");
        }
        boolean conservative = true;
        for (Wall w : walls) {
            conservative &= w != Wall.ABSORBING;
        }
        if (stationary && conservative == (source != null)) {
            throw header.problem("stationary", conservative
                    ? "a source inside no-flux or periodic walls adds mass forever: there is no stationary state;"
                            + " make a face absorbing or drop the source"
                    : "with absorbing walls and no source the stationary density is zero; add a source");
        }
        if (method == FokkerPlanckMethod.EXPLICIT_EULER) {
            double driftFree = StabilityLimits.explicitDiffusionStep(grid, diffusivity);
            if (!StabilityLimits.isStable(span.actualStep(), driftFree)) {
                throw span.timeStepNode().problem(String.format(Locale.ROOT, "the explicit Fokker-Planck step is"
                        + " unstable: dt = %.6g exceeds even the drift-free limit 1/(2 D sum 1/h^2) = %.6g (D = %.6g)"
                        + "; the drift lowers the limit further. Valid: dt <= %.6g, or an implicit method"
                        + " (crank-nicolson, implicit-euler, douglas-adi, split-implicit-euler)", span.actualStep(),
                        driftFree, diffusivity, driftFree));
            }
        }
        boolean gradient = model != null;
        long bytes = 8L * grid.pointCount();
        long workspace = FokkerPlanckSolver.workingBytes(grid, gradient, source != null);
        List<String> metrics = new ArrayList<>(Plan.FIELD_METRICS);
        metrics.addAll(List.of("initial-mass", "final-mass", "mass-change", "min-density", "steps",
                "linear-iterations", "largest-stable-step"));
        if (stationary) {
            metrics.addAll(List.of("stationary-residual", "stationary-iterations"));
            if (model != null) {
                metrics.add("stationary-vs-boltzmann");
            }
        }
        if (spectralGap) {
            metrics.addAll(List.of("spectral-gap", "relaxation-time"));
        }
        int workPerCell = method.solvesIteratively() ? 400 : method == FokkerPlanckMethod.EXPLICIT_EULER ? 15 : 45;
        return new Plan(ResultKind.TIME_SERIES, grid, 1, bytes * span.snapshots().length, workspace,
                (double) span.steps() * grid.pointCount() * workPerCell * d,
                method.key() + " Fokker-Planck (" + (model != null ? "Langevin drift of model '" + model.id() + "'"
                        : "drift '" + drift.id() + "'") + ", D = " + diffusivity + "), " + span.steps()
                        + " steps of " + span.actualStep() + " to t = " + span.endTime(), metrics);
    }

    /**
     * The grid check of the Fokker–Planck steps, reported at their {@code grid} key.
     *
     * @param header the step
     * @param grid its grid
     */
    static void requireGrid(StepHeader header, Grid grid) {
        try {
            FokkerPlanckProblem.requireGrid(grid);
        } catch (InvalidArgumentException e) {
            throw header.problem("grid", e.getMessage());
        }
    }

    /**
     * The Fokker–Planck problem of a model's Langevin dynamics dX = ½S dt + √(2D) dW (D = ½ is the essay's update):
     * the potential U = −log q/(2D) when the model has log q (so b = −D∇U = ½S, and the equilibrium exp(−U)/Z, q/Z
     * for D = ½, is exact at the grid points), else the drift field ½S.
     *
     * @param grid a cell-centred grid
     * @param model the model
     * @param diffusivity D
     * @return a builder with the drift and diffusivity set
     */
    static FokkerPlanckProblem.Builder langevin(Grid grid, ScoreModel model, double diffusivity) {
        FokkerPlanckProblem.Builder b = FokkerPlanckProblem.on(grid).diffusivity(diffusivity);
        if (model instanceof UnnormalizedModel u) {
            return b.potential(u.logDensityField().times(-1 / (2 * diffusivity)));
        }
        return b.drift(model.asVectorField().times(0.5));
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        FokkerPlanckProblem.Builder b = model != null ? langevin(grid, context.model(model), diffusivity)
                : FokkerPlanckProblem.on(grid).diffusivity(diffusivity).drift(context.vector(drift));
        b.initial(initial.field(context, grid)).flux(flux);
        for (int f = 0; f < walls.length; f++) {
            b.wall(Face.of(f / 2, f % 2 == 0 ? -1 : +1), walls[f]);
        }
        if (source != null) {
            b.source(source.field(context, grid));
        }
        TimeSpan.Recorder recorder = span.new Recorder();
        Map<String, Double> metrics = new LinkedHashMap<>();
        StepValue.TimeSeries series;
        try {
            FokkerPlanckProblem problem = b.build();
            double largest = FokkerPlanckSolver.largestStableStep(problem);
            Stopping stopping = new Stopping(tolerance, 0, FokkerPlanckSolver.DEFAULT_STOPPING.maxIterations());
            FokkerPlanckResult result = FokkerPlanckSolver.of(method).timeStep(span.timeStep())
                    .linearStopping(stopping).progress(context.progress())
                    .observer(state -> recorder.offer(state.time(), state::density))
                    .run(problem, span.endTime());
            series = recorder.series("1/volume");
            FieldMetrics.requireFinite(header, series.last());
            metrics.putAll(FieldMetrics.of(series.last()));
            metrics.put("initial-mass", result.initialMass());
            metrics.put("final-mass", result.finalMass());
            metrics.put("mass-change", (result.finalMass() - result.initialMass()) / result.initialMass());
            metrics.put("min-density", result.minimum());
            metrics.put("steps", (double) result.steps());
            metrics.put("linear-iterations", (double) result.linearIterations());
            metrics.put("largest-stable-step", largest);
            if (stationary) {
                StationaryDensity s = FokkerPlanckSolver.stationary(problem, stopping);
                metrics.put("stationary-residual", s.relativeResidual());
                metrics.put("stationary-iterations", (double) s.iterations());
                if (model != null && context.model(model) instanceof UnnormalizedModel u) {
                    metrics.put("stationary-vs-boltzmann", boltzmannDifference(s.density(), u, diffusivity, grid));
                }
            }
            if (spectralGap) {
                SpectralGap gap = FokkerPlanckSolver.spectralGap(problem, 1e-10, 500, stopping);
                metrics.put("spectral-gap", gap.rate());
                metrics.put("relaxation-time", gap.relaxationTime());
            }
        } catch (UnstableTimeStepException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        } catch (NotConvergedException e) {
            throw new StepFailedException(header, "a linear solve did not converge: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        return new StepResult(id(), type(), series, metrics, null, 0);
    }

    /**
     * @return max |p − π| / max π for the equilibrium π = q<sup>1/(2D)</sup>/Z (q/Z for Langevin's D = ½), Z by the
     *     grid's cell sums
     */
    static double boltzmannDifference(SampledScalarField p, UnnormalizedModel model, double diffusivity, Grid grid) {
        ScalarField logQ = model.logDensityField().times(1 / (2 * diffusivity));
        SampledScalarField log = logQ.sample(grid);
        double max = log.max();
        SampledScalarField boltzmann = GridDensities.normalise(log.map(v -> Math.exp(v - max)));
        return GridDensities.maxDifference(p, boltzmann) / boltzmann.max();
    }
}
