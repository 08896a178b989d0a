package org.fieldscore.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.fieldscore.runner.output.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The output folder is checked before anything is computed, by {@code run} and by {@code validate} alike (for the
 * folder given with {@code --out}): it must be creatable and writable (a probe file is created and removed), not on a
 * read-only file system, every output path must resolve inside it (symbolic links included, reported at the key
 * that declares the path), no other run may hold it, and temporary files a killed run left are removed.
 */
class OutputFolderRefusalsTest {

    private static final String SCENARIO = """
            name: links
            grids:
              map: {shape: [11, 11], lower: [0, 0], upper: [1, 1]}
            steps:
              - id: t
                type: field
                grid: map
                expression: "x*y"
                output: fields/t
              - id: g
                type: gradient
                of: t
            """;

    /** The same steps swept over the grid size: a study whose cases run into cases/case-0001/, …. */
    private static final String STUDY = SCENARIO.replace("name: links\n", "name: links-study\nparameters:\n"
            + "  n: {default: 11, min: 3}\n").replace("shape: [11, 11]", "shape: [n, n]")
            + "study:\n  sweep:\n    n: [5, 9]\n";

    @TempDir
    Path work;

    private Path scenario() throws IOException {
        Path file = work.resolve("links.yaml");
        Files.writeString(file, SCENARIO);
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "validate"})
    void aFolderBelowAFileIsRefusedBeforeComputing(String command) throws IOException {
        Path file = Files.writeString(work.resolve("plain-file"), "x");
        CliHarness.Result r = CliHarness.run(command, scenario().toString(), "--out",
                file.resolve("out").resolve("deeper").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("the folder cannot be created: " + file + " is a file, not a folder"), r.toString());
        assertTrue(r.err().contains("valid: a folder path you can write to, not below a file"), r.toString());
        assertEquals("", r.out(), r.toString());
        assertEquals("x", Files.readString(file), "the file is untouched");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "validate"})
    void aFolderThatIsAFileIsRefused(String command) throws IOException {
        Path file = Files.writeString(work.resolve("plain-file"), "x");
        CliHarness.Result r = CliHarness.run(command, scenario().toString(), "--out", file.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("output path '" + file + "' is refused: it exists and is not a folder"),
                r.toString());
        assertEquals("x", Files.readString(file), "the file is untouched");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "validate"})
    void aFolderWhereNoFileCanBeCreatedIsRefusedByTheProbe(String command) throws IOException {
        // /proc exists and is a folder, but no file can be created in it, even by root
        CliHarness.Result r = CliHarness.run(command, scenario().toString(), "--out", "/proc");
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("the folder is not writable (a probe file could not be created and removed"),
                r.toString());
        assertEquals("", r.out(), r.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "validate"})
    void aMissingFolderBelowAFolderWhereNoFileCanBeCreatedIsRefusedByTheProbe(String command) throws IOException {
        CliHarness.Result r = CliHarness.run(command, scenario().toString(), "--out", "/proc/fieldscore-out");
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("output path '/proc/fieldscore-out' is refused"), r.toString());
        assertFalse(Files.exists(Path.of("/proc/fieldscore-out")));
    }

    @Test
    void validateChecksAMissingFolderWithoutCreatingIt() throws IOException {
        Path out = work.resolve("not-yet").resolve("out");
        CliHarness.Result r = CliHarness.run("validate", scenario().toString(), "--out", out.toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.toString());
        assertTrue(r.out().contains("valid scenario 'links'"), r.toString());
        assertFalse(Files.exists(work.resolve("not-yet")), "validate creates nothing");
        assertEquals(List.of(work.resolve("links.yaml")), list(work), "and leaves no probe file");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "validate"})
    void aDeclaredOutputThroughALinkLeavingTheFolderIsRefusedAtItsOutputKey(String command) throws IOException {
        Path out = Files.createDirectories(work.resolve("out"));
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("fields"), elsewhere);
        CliHarness.Result r = CliHarness.run(command, scenario().toString(), "--out", out.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("links.yaml:9:5: key 'steps[0].output': step 't' (field): output path 'fields/t'"
                + " is refused: it goes through the symbolic link"), r.toString());
        assertTrue(r.err().contains("valid: an output path whose folders and files stay inside the output folder"),
                r.toString());
        assertEquals(List.of(), list(elsewhere), "nothing is written through the link");
        assertFalse(Files.exists(out.resolve("summary.json")), "nothing is computed or written");
    }

    /** The files of a run that a link may point out of the folder: where each is reported, and the advice. */
    static Stream<Arguments> linkedFiles() {
        Stream<Arguments> cases = Stream.of(
                Arguments.of("g.png", "links.yaml:10:5: key 'steps[1].id': step 'g' (gradient): output path 'g.png' is"
                        + " refused", "set 'output:' to write this step elsewhere"),
                Arguments.of("summary.json", "links.yaml:1:1: the run's file summary.json: output path 'summary.json'"
                        + " is refused: it goes through the symbolic link", "remove the link, or give --out another"
                        + " folder"));
        return cases.flatMap(c -> Stream.of("run", "validate").map(command -> Arguments.of(command, c.get()[0],
                c.get()[1], c.get()[2])));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("linkedFiles")
    void aFileThatIsALinkLeavingTheFolderIsRefusedWhereItsNameComesFrom(String command, String name, String where,
            String advice) throws IOException {
        Path out = Files.createDirectories(work.resolve("out"));
        Path target = Files.writeString(work.resolve("precious-" + name), "keep");
        Files.createSymbolicLink(out.resolve(name), target);
        CliHarness.Result r = CliHarness.run(command, scenario().toString(), "--out", out.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains(where), r.toString());
        assertTrue(r.err().contains(advice), r.toString());
        assertEquals("keep", Files.readString(target), "the file outside is untouched");
        assertFalse(Files.exists(out.resolve("report.html")), "nothing is computed or written");
    }


    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "validate"})
    void aStudyCaseFolderWithAStepOutputThroughALinkIsRefusedAtTheStep(String command) throws IOException {
        Path file = Files.writeString(work.resolve("study.yaml"), STUDY);
        Path out = Files.createDirectories(work.resolve("out").resolve("cases").resolve("case-0002"));
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("fields"), elsewhere);
        CliHarness.Result r = CliHarness.run(command, file.toString(), "--out", work.resolve("out").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("study.yaml:11:5: key 'steps[0].output': step 't' (field): output path"
                + " 'fields/t' is refused: it goes through the symbolic link"), r.toString());
        assertTrue(r.err().contains("cases/case-0002"), r.toString());
        assertEquals(List.of(), list(elsewhere));
    }

    @Test
    void temporaryFilesOfAKilledRunAreRemovedByTheNextRun() throws IOException {
        Path out = Files.createDirectories(work.resolve("out").resolve("fields"));
        Path leftover = Files.writeString(out.resolve(".t.vti.1f2e3d.partial"), "half");
        Path top = Files.writeString(out.getParent().resolve(".summary.json.99.partial"), "half");
        CliHarness.Result r = CliHarness.run("run", scenario().toString(), "--out", out.getParent().toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.toString());
        assertFalse(Files.exists(leftover), "leftover in a sub-folder removed");
        assertFalse(Files.exists(top), "leftover at the top removed");
        try (Stream<Path> files = Files.walk(out.getParent())) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".partial")));
        }
        assertTrue(Files.exists(out.getParent().resolve("summary.json")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "validate"})
    void aFolderHeldInThisProcessIsRefused(String command) throws IOException {
        Path out = work.resolve("out");
        try (RunFolder held = RunFolder.open(out)) {
            CliHarness.Result r = CliHarness.run(command, scenario().toString(), "--out", out.toString());
            assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
            assertTrue(r.err().contains("another fieldscore run (pid " + ProcessHandle.current().pid()), r.toString());
            assertTrue(r.err().contains("wait for it to finish, or give --out another folder"), r.toString());
            assertFalse(Files.exists(out.resolve("summary.json")));
        }
        CliHarness.Result after = CliHarness.run(command, scenario().toString(), "--out", out.toString());
        assertEquals(ExitCodes.SUCCESS, after.exitCode(), "the lock is released on close\n" + after);
        try (RunFolder again = RunFolder.open(out)) {
            assertEquals(out.toRealPath(), again.directory().root(), "the command left the lock free");
        }
    }

    @Test
    void aSecondRunIntoAFolderHeldByAnotherProcessIsRefused() throws Exception {
        Path out = work.resolve("out");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldFolder.class.getName(), out.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("held", lines.readLine(), "the other process took the lock");
            CliHarness.Result r = CliHarness.run("run", scenario().toString(), "--out", out.toString());
            assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
            assertTrue(r.err().contains("another fieldscore run (pid " + holder.pid()), r.toString());
            assertFalse(Files.exists(out.resolve("summary.json")));
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        CliHarness.Result after = CliHarness.run("run", scenario().toString(), "--out", out.toString());
        assertEquals(ExitCodes.SUCCESS, after.exitCode(), "the lock ends with the process\n" + after);
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    /** Holds an output folder until its standard input closes. */
    public static final class HoldFolder {
        private HoldFolder() {
        }

        /**
         * @param args the folder
         * @throws IOException when stdin fails
         */
        public static void main(String[] args) throws IOException {
            try (RunFolder held = RunFolder.open(Path.of(args[0]))) {
                System.out.println("held");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the test to close our stdin
                }
            }
        }
    }
}
