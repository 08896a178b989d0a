package org.fieldscore.runner.scenario;

import java.util.Map;

/**
 * What a run writes into its output folder. Immutable.
 *
 * @param report whether report.html is written (summary.json always is)
 * @param plots whether PNG plots are written
 * @param vtk whether VTK image data (.vti, .pvd) are written
 * @param csv whether CSV tables are written
 * @param steps per step id: whether its files are written and under which path (without extension)
 */
public record OutputOptions(boolean report, boolean plots, boolean vtk, boolean csv,
        Map<String, StepOutput> steps) {

    /** Copies the per-step map. */
    public OutputOptions {
        steps = Map.copyOf(steps);
    }

    /**
     * Output settings of one step. Immutable.
     *
     * @param save whether the step's files are written
     * @param file the files' path inside the output folder, without extension (default: the step id)
     * @param title a title for plots and the report (default: the step id)
     */
    public record StepOutput(boolean save, String file, String title) {
    }

    /**
     * @param id a step id
     * @return its output settings
     */
    public StepOutput step(String id) {
        return steps.getOrDefault(id, new StepOutput(true, id, id));
    }
}
