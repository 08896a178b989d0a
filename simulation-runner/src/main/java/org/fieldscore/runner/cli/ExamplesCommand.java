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
        description = {"List or export the bundled scenarios.",
            "Run one with 'fieldscore run NAME'; --export DIR writes them as .yaml files to start from."})
final class ExamplesCommand implements Callable<Integer> {

    /** Width of a listed line, in characters; longer descriptions continue on indented lines. */
    private static final int LINE_WIDTH = 110;

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
                out.println(wrapped(String.format("%-24s ", name), descriptionOf(BundledScenarios.text(name))));
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

    /**
     * The first sentence of the top-level {@code description:} (a plain value or a folded block), for the list.
     */
    private static String descriptionOf(String yaml) {
        String[] lines = yaml.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("description:")) {
                continue;
            }
            StringBuilder text = new StringBuilder(lines[i].substring("description:".length()).strip());
            if (text.toString().startsWith(">") || text.toString().startsWith("|")) {
                text.setLength(0);
                for (int j = i + 1; j < lines.length && (lines[j].startsWith(" ") || lines[j].isEmpty()); j++) {
                    text.append(' ').append(lines[j].strip());
                }
            }
            return firstSentence(text.toString().strip().replaceAll("^[\"']|[\"']$", ""));
        }
        return "";
    }

    /** The first sentence of a description, whole (descriptions are never cut). */
    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    /** The text after a label, wrapped at word boundaries to {@link #LINE_WIDTH} with continuation lines indented. */
    private static String wrapped(String label, String text) {
        StringBuilder out = new StringBuilder(label);
        int column = label.length();
        for (String word : text.split(" ")) {
            if (column > label.length() && column + 1 + word.length() > LINE_WIDTH) {
                out.append(System.lineSeparator()).append(" ".repeat(label.length()));
                column = label.length();
            } else if (column > label.length()) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }
}
