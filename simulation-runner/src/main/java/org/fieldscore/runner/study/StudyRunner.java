package org.fieldscore.runner.study;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.runner.exec.RunOutputWriter;
import org.fieldscore.runner.exec.ScenarioExecutor;
import org.fieldscore.runner.input.InvalidScenarioException;
import org.fieldscore.runner.output.OutputDirectory;
import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.step.StepFailedException;

/**
 * Runs the cases of a study, up to a given number at a time, each into its own folder {@code cases/<id>/} of the
 * study's output folder. A case whose folder already holds a summary for the same parameter values is not run
 * again: summary.json is written last and atomically, so its presence means the case finished, and an interrupted
 * study rerun into the same folder resumes with the missing cases.
 *
 * <p>Every case is checked before any runs, so an invalid combination is reported without computing anything.
 * Cases run on a thread pool of this JVM, or on a {@link CaseEngine} (a cluster) that sends each case's files back
 * to be written here: either way a finished case is skipped by a rerun, whichever engine ran it.
 */
public final class StudyRunner {

    private final int parallelCases;
    private final CaseEngine engine;

    /**
     * @param parallelCases cases run at the same time, ≥ 1
     */
    public StudyRunner(int parallelCases) {
        this(parallelCases, null);
    }

    /**
     * @param parallelCases cases run at the same time on the local thread pool, ≥ 1
     * @param engine the engine that runs the cases, or null for the local thread pool
     */
    public StudyRunner(int parallelCases, CaseEngine engine) {
        if (parallelCases < 1) {
            throw new IllegalArgumentException("parallel cases must be at least 1, got " + parallelCases);
        }
        this.parallelCases = parallelCases;
        this.engine = engine;
    }

    /**
     * @param cases the cases
     * @param root the study's output folder
     * @param progress reports one unit per finished case
     * @return one outcome per case, in case order
     * @throws InvalidScenarioException when a case's scenario is invalid (nothing has run then)
     * @throws IOException when a case folder cannot be created or read
     */
    public List<CaseOutcome> run(List<StudyCase> cases, OutputDirectory root, ProgressListener progress)
            throws InvalidScenarioException, IOException {
        List<Scenario> scenarios = new ArrayList<>();
        for (StudyCase c : cases) {
            scenarios.add(c.scenario().read());
        }
        progress.started("study: " + cases.size() + " cases", cases.size());
        if (engine != null) {
            try {
                return runOnEngine(cases, root, progress);
            } finally {
                progress.finished();
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelCases, r -> {
            Thread t = new Thread(r, "fieldscore-case");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CaseOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                StudyCase c = cases.get(i);
                Scenario s = scenarios.get(i);
                OutputDirectory folder = root.subdirectory("cases/" + c.id());
                futures.add(pool.submit(() -> runCase(c, s, folder)));
            }
            List<CaseOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                outcomes.add(await(futures.get(i), cases.get(i)));
                progress.advanced(i + 1, cases.get(i).id());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
            progress.finished();
        }
    }

    /**
     * Finished cases are read back here; the others go to the engine, and each result is written into its case
     * folder as it arrives.
     */
    private List<CaseOutcome> runOnEngine(List<StudyCase> cases, OutputDirectory root, ProgressListener progress)
            throws IOException {
        CaseOutcome[] outcomes = new CaseOutcome[cases.size()];
        List<StudyCase> pending = new ArrayList<>();
        List<Integer> pendingIndex = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            StudyCase c = cases.get(i);
            Optional<RunSummary> finished = root.subdirectory("cases/" + c.id()).readSummary();
            if (finished.isPresent() && sameValues(finished.get(), c)) {
                outcomes[i] = new CaseOutcome(c, finished.get(), true, null);
            } else {
                pending.add(c);
                pendingIndex.add(i);
            }
        }
        int[] done = {cases.size() - pending.size()};
        engine.run(pending, (k, result) -> {
            StudyCase c = pending.get(k);
            CaseOutcome outcome;
            if (result.failure() != null) {
                outcome = new CaseOutcome(c, null, false, result.failure());
            } else {
                OutputDirectory folder = root.subdirectory("cases/" + c.id());
                CaseExecution.writeInto(result, folder);
                outcome = new CaseOutcome(c, folder.readSummary().orElseThrow(), false, null);
            }
            outcomes[pendingIndex.get(k)] = outcome;
            progress.advanced(++done[0], c.id());
        });
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                throw new IOException("the engine returned no result for case " + cases.get(i).id());
            }
        }
        return List.of(outcomes);
    }

    private static CaseOutcome await(Future<CaseOutcome> future, StudyCase c) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the study was interrupted while case " + c.id() + " ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("case " + c.id() + " failed unexpectedly", e.getCause());
        }
    }

    private static CaseOutcome runCase(StudyCase c, Scenario scenario, OutputDirectory folder) throws IOException {
        Optional<RunSummary> finished = folder.readSummary();
        if (finished.isPresent() && sameValues(finished.get(), c)) {
            return new CaseOutcome(c, finished.get(), true, null);
        }
        Instant started = Instant.now();
        try {
            RunSummary summary = RunOutputWriter.write(scenario, ScenarioExecutor.run(scenario, ProgressListener.NONE),
                    folder, started);
            return new CaseOutcome(c, summary, false, null);
        } catch (StepFailedException e) {
            return new CaseOutcome(c, null, false, e.getMessage());
        }
    }

    /** A summary belongs to a case when its resolved parameters hold the case's values. */
    private static boolean sameValues(RunSummary summary, StudyCase c) {
        Object parameters = summary.scenario().get("parameters");
        if (!(parameters instanceof java.util.Map<?, ?> map)) {
            return false;
        }
        for (var e : c.values().entrySet()) {
            Object v = map.get(e.getKey());
            if (v == null || !sameNumber(v.toString(), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return a.equals(b);
        }
    }

    /**
     * What happened to one case.
     *
     * @param studyCase the case
     * @param summary its summary, or null when it failed
     * @param resumed whether the summary was found from an earlier run
     * @param failure the runtime failure's message, or null
     */
    public record CaseOutcome(StudyCase studyCase, RunSummary summary, boolean resumed, String failure) {
    }
}
