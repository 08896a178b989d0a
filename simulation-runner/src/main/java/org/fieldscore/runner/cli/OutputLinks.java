package org.fieldscore.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.fieldscore.runner.input.Problem;
import org.fieldscore.runner.output.OutputDirectory;
import org.fieldscore.runner.output.OutputPathException;
import org.fieldscore.runner.scenario.OutputOptions;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.step.Step;

/**
 * Resolves every step's output paths in the output folder before anything is computed, so that a path through a
 * symbolic link pointing outside the folder is refused up front with the step's file, line and key rather than at
 * write time: the path's folders, the step's own stem (a time series' folder) and every existing file named
 * {@code stem.*} go through {@link OutputDirectory#resolve}, the same rule the writers apply.
 */
final class OutputLinks {

    private OutputLinks() {
    }

    /**
     * @param scenario the checked scenario
     * @param out the run's output folder
     * @return one problem per step whose output path is refused, empty when all resolve inside the folder
     */
    static List<Problem> check(Scenario scenario, OutputDirectory out) {
        List<Problem> problems = new ArrayList<>();
        for (Step step : scenario.steps()) {
            OutputOptions.StepOutput output = scenario.output().step(step.id());
            if (!output.save()) {
                continue;
            }
            try {
                for (String relative : candidates(out, output.file())) {
                    out.resolve(relative);
                }
            } catch (OutputPathException e) {
                boolean declared = !output.file().equals(step.id());
                problems.add(new Problem(step.position(), step.header().keyPath() + (declared ? ".output" : ".id"),
                        "step '" + step.id() + "': " + e.getMessage() + "; valid: an output path whose folders and"
                                + " files stay inside the output folder " + out.root() + (declared ? ""
                                        : " (set 'output:' to write this step elsewhere in it)")));
            }
        }
        return problems;
    }

    private static List<String> candidates(OutputDirectory out, String stem) {
        List<String> names = new ArrayList<>();
        names.add(stem);
        Path parent = out.root().resolve(stem).getParent();
        String base = Path.of(stem).getFileName().toString();
        String prefix = stem.contains("/") ? stem.substring(0, stem.lastIndexOf('/') + 1) : "";
        if (parent != null && Files.isDirectory(parent) && out.resolve(stem).startsWith(out.root())) {
            try (Stream<Path> siblings = Files.list(parent)) {
                siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(base + "."))
                        .forEach(n -> names.add(prefix + n));
            } catch (IOException e) {
                // an unreadable folder is reported when the files are written
            }
        }
        return names;
    }
}
