package org.fieldscore.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of malformed scenarios in {@code src/test/resources/malformed}: each file states in its first lines
 * the error it must produce ({@code # expect-line}, optionally {@code # expect-column}, {@code # expect-key},
 * {@code # expect-message} and any number of {@code # expect-valid} lines naming the valid values the message must
 * list). Every one must give exit code 2, a message naming the file, the line and the key with what would be valid,
 * no stack trace, and no output folder.
 */
class MalformedScenariosTest {

    /** Words with which every message says what would be valid (or what is needed instead). */
    private static final List<String> HINTS = List.of("valid", "Valid", "Did you mean", "must", "expected", "give",
            "may use only", "missing required key", "save the scenario as", "refused");

    @TempDir
    static Path work;

    private static Path corpus;

    @BeforeAll
    static void copyCorpus() throws IOException, URISyntaxException {
        Path source = Path.of(MalformedScenariosTest.class.getResource("/malformed").toURI());
        corpus = work.resolve("malformed");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = corpus.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        // a real file next to the corpus folder, which a scenario must still not read
        Files.writeString(work.resolve("malformed-outside.csv"), "x\n1\n");
    }

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path source = Path.of(MalformedScenariosTest.class.getResource("/malformed").toURI());
        try (Stream<Path> files = Files.list(source)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList()
                    .stream();
        }
    }

    @Test
    void theCorpusHasAtLeastThirtyCases() throws Exception {
        assertTrue(cases().count() >= 30, "corpus size " + cases().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithLocationKeyAndHint(String name) {
        Path file = corpus.resolve(name);
        Expectation expected = Expectation.of(file);
        Path out = work.resolve("out-" + name);
        CliHarness.Result r = CliHarness.run("run", file.toString(), "--out", out.toString());

        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains(name + ":" + expected.line + ":"), "file and line " + expected.line + "\n" + r);
        if (expected.column > 0) {
            assertTrue(r.err().contains(name + ":" + expected.line + ":" + expected.column + ":"),
                    "column " + expected.column + "\n" + r);
        }
        for (String valid : expected.valid) {
            assertTrue(r.err().contains(valid), "lists the valid '" + valid + "'\n" + r);
        }
        if (expected.key != null) {
            assertTrue(r.err().contains("key '" + expected.key + "'"), "key " + expected.key + "\n" + r);
        }
        assertTrue(r.err().contains(expected.message), "message '" + expected.message + "'\n" + r);
        assertTrue(HINTS.stream().anyMatch(r.err()::contains), "says what would be valid\n" + r);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace\n" + r);
        assertFalse(Files.exists(out), "no output folder may be created\n" + r);
        assertEquals("", r.out(), "nothing on stdout");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validateRefusesItToo(String name) {
        CliHarness.Result r = CliHarness.run("validate", corpus.resolve(name).toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
    }

    /** The expectation stated in a case's header comments. */
    private record Expectation(int line, int column, String key, String message, List<String> valid) {
        static Expectation of(Path file) {
            String text;
            try {
                text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int line = -1;
            int column = -1;
            List<String> valid = new java.util.ArrayList<>();
            String key = null;
            String message = null;
            for (String l : text.split("\n")) {
                if (l.startsWith("# expect-line: ")) {
                    line = Integer.parseInt(l.substring(15).strip());
                } else if (l.startsWith("# expect-column: ")) {
                    column = Integer.parseInt(l.substring(17).strip());
                } else if (l.startsWith("# expect-valid: ")) {
                    valid.add(l.substring(16).strip());
                } else if (l.startsWith("# expect-key: ")) {
                    key = l.substring(14).strip();
                } else if (l.startsWith("# expect-message: ")) {
                    message = l.substring(18).strip();
                }
            }
            if (line < 1 || message == null || !text.startsWith("# Expected error: ")) {
                throw new IllegalStateException(file + " lacks its '# Expected error', '# expect-line' or"
                        + " '# expect-message' header");
            }
            return new Expectation(line, column, key, message, valid);
        }
    }
}
