package org.fieldscore.runner.exec;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.runner.input.InvalidScenarioException;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.scenario.ScenarioCase;
import org.fieldscore.runner.step.ChainStep;
import org.fieldscore.runner.step.Reference;
import org.fieldscore.runner.step.RunContext;
import org.fieldscore.runner.step.Step;
import org.fieldscore.runner.step.StepFailedException;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.EnsembleStatistics;

/**
 * Runs slices of a chain step's ensemble where an engine placed them (a Spark executor). The first slice of a
 * scenario case and step on a JVM reads the scenario, runs the steps the chain step depends on (directly or through
 * others) as a whole run would, and prepares the step's sampler; the later slices on the same JVM reuse them, so a
 * model fit or a field solve behind the chains runs once per executor, not once per partition. The
 * {@value #KEPT} most recently used preparations are kept.
 */
public final class ChainSlices {

    /** Preparations kept per JVM. */
    static final int KEPT = 2;

    private static final Map<Key, CompletableFuture<Prepared>> PREPARED = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<Prepared>> eldest) {
            return size() > KEPT;
        }
    };

    private static final AtomicInteger PREPARATIONS = new AtomicInteger();

    private ChainSlices() {
    }

    /** Drops every preparation (an engine that ran slices in this JVM closes). */
    public static void forget() {
        synchronized (PREPARED) {
            PREPARED.clear();
        }
    }

    /** @return how many preparations ran in this JVM (for tests) */
    static int preparations() {
        return PREPARATIONS.get();
    }

    /**
     * @param scenario the case
     * @param stepId the chain step's id
     * @param from first chain
     * @param to one past the last chain
     * @return the slice's samples
     * @throws InvalidScenarioException when the case does not read (it did on the driver)
     * @throws StepFailedException when a step it depends on fails
     */
    public static ChainSamples samples(ScenarioCase scenario, String stepId, int from, int to)
            throws InvalidScenarioException, StepFailedException {
        return prepared(scenario, stepId).sampler().run(from, to - from);
    }

    /**
     * @param scenario the case
     * @param stepId the chain step's id, a step with {@code keep: statistics}
     * @param from first chain, on a block boundary
     * @param to one past the last chain
     * @return the slice's statistics
     * @throws InvalidScenarioException when the case does not read
     * @throws StepFailedException when a step it depends on fails
     */
    public static EnsembleStatistics statistics(ScenarioCase scenario, String stepId, int from, int to)
            throws InvalidScenarioException, StepFailedException {
        Prepared p = prepared(scenario, stepId);
        return p.step().summariseChains(p.sampler(), p.context(), from, to);
    }

    private static Prepared prepared(ScenarioCase scenario, String stepId)
            throws InvalidScenarioException, StepFailedException {
        Key key = new Key(scenario, stepId);
        CompletableFuture<Prepared> future;
        boolean mine = false;
        synchronized (PREPARED) {
            future = PREPARED.get(key);
            if (future == null) {
                future = new CompletableFuture<>();
                PREPARED.put(key, future);
                mine = true;
            }
        }
        if (mine) {
            try {
                future.complete(prepare(scenario.read(), stepId));
            } catch (InvalidScenarioException | StepFailedException | RuntimeException e) {
                synchronized (PREPARED) {
                    PREPARED.remove(key);
                }
                future.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another task prepared step '" + stepId + "'", e);
        } catch (ExecutionException e) {
            // another task's preparation failed: this one fails the same way
            if (e.getCause() instanceof StepFailedException f) {
                throw f;
            }
            if (e.getCause() instanceof InvalidScenarioException i) {
                throw i;
            }
            throw (RuntimeException) e.getCause();
        }
    }

    private static Prepared prepare(Scenario scenario, String stepId) throws StepFailedException {
        PREPARATIONS.incrementAndGet();
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
                return new Prepared(chains, context, chains.sampler(context, ProgressListener.NONE));
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

    /** A case and a step of it. */
    private record Key(ScenarioCase scenario, String stepId) {
    }

    /** A chain step with the results it depends on and its sampler. */
    private record Prepared(ChainStep step, RunContext context, EnsembleStatistics.ChainBlocks sampler) {
    }
}
