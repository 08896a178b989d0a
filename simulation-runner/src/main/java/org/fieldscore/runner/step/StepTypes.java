package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.input.MapNode;

/**
 * The step types a scenario may use, by name, with the keys each accepts and the reader that builds it.
 */
public final class StepTypes {

    /**
     * Keys every step has: {@code id}, {@code type}, and for its files {@code title}, {@code save} (whether they
     * are written) and {@code output} (their path inside the output folder, without extension).
     */
    public static final List<String> COMMON_KEYS = List.of("id", "type", "title", "save", "output");

    /** Reads one step type's own keys. */
    @FunctionalInterface
    interface Reader {
        Step read(StepHeader header, MapNode body, StepReading reading);
    }

    /**
     * A step type: its keys and reader.
     *
     * @param name the {@code type:} value
     * @param keys the keys besides the common ones
     * @param reader builds the step
     */
    record Type(String name, List<String> keys, Reader reader) {
    }

    private static final Map<String, Type> TYPES;

    static {
        Map<String, Type> m = new LinkedHashMap<>();
        add(m, "field", FieldStep.KEYS, FieldStep::read);
        add(m, "vector-field", VectorFieldStep.KEYS, VectorFieldStep::read);
        add(m, "source", SourceStep.KEYS, SourceStep::read);
        for (DifferentialStep.Operator op : DifferentialStep.Operator.values()) {
            add(m, op.typeName(), DifferentialStep.KEYS, DifferentialStep::read);
        }
        add(m, "norm", NormStep.KEYS, NormStep::read);
        add(m, "minkowski-norm", NormStep.KEYS, NormStep::read);
        add(m, "component", ComponentStep.KEYS, ComponentStep::read);
        add(m, "convert", ConvertStep.KEYS, ConvertStep::read);
        add(m, "compose", ComposeStep.KEYS, ComposeStep::read);
        add(m, "lagrangian", LagrangianStep.KEYS, LagrangianStep::read);
        add(m, "poisson", PoissonStep.KEYS, PoissonStep::read);
        add(m, "diffusion", DiffusionStep.KEYS, DiffusionStep::read);
        add(m, "heat", DiffusionStep.HEAT_KEYS, DiffusionStep::read);
        add(m, "wave", WaveStep.KEYS, WaveStep::read);
        add(m, "fokker-planck", FokkerPlanckStep.KEYS, FokkerPlanckStep::read);
        add(m, "model", ModelStep.KEYS, ModelStep::read);
        add(m, "data", DataStep.KEYS, DataStep::read);
        add(m, "fit", FitStep.KEYS, FitStep::read);
        add(m, "score-field", ModelFieldStep.KEYS, ModelFieldStep::read);
        add(m, "langevin", LangevinStep.KEYS, LangevinStep::read);
        add(m, "annealed-langevin", AnnealedLangevinStep.KEYS, AnnealedLangevinStep::read);
        add(m, "diffusion-sampler", DiffusionSamplerStep.KEYS, DiffusionSamplerStep::read);
        add(m, "diffusion-network", DiffusionNetworkStep.KEYS, DiffusionNetworkStep::read);
        add(m, "ode-likelihood", OdeLikelihoodStep.KEYS, OdeLikelihoodStep::read);
        add(m, "score-fp-residual", ScoreResidualStep.KEYS, ScoreResidualStep::read);
        add(m, "fisher-curve", FisherCurveStep.KEYS, FisherCurveStep::read);
        add(m, "score-network", ScoreNetworkStep.KEYS, ScoreNetworkStep::read);
        add(m, "brownian-vs-heat", BrownianHeatStep.KEYS, BrownianHeatStep::read);
        add(m, "langevin-vs-fokker-planck", LangevinFokkerPlanckStep.KEYS, LangevinFokkerPlanckStep::read);
        add(m, "boltzmann", BoltzmannStep.KEYS, BoltzmannStep::read);
        add(m, "score-to-density", ScoreDensityStep.KEYS, ScoreDensityStep::read);
        add(m, "diagnostics", DiagnosticsStep.KEYS, DiagnosticsStep::read);
        add(m, "plot", PlotStep.KEYS, PlotStep::read);
        add(m, "compare", CompareStep.KEYS, CompareStep::read);
        TYPES = Collections.unmodifiableMap(m);
    }

    private StepTypes() {
    }

    private static void add(Map<String, Type> m, String name, List<String> keys, Reader reader) {
        m.put(name, new Type(name, keys, reader));
    }

    /** @return the type names in documentation order */
    public static List<String> names() {
        return List.copyOf(TYPES.keySet());
    }

    /**
     * @param type a type name
     * @return the keys that type accepts, the common ones first
     */
    public static List<String> keys(String type) {
        List<String> keys = new ArrayList<>(COMMON_KEYS);
        keys.addAll(TYPES.get(type).keys());
        return keys;
    }

    /**
     * Reads a step's type-specific keys.
     *
     * @param header id, type (one of {@link #names()}), position
     * @param body the step mapping
     * @param reading grids and helpers
     * @return the step
     */
    public static Step read(StepHeader header, MapNode body, StepReading reading) {
        body.allow(keys(header.type()));
        return TYPES.get(header.type()).reader().read(header, body, reading);
    }
}
