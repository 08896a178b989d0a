package org.fieldscore.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.fieldscore.runner.output.OutputDirectory;
import org.fieldscore.runner.output.OutputPathException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fieldscore examples}: lists the bundled scenarios, or exports them as files to start from. */
@Command(name = "examples", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List the bundled scenarios (run one with 'fieldscore run NAME'),",
            "or export them as .yaml files to edit with --export DIR."})
final class ExamplesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = "--export", paramLabel = "DIR", description = "Write every bundled scenario into DIR as NAME.yaml.")
    Path exportFolder;

    @Override
    public Integer call() {
        logging.apply();
        PrintWriter out = spec.commandLine().getOut();
        if (exportFolder == null) {
            for (String name : BundledScenarios.names()) {
                out.printf("%-24s %s%n", name, firstLine(descriptionOf(BundledScenarios.text(name))));
            }
            out.flush();
            return ExitCodes.SUCCESS;
        }
        try {
            OutputDirectory dir = OutputDirectory.create(exportFolder);
            for (String name : BundledScenarios.names()) {
                out.println(dir.writeText(name + ".yaml", BundledScenarios.text(name)));
            }
        } catch (IOException | OutputPathException e) {
            spec.commandLine().getErr().println("error: cannot export to " + exportFolder + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.RUNTIME_FAILURE;
        }
        out.flush();
        return ExitCodes.SUCCESS;
    }

    /** The text after the first top-level {@code description:} key, up to the end of its line or block. */
    private static String descriptionOf(String yaml) {
        for (String line : yaml.split("\n")) {
            if (line.startsWith("description:")) {
                String rest = line.substring("description:".length()).strip();
                if (rest.startsWith(">") || rest.startsWith("|")) {
                    int at = yaml.indexOf(line) + line.length() + 1;
                    return yaml.substring(at).strip();
                }
                return rest.replaceAll("^[\"']|[\"']$", "");
            }
        }
        return "";
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
