package org.fieldscore.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.fieldscore.runner.input.Problem;
import org.fieldscore.runner.input.SourcePosition;
import org.fieldscore.runner.output.OutputDirectory;
import org.fieldscore.runner.output.OutputPathException;
import org.fieldscore.runner.scenario.OutputOptions;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.scenario.StudyPlot;
import org.fieldscore.runner.step.Step;
import org.fieldscore.runner.study.StudyCase;

/**
 * Resolves every output path of a run in its output folder before anything is computed, so that a path through a
 * symbolic link pointing outside the folder is refused up front rather than at write time: each step's path is
 * reported at the key that declares it ({@code output:}, or {@code id:} for the default name), the run's own files
 * (summary.json, report.html, a study's table and plots) at the top of the file. For each step the path's folders,
 * its own stem (a time series' folder) and every existing file named {@code stem.*} go through
 * {@link OutputDirectory#resolve}, the same rule the writers apply; a study's steps are checked in every existing
 * case folder {@code cases/<id>/}.
 */
final class OutputLinks {

    private OutputLinks() {
    }

    /**
     * @param scenario the checked scenario
     * @param out the run's output folder
     * @return one problem per refused path, empty when all resolve inside the folder
     */
    static List<Problem> check(Scenario scenario, OutputDirectory out) {
        List<Problem> problems = new ArrayList<>();
        SourcePosition top = SourcePosition.startOf(scenario.source().file());
        List<String> ownFiles = new ArrayList<>(List.of(OutputDirectory.SUMMARY_FILE));
        if (scenario.study() == null) {
            if (scenario.output().report()) {
                ownFiles.add(OutputDirectory.REPORT_FILE);
            }
            ownFiles(out, ownFiles, top, problems);
            steps(scenario, out, problems);
            return problems;
        }
        ownFiles.add(OutputDirectory.REPORT_FILE);
        ownFiles.add("study.csv");
        for (StudyPlot plot : scenario.study().plots()) {
            ownFiles.add(plot.id() + ".png");
        }
        ownFiles(out, ownFiles, top, problems);
        for (StudyCase c : StudyCase.all(scenario.study().sweep(), scenario.source())) {
            String relative = "cases/" + c.id();
            try {
                Path folder = out.resolve(relative);
                if (Files.isDirectory(folder)) {
                    OutputDirectory caseFolder = OutputDirectory.create(folder);
                    ownFiles(caseFolder, List.of(OutputDirectory.SUMMARY_FILE), top, problems);
                    steps(scenario, caseFolder, problems);
                }
            } catch (OutputPathException e) {
                problems.add(new Problem(top, "study", "the folder of study case " + c.id() + ": " + e.getMessage()
                        + "; valid: case folders inside the output folder " + out.root()
                        + " (remove the link, or give --out another folder)"));
            } catch (IOException e) {
                // an unreadable case folder is reported when the case is written
            }
        }
        return problems;
    }

    private static void ownFiles(OutputDirectory out, List<String> names, SourcePosition top, List<Problem> problems) {
        for (String name : names) {
            try {
                out.resolve(name);
            } catch (OutputPathException e) {
                problems.add(new Problem(top, "", "the run's file " + name + ": " + e.getMessage() + "; valid: a"
                        + " file inside the output folder " + out.root() + " (remove the link, or give --out"
                        + " another folder)"));
            }
        }
    }

    private static void steps(Scenario scenario, OutputDirectory out, List<Problem> problems) {
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
                boolean declared = step.header().keyPositions().containsKey("output");
                problems.add(step.header().problem(declared ? "output" : "id", e.getMessage() + "; valid: an output"
                        + " path whose folders and files stay inside the output folder " + out.root() + (declared ? ""
                                : " (set 'output:' to write this step elsewhere in it)")).problem());
            }
        }
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
