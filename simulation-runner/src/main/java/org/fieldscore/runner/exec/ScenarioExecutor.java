package org.fieldscore.runner.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.step.ChainEnsemble;
import org.fieldscore.runner.step.RunContext;
import org.fieldscore.runner.step.Step;
import org.fieldscore.runner.step.StepFailedException;
import org.fieldscore.runner.step.StepResult;
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
}
