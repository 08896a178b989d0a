package org.fieldscore.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fieldscore.runner.input.InvalidScenarioException;
import org.fieldscore.runner.input.MemoryBudget;
import org.fieldscore.runner.input.Problem;
import org.fieldscore.runner.output.OutputDirectory;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.step.ResultKind;

import picocli.CommandLine.Command;

/** {@code fieldscore validate}: checks a scenario without computing anything. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check a scenario without computing anything.",
            "Checks YAML, keys, types, ranges, references, expressions, grid sizes against the heap, stability"
                    + " limits, output paths and data files.",
            "Exit code 0 when valid, 2 with every problem listed (file:line:column, key, what is valid)."})
final class ValidateCommand extends ScenarioCommand {

    @Override
    int execute(Scenario checked) {
        // the default output folder, when it exists, is checked as run would check it (links leading outside)
        Path folder = Path.of("out", checked.name());
        if (Files.isDirectory(folder)) {
            try {
                List<Problem> links = OutputLinks.check(checked, OutputDirectory.create(folder));
                if (!links.isEmpty()) {
                    return invalid(new InvalidScenarioException(links));
                }
            } catch (IOException e) {
                // an unreadable folder is reported by run, which also proves it writable
            }
        }
        long comparisons = checked.plans().values().stream().filter(p -> p.kind() == ResultKind.COMPARISON).count();
        out().printf("%s: valid scenario '%s' (%d %s, %d %s, about %s of memory, %.3g operations)%n",
                scenario, checked.name(), checked.steps().size(), checked.steps().size() == 1 ? "step" : "steps",
                comparisons, comparisons == 1 ? "comparison" : "comparisons",
                MemoryBudget.format(checked.estimatedBytes()), checked.estimatedWork());
        out().flush();
        return ExitCodes.SUCCESS;
    }
}
