package org.fieldscore.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.fieldscore.fields.Parallelism;
import org.fieldscore.runner.engine.Engine;
import org.fieldscore.runner.engine.EngineException;
import org.fieldscore.runner.engine.Engines;
import org.fieldscore.runner.exec.ProgressReporter;
import org.fieldscore.runner.exec.RunOutputWriter;
import org.fieldscore.runner.exec.ScenarioExecutor;
import org.fieldscore.runner.input.InvalidScenarioException;
import org.fieldscore.runner.output.OutputDirectory;
import org.fieldscore.runner.output.OutputPathException;
import org.fieldscore.runner.output.RunFolder;
import org.fieldscore.runner.input.Problem;
import org.fieldscore.runner.output.summary.ComparisonResult;
import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.step.StepFailedException;
import org.fieldscore.runner.step.StepResult;
import org.fieldscore.runner.study.StudyCase;
import org.fieldscore.runner.scenario.StudyDeclaration;
import org.fieldscore.runner.study.StudyReport;
import org.fieldscore.runner.study.StudyRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fieldscore run}: runs a scenario and writes its outputs. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run a scenario and write its outputs.",
            "Computes every step, checks every comparison, and writes summary.json, CSV tables, PNG plots, VTK files"
                    + " and report.html into the output folder.",
            "Exit codes: 0 success, 1 a comparison failed, 2 invalid input, 3 runtime failure."})
final class RunCommand extends ScenarioCommand {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    OutputFolderOption output;

    @Option(names = "--durable", description = "Force every output file to the disk before it is renamed into place,"
            + " so a finished run survives a power loss (slower; without it files are still written atomically).")
    boolean durable;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for parallel loops (default: all processors).")
    Integer threads;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = Engines.LOCAL,
            description = "Where study cases and Langevin chains run: local (this JVM's threads, the default) or"
                    + " spark (an embedded Spark, or the cluster given by --master).")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master for --engine spark: local[N], local[*] (the default) or spark://host:port;"
                    + " under spark-submit, spark-submit's --master.")
    String master;

    @Override
    int execute(Scenario scenario) {
        if (threads != null) {
            if (threads < 1) {
                err().println("error: --threads must be >= 1, got " + threads);
                err().flush();
                return ExitCodes.INVALID_INPUT;
            }
            try {
                return Parallelism.of(threads).call(() -> executeOnThisThread(scenario));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                return failure("the run was interrupted: " + e, e);
            }
        }
        return executeOnThisThread(scenario);
    }

    private int executeOnThisThread(Scenario scenario) {
        Path folder = output.folderFor(scenario);
        Instant started = Instant.now();
        // the engine first: an unreachable cluster is reported before anything is written
        try (Engine cluster = Engines.open(engine, master, scenario.name(), threads)) {
            return executeWith(scenario, folder, started, cluster);
        } catch (EngineException e) {
            return engineFailure(e);
        }
    }

    private int executeWith(Scenario scenario, Path folder, Instant started, Engine cluster) throws EngineException {
        RunFolder held;
        try {
            held = RunFolder.open(folder, durable ? OutputDirectory.Durability.DURABLE
                    : OutputDirectory.Durability.ATOMIC);
        } catch (OutputPathException e) {
            return refused(e);
        }
        try (RunFolder run = held) {
            if (!run.removedTemporaryFiles().isEmpty()) {
                LOG.info("removed {} temporary files left by an interrupted run", run.removedTemporaryFiles().size());
            }
            List<Problem> links = OutputLinks.check(scenario, run.directory());
            if (!links.isEmpty()) {
                return invalid(new InvalidScenarioException(links));
            }
            return scenario.study() != null ? runStudy(scenario, run.directory(), folder, started, cluster)
                    : runScenario(scenario, run.directory(), folder, started, cluster);
        }
    }

    private int runScenario(Scenario scenario, OutputDirectory out, Path folder, Instant started, Engine cluster)
            throws EngineException {
        List<StepResult> results;
        ProgressReporter progress = ProgressReporter.forConsole(logging.quiet);
        if (cluster != null) {
            err().println("fieldscore: Langevin chains run on " + cluster.description());
            err().flush();
        }
        try {
            results = ScenarioExecutor.run(scenario, progress,
                    cluster == null ? null : cluster.ensembleFor(scenario.source()));
        } catch (StepFailedException e) {
            return failure(e.getMessage(), e);
        }
        RunSummary summary;
        try {
            summary = RunOutputWriter.write(scenario, results, out, started, progress);
        } catch (OutputPathException e) {
            return refused(e);
        } catch (IOException e) {
            return failure("writing the outputs into " + folder + " failed: " + e.getMessage(), e);
        }
        return report(summary, folder, scenario.output().report());
    }

    /**
     * Runs the scenario's sweep: every case into cases/&lt;id&gt;/ (finished cases are kept and skipped when the
     * study is run again into the same folder), then the study's table, plots and fitted slopes.
     */
    private int runStudy(Scenario scenario, OutputDirectory out, Path folder, Instant started, Engine cluster) {
        StudyDeclaration study = scenario.study();
        List<StudyCase> cases = StudyCase.all(study.sweep(), scenario.source());
        if (cluster != null) {
            err().println("fieldscore: " + cases.size() + " cases run on " + cluster.description());
            err().flush();
        }
        int parallel = threads != null ? threads : study.parallelCases();
        RunSummary summary;
        try {
            List<StudyRunner.CaseOutcome> outcomes = new StudyRunner(parallel, cluster).run(cases, out,
                    ProgressReporter.forConsole(logging.quiet));
            for (StudyRunner.CaseOutcome o : outcomes) {
                if (o.failure() != null) {
                    err().println("error: case " + o.studyCase().id() + " " + o.studyCase().values() + " failed: "
                            + o.failure());
                }
            }
            summary = StudyReport.write(scenario.name(), scenario.resolved(), scenario.seed(), study.sweep(),
                    outcomes, study.metrics(), study.plots(), out, started);
            if (outcomes.stream().anyMatch(o -> o.failure() != null)) {
                report(summary, folder, true);
                return ExitCodes.RUNTIME_FAILURE;
            }
        } catch (InvalidScenarioException e) {
            return invalid(e);
        } catch (OutputPathException e) {
            return refused(e);
        } catch (IOException e) {
            return failure("writing the study into " + folder + " failed: " + e.getMessage(), e);
        }
        return report(summary, folder, true);
    }

    private int report(RunSummary summary, Path folder, boolean withReport) {
        PrintWriter out = out();
        out.printf("scenario %s: %d steps, seed %d%n", summary.scenarioName(), summary.steps().size(), summary.seed());
        for (ComparisonResult c : summary.comparisons()) {
            out.printf(Locale.ROOT, "  %s %-24s %s = %.6g (tolerance %.3g)%n", c.passed() ? "PASS" : "FAIL", c.name(),
                    c.metric(), c.value(), c.tolerance());
        }
        long failed = summary.comparisons().stream().filter(c -> !c.passed()).count();
        Path absolute = folder.toAbsolutePath().normalize();
        out.println("outputs: " + absolute);
        out.println("summary: " + absolute.resolve(OutputDirectory.SUMMARY_FILE));
        if (withReport) {
            out.println("report:  " + absolute.resolve(OutputDirectory.REPORT_FILE));
        }
        if (failed > 0) {
            out.printf("%d of %d comparisons failed%n", failed, summary.comparisons().size());
        }
        out.flush();
        return failed > 0 ? ExitCodes.COMPARISON_FAILED : ExitCodes.SUCCESS;
    }

    private int engineFailure(EngineException e) {
        err().println("error: " + e.getMessage() + "; nothing was run");
        if (logging.verbose && e.getCause() != null) {
            e.getCause().printStackTrace(err());
        }
        err().flush();
        return e.invalidInput() ? ExitCodes.INVALID_INPUT : ExitCodes.RUNTIME_FAILURE;
    }

    private int failure(String message, Exception e) {
        err().println("error: " + message);
        if (logging.verbose) {
            e.printStackTrace(err());
        } else if (e.getCause() != null && e.getCause().getMessage() != null
                && !message.contains(e.getCause().getMessage())) {
            err().println("  cause: " + e.getCause());
        }
        err().flush();
        return ExitCodes.RUNTIME_FAILURE;
    }
}
