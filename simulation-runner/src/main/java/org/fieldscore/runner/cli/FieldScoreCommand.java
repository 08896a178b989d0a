package org.fieldscore.runner.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fieldscore} command line: {@code run}, {@code validate}, {@code describe} and {@code examples}.
 *
 * <p>Exit codes ({@link ExitCodes}): 0 success, 1 a comparison failed its tolerance, 2 invalid input, 3 runtime
 * failure. Results and output paths go to stdout; logs, progress and errors to stderr.
 */
@Command(name = "fieldscore", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {RunCommand.class, ValidateCommand.class, DescribeCommand.class, ExamplesCommand.class},
        description = {"FieldScore: physical fields and statistical scores as one kind of object.",
            "Runs declared scenarios that use both halves side by side and compares them."},
        footer = {"", "Examples:", "  fieldscore run tour", "  fieldscore validate my.yaml",
            "  fieldscore run my.yaml --set n=129 --out results/fine"})
public final class FieldScoreCommand implements java.util.concurrent.Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: give a command: run, validate, describe or examples");
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        return ExitCodes.INVALID_INPUT;
    }

    /**
     * @param out where results go (stdout)
     * @param err where errors and usage go (stderr)
     * @return a configured command line
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new FieldScoreCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            // a value FieldScore converts itself carries its own message; picocli's prefix would repeat the option
            String message = e.getCause() instanceof CommandLine.TypeConversionException t ? t.getMessage()
                    : e.getMessage();
            failed.getErr().println("error: " + message);
            failed.getErr().println("fieldscore: see '" + failed.getCommandSpec().qualifiedName() + " --help'; nothing"
                    + " was run.");
            failed.getErr().flush();
            return ExitCodes.INVALID_INPUT;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e);
            e.printStackTrace(commandLine.getErr());
            commandLine.getErr().flush();
            return ExitCodes.RUNTIME_FAILURE;
        });
        return cl;
    }

    /**
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(commandLine(out, err).execute(args));
    }
}
