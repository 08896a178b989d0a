package org.fieldscore.runner.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the fieldscore command in-process and captures its exit code, stdout and stderr. */
final class CliHarness {

    /**
     * @param exitCode the exit code
     * @param out what went to stdout
     * @param err what went to stderr
     */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private CliHarness() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FieldScoreCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
