package org.fieldscore.runner.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.fieldscore.runner.input.InvalidScenarioException;
import org.fieldscore.runner.input.Problem;
import org.fieldscore.runner.input.SourcePosition;
import org.fieldscore.runner.output.OutputPathException;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.scenario.ScenarioCase;
import org.fieldscore.runner.scenario.ScenarioReader;
import org.fieldscore.runner.scenario.WorkBudget;
import org.fieldscore.runner.study.StudyCase;
import org.fieldscore.runner.text.Suggestions;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command that reads a scenario (a file, or the name of a bundled scenario) with {@code --set} and
 * {@code --seed}, reports invalid input with exit code 2 and no stack trace, and hands the checked scenario to
 * {@link #execute}.
 */
abstract class ScenarioCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Parameters(index = "0", paramLabel = "SCENARIO",
            description = "A scenario file (.yaml), or the name of a bundled scenario (see 'fieldscore examples').")
    String scenario;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Override a parameter's default; repeatable. VALUE is a number or an expression.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's random seed.",
            converter = SeedConverter.class)
    Long seed;

    @Option(names = "--max-work", paramLabel = "OPERATIONS",
            description = "Refuse a run (or a study's cases together) estimated above this many operations"
                    + " (default: ${DEFAULT-VALUE}).")
    double maxWork = WorkBudget.DEFAULT_LIMIT;

    @Override
    public final Integer call() {
        logging.apply();
        if (!(maxWork > 0)) {
            err().println("error: --max-work must be > 0, got " + maxWork);
            err().flush();
            return ExitCodes.INVALID_INPUT;
        }
        Scenario checked;
        try {
            checked = resolve().read();
            List<Scenario> cases = new ArrayList<>();
            if (checked.study() == null) {
                cases.add(checked);
            } else {
                // every case is read and checked now, so that validate refuses what run would
                for (StudyCase c : StudyCase.all(checked.study().sweep(), checked.source())) {
                    cases.add(c.scenario().read());
                }
            }
            WorkBudget.check(cases, maxWork, "--max-work");
        } catch (InvalidScenarioException e) {
            return invalid(e);
        }
        return execute(checked);
    }

    /**
     * @param checked the checked scenario
     * @return the exit code
     */
    abstract int execute(Scenario checked);

    ScenarioCase resolve() throws InvalidScenarioException {
        boolean looksLikePath = scenario.contains("/") || scenario.contains("\\") || scenario.endsWith(".yaml")
                || scenario.endsWith(".yml");
        if (!looksLikePath && BundledScenarios.contains(scenario) && !Files.exists(Path.of(scenario))) {
            return BundledScenarios.caseOf(scenario, overrides, seed);
        }
        if (!looksLikePath && !Files.exists(Path.of(scenario))) {
            throw new InvalidScenarioException(new Problem(new SourcePosition(scenario, 0, 0), "",
                    "is neither a file nor a bundled scenario."
                            + Suggestions.didYouMean(scenario, BundledScenarios.names())
                            + " Bundled scenarios: " + String.join(", ", BundledScenarios.names()) + "."));
        }
        if (!Files.exists(Path.of(scenario))) {
            String stem = Path.of(scenario).getFileName().toString().replaceFirst("\\.ya?ml$", "");
            String bundled = BundledScenarios.contains(stem) ? stem : Suggestions.closest(stem,
                    BundledScenarios.names());
            if (bundled != null) {
                throw new InvalidScenarioException(new Problem(new SourcePosition(scenario, 0, 0), "",
                        "no such file." + (bundled.equals(stem) ? " A bundled scenario is called '" + bundled + "'."
                                : " Did you mean the bundled scenario '" + bundled + "'?") + " Run it by name"
                                + " ('fieldscore run " + bundled + "'), or write it as a file to start from with"
                                + " 'fieldscore examples --export DIR' (valid: an existing file, or a bundled name)"));
            }
        }
        return ScenarioReader.caseOf(Path.of(scenario), overrides, seed);
    }

    /**
     * Prints the problems of an invalid scenario to stderr.
     *
     * @param e the problems
     * @return {@link ExitCodes#INVALID_INPUT}
     */
    int invalid(InvalidScenarioException e) {
        PrintWriter err = spec.commandLine().getErr();
        for (Problem p : e.problems()) {
            err.println("error: " + p.format());
        }
        err.println("fieldscore: " + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
                + " in " + scenario + "; nothing was run.");
        if (logging.verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INVALID_INPUT;
    }

    /**
     * Prints why the output folder is refused to stderr.
     *
     * @param e the refusal
     * @return {@link ExitCodes#INVALID_INPUT}
     */
    int refused(OutputPathException e) {
        err().println("error: " + e.getMessage());
        err().flush();
        return ExitCodes.INVALID_INPUT;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Reads {@code --seed} with FieldScore's own message for a value that is not a whole number. */
    static final class SeedConverter implements picocli.CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException("--seed " + value + ": a seed is a whole"
                        + " number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", e.g. --seed 42");
            }
        }
    }
}
