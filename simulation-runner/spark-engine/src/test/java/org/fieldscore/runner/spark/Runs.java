package org.fieldscore.runner.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.fieldscore.runner.cli.FieldScoreCommand;

/** Runs the fieldscore command in this JVM and captures exit code, stdout and stderr. */
final class Runs {

    /**
     * @param exitCode the exit code
     * @param out stdout
     * @param err stderr
     */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Runs() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FieldScoreCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Copies a test scenario into a folder and returns its path. */
    static Path scenario(String name, Path folder) throws IOException {
        Path file = folder.resolve(name + ".yaml");
        try (InputStream in = Objects.requireNonNull(Runs.class.getResourceAsStream(name + ".yaml"), name)) {
            Files.copy(in, file);
        }
        return file;
    }

    /** The fieldscore arguments for a run of a scenario into a folder, quiet, with more arguments. */
    static String[] args(Path scenario, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("run", scenario.toString(), "--out", out.toString(), "--quiet"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }
}
