package org.fieldscore.runner.step;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.fieldscore.fields.grid.Grid;

/**
 * What a step will produce and cost, known before anything is computed. Immutable.
 *
 * @param kind the kind of result
 * @param grid the grid of a field result (null otherwise)
 * @param components components of a vector result, sample dimension of samples, 1 for scalars
 * @param resultBytes bytes the result keeps for the rest of the run
 * @param workspaceBytes bytes needed only while the step runs
 * @param work an estimate of the floating-point work (operations)
 * @param summary one line on what the step computes, for {@code fieldscore describe}
 * @param metrics names of the values the step reports (usable as {@code id.name} in comparisons)
 * @param capabilities what a model result offers besides its score (empty for other results)
 * @param langevinStepBound the largest stable unadjusted-Langevin step of a model result when it is known before
 *     running ({@link org.fieldscore.score.model.ScoreModel#langevinStepBound}), else NaN
 */
public record Plan(ResultKind kind, Grid grid, int components, long resultBytes, long workspaceBytes, double work,
        String summary, List<String> metrics, Set<ModelCapability> capabilities, double langevinStepBound) {

    /** A plan without model capabilities. */
    public Plan(ResultKind kind, Grid grid, int components, long resultBytes, long workspaceBytes, double work,
                String summary, List<String> metrics) {
        this(kind, grid, components, resultBytes, workspaceBytes, work, summary, metrics, Set.of(), Double.NaN);
    }

    /**
     * @param bound the model's largest stable Langevin step, or NaN
     * @return a copy with it
     */
    public Plan withLangevinStepBound(double bound) {
        return new Plan(kind, grid, components, resultBytes, workspaceBytes, work, summary, metrics, capabilities,
                bound);
    }

    /**
     * @param offered the capabilities of the model this plan produces
     * @return a copy with them
     */
    public Plan offering(Set<ModelCapability> offered) {
        Set<ModelCapability> all = EnumSet.noneOf(ModelCapability.class);
        all.addAll(capabilities);
        all.addAll(offered);
        return new Plan(kind, grid, components, resultBytes, workspaceBytes, work, summary, metrics, Set.copyOf(all),
                langevinStepBound);
    }

    /** Metrics every field result reports. */
    public static final List<String> FIELD_METRICS = List.of("min", "max", "mean", "l2-norm", "integral");

    /**
     * @param grid the grid
     * @param workPerPoint operations per grid point
     * @param summary description
     * @return the plan of a step producing a scalar field
     */
    public static Plan scalarField(Grid grid, double workPerPoint, String summary) {
        long bytes = 8L * grid.pointCount();
        return new Plan(ResultKind.SCALAR_FIELD, grid, 1, bytes, bytes, workPerPoint * grid.pointCount(), summary,
                FIELD_METRICS);
    }

    /**
     * @param grid the grid
     * @param components number of components
     * @param workPerPoint operations per grid point
     * @param summary description
     * @return the plan of a step producing a vector field
     */
    public static Plan vectorField(Grid grid, int components, double workPerPoint, String summary) {
        long bytes = 8L * components * grid.pointCount();
        return new Plan(ResultKind.VECTOR_FIELD, grid, components, bytes, bytes, workPerPoint * grid.pointCount(),
                summary, FIELD_METRICS);
    }

    /**
     * @return the number of points of a samples result (samples keep 8 bytes per coordinate of each point), or -1
     *     for other results
     */
    public long sampleCount() {
        return kind == ResultKind.SAMPLES && components > 0 ? resultBytes / (8L * components) : -1;
    }

    /** @return whether the result is a field (scalar, vector, or a time series whose last snapshot is used) */
    public boolean isField() {
        return kind == ResultKind.SCALAR_FIELD || kind == ResultKind.VECTOR_FIELD || kind == ResultKind.TIME_SERIES;
    }
}
