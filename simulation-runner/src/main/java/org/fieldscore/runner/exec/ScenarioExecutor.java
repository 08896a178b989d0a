package org.fieldscore.runner.exec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.step.ChainEnsemble;
import org.fieldscore.runner.step.ChainStep;
import org.fieldscore.runner.step.Reference;
import org.fieldscore.runner.step.RunContext;
import org.fieldscore.runner.step.Step;
import org.fieldscore.runner.step.StepFailedException;
import org.fieldscore.runner.step.StepResult;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.EnsembleStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the steps of a checked scenario in order, each seeing the results of the steps before it. The same
 * scenario with the same seed gives the same numbers, whatever the number of threads: steps draw random numbers
 * from streams seeded by the scenario seed and their own id, and parallel loops split work deterministically.
 */
public final class ScenarioExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioExecutor.class);

    private ScenarioExecutor() {
    }

    /**
     * @param scenario the scenario
     * @param progress where long steps report progress
     * @return every step's result, in order
     * @throws StepFailedException when a step fails; later steps are not run
     */
    public static List<StepResult> run(Scenario scenario, ProgressListener progress) throws StepFailedException {
        return run(scenario, progress, null);
    }

    /**
     * @param scenario the scenario
     * @param progress where long steps report progress
     * @param chains runs the chains of Langevin steps on another engine, or null to run them here
     * @return every step's result, in order
     * @throws StepFailedException when a step fails; later steps are not run
     */
    public static List<StepResult> run(Scenario scenario, ProgressListener progress, ChainEnsemble chains)
            throws StepFailedException {
        RunContext context = new RunContext(scenario.seed(), scenario.baseDirectory(), scenario.language(), progress)
                .withEnsemble(chains);
        List<StepResult> results = new ArrayList<>();
        int n = scenario.steps().size();
        for (int i = 0; i < n; i++) {
            Step step = scenario.steps().get(i);
            LOG.debug("step {}/{} '{}' ({}): {}", i + 1, n, step.id(), step.type(),
                    scenario.plans().get(step.id()).summary());
            long start = System.nanoTime();
            StepResult result;
            try {
                result = step.run(context);
            } catch (RuntimeException e) {
                throw new StepFailedException(step.header(), String.valueOf(e.getMessage()), e);
            }
            result = result.withElapsed(System.nanoTime() - start);
            // one short line per step once it is done; the plan's full description is at debug level
            if (result.verdict() != null) {
                LOG.info(String.format(Locale.ROOT, "step %d/%d %s (%s) %.2f s: %s %s = %.3g (tolerance %.3g)", i + 1,
                        n, step.id(), step.type(), result.elapsedNanos() / 1e9, result.verdict().passed() ? "pass"
                                : "FAIL", result.verdict().metric(), result.verdict().value(),
                        result.verdict().tolerance()));
            } else {
                LOG.info(String.format(Locale.ROOT, "step %d/%d %s (%s) %.2f s", i + 1, n, step.id(), step.type(),
                        result.elapsedNanos() / 1e9));
                LOG.debug("  metrics: {}", result.metrics());
            }
            context.add(result);
            results.add(result);
        }
        return results;
    }

    /**
     * Runs one slice of a Langevin step's chains where an engine placed it: the steps it depends on (directly or
     * through others) run first, as in a whole run, then chains from … to − 1.
     *
     * @param scenario the scenario
     * @param stepId the chain step's id
     * @param from first chain
     * @param to one past the last chain
     * @return the slice's samples
     * @throws StepFailedException when a step it depends on fails
     */
    public static ChainSamples runChainSlice(Scenario scenario, String stepId, int from, int to)
            throws StepFailedException {
        return onSlice(scenario, stepId, (step, context) -> step.runChains(context, from, to));
    }

    /**
     * As {@link #runChainSlice}, for a step that keeps statistics: the slice's chains run block by block.
     *
     * @param scenario the scenario
     * @param stepId the chain step's id
     * @param from first chain, on a block boundary
     * @param to one past the last chain
     * @return the slice's statistics
     * @throws StepFailedException when a step it depends on fails
     */
    public static EnsembleStatistics summariseChainSlice(Scenario scenario, String stepId, int from, int to)
            throws StepFailedException {
        return onSlice(scenario, stepId, (step, context) -> step.summariseChains(context, from, to));
    }

    private static <T> T onSlice(Scenario scenario, String stepId, BiFunction<ChainStep, RunContext, T> slice)
            throws StepFailedException {
        RunContext context = new RunContext(scenario.seed(), scenario.baseDirectory(), scenario.language(),
                ProgressListener.NONE);
        List<Step> steps = scenario.steps();
        Set<String> needed = new HashSet<>(List.of(stepId));
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (needed.contains(steps.get(i).id())) {
                for (Reference r : steps.get(i).references()) {
                    needed.add(r.id());
                }
            }
        }
        for (Step step : steps) {
            if (step.id().equals(stepId)) {
                if (!(step instanceof ChainStep chains)) {
                    throw new IllegalArgumentException("step '" + stepId + "' runs no chains");
                }
                return slice.apply(chains, context);
            }
            if (needed.contains(step.id())) {
                try {
                    context.add(step.run(context));
                } catch (RuntimeException e) {
                    throw new StepFailedException(step.header(), String.valueOf(e.getMessage()), e);
                }
            }
        }
        throw new IllegalArgumentException("the scenario has no step '" + stepId + "'");
    }
}
