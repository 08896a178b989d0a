package org.fieldscore.runner.step;

import java.util.List;

import org.fieldscore.runner.input.SourcePosition;

/**
 * One named step of a scenario: a field, a derived field, a PDE problem, a statistics problem or a comparison.
 *
 * <p>Steps are immutable descriptions. {@link #plan} checks everything that can be checked without computing
 * (kinds and grids of the referenced results, stability limits, sizes) and {@link #run} computes the result from
 * the results of earlier steps.
 */
public interface Step {

    /** @return id, type and position */
    StepHeader header();

    /** @return the earlier steps this one uses */
    List<Reference> references();

    /**
     * @param context the plans of the earlier steps
     * @return what this step will produce and cost
     * @throws org.fieldscore.runner.input.ProblemException when the step cannot run as declared
     */
    Plan plan(PlanContext context);

    /**
     * The step as planning resolved it, for running: a step whose inputs are only known while planning (a grid
     * taken from another step's result) reads the declarations that depend on them here, once, so that running
     * does not read them again. Called by the reader right after {@link #plan}; problems are reported like plan's.
     *
     * @param context the plans of the earlier steps
     * @return the step to run; by default this step
     */
    default Step resolved(PlanContext context) {
        return this;
    }

    /**
     * @param context the results of the earlier steps, the random seed and the progress listener
     * @return the result
     * @throws StepFailedException when the computation fails (e.g. a solver does not converge)
     */
    StepResult run(RunContext context) throws StepFailedException;

    /** @return the step id */
    default String id() {
        return header().id();
    }

    /** @return the step type */
    default String type() {
        return header().type();
    }

    /** @return where the step is declared */
    default SourcePosition position() {
        return header().position();
    }
}
