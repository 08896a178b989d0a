package org.fieldscore.runner.cli;

import java.nio.file.Path;

import org.fieldscore.runner.scenario.Scenario;

import picocli.CommandLine.Option;

/** {@code --out DIR}: the output folder of a run, shared by {@code run} and {@code validate}. */
final class OutputFolderOption {

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<scenario-name>).")
    Path folder;

    /**
     * @param scenario the checked scenario
     * @return the folder given with {@code --out}, or {@code out/<scenario-name>} under the current folder
     */
    Path folderFor(Scenario scenario) {
        return folder != null ? folder : Path.of("out", scenario.name());
    }
}
