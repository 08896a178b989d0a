package org.fieldscore.runner.scenario;

import java.util.List;
import java.util.Locale;

import org.fieldscore.runner.input.InvalidScenarioException;
import org.fieldscore.runner.input.Problem;
import org.fieldscore.runner.step.Plan;
import org.fieldscore.runner.step.Step;

/**
 * The bound on a run's total work, checked while validating: the sum of every step's estimated operations
 * ({@link Plan#work()}: grid points × time steps × work per point, chains × draws × dimension, …), over every case of
 * a study. A total above the limit is refused before anything runs, naming the heaviest step with its estimate, so
 * that a mistyped time step or grid size cannot start a run that would not end. The limit is
 * {@value #DEFAULT_LIMIT} operations (about a hundred times the heaviest bundled scenario) unless raised with
 * {@code --max-work}.
 */
public final class WorkBudget {

    /** The default limit in estimated operations. */
    public static final double DEFAULT_LIMIT = 1e12;

    private WorkBudget() {
    }

    /**
     * @param cases the scenario alone, or every case of a study (each read and checked)
     * @param limit the most operations allowed, &gt; 0
     * @param option how the user raises the limit, for the message (e.g. {@code "--max-work"})
     * @throws InvalidScenarioException when the estimated total exceeds the limit, located at the heaviest step of
     *     the heaviest case
     */
    public static void check(List<Scenario> cases, double limit, String option) throws InvalidScenarioException {
        double total = 0;
        Scenario heaviest = null;
        for (Scenario s : cases) {
            total += s.estimatedWork();
            if (heaviest == null || s.estimatedWork() > heaviest.estimatedWork()) {
                heaviest = s;
            }
        }
        if (heaviest == null || !(total > limit)) {
            return;
        }
        Step step = null;
        double most = -1;
        for (Step candidate : heaviest.steps()) {
            double w = heaviest.plans().get(candidate.id()).work();
            if (w > most) {
                most = w;
                step = candidate;
            }
        }
        Plan plan = heaviest.plans().get(step.id());
        String scope = cases.size() == 1 ? "the run" : "the study's " + cases.size() + " cases";
        String where = cases.size() == 1 ? "" : " of its heaviest case (" + heaviest.parameters() + ")";
        throw new InvalidScenarioException(new Problem(step.position(), step.header().keyPath(), String.format(
                Locale.ROOT, "%s would take about %.3g operations, above the limit of %.3g; the heaviest step is '%s'"
                        + "%s with about %.3g operations (%s). Refused before computing. Valid: a total below %.3g"
                        + " (a coarser grid, a longer time step, fewer draws or cases), or raise the limit"
                        + " explicitly with %s %.3g",
                scope, total, limit, step.id(), where, most, plan.summary(), limit, option, total)));
    }
}
