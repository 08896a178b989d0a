package org.fieldscore.runner.cli;

import java.util.List;
import java.util.Optional;

import org.fieldscore.runner.input.InvalidScenarioException;
import org.fieldscore.runner.input.MemoryBudget;
import org.fieldscore.runner.input.Problem;
import org.fieldscore.runner.output.OutputDirectory;
import org.fieldscore.runner.output.OutputPathException;
import org.fieldscore.runner.output.RunFolder;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.step.ResultKind;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fieldscore validate}: checks a scenario without computing anything. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check a scenario without computing anything.",
            "Checks YAML, keys, types, ranges, references, expressions, grid sizes against the heap, stability"
                    + " limits, data files, and the output folder run would use (writable, not held by another run,"
                    + " no output path through a link leading out of it).",
            "Exit code 0 when valid, 2 with every problem listed (file:line:column, key, what is valid)."})
final class ValidateCommand extends ScenarioCommand {

    @Mixin
    OutputFolderOption output;

    @Override
    int execute(Scenario checked) {
        // the output folder run would use is checked as run checks it: writable, not held, no link leading out
        Optional<OutputDirectory> folder;
        try {
            folder = RunFolder.check(output.folderFor(checked));
        } catch (OutputPathException e) {
            return refused(e);
        }
        if (folder.isPresent()) {
            List<Problem> links = OutputLinks.check(checked, folder.get());
            if (!links.isEmpty()) {
                return invalid(new InvalidScenarioException(links));
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
