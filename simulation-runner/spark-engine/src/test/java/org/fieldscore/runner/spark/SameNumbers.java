package org.fieldscore.runner.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Asserts that two runs of a study computed the same numbers: study.csv byte for byte (but for the status column
 * of resumed cases), and every summary.json — the study's and each case's — equal once the start time, the
 * machine and the wall times are removed. The same files exist in both.
 */
final class SameNumbers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SameNumbers() {
    }

    static void assertSameStudy(Path expected, Path actual) throws IOException {
        assertEquals(Files.readString(expected.resolve("study.csv")), Files.readString(actual.resolve("study.csv")),
                "study.csv");
        assertSameSummary(expected.resolve("summary.json"), actual.resolve("summary.json"));
        List<String> expectedFiles = files(expected);
        assertEquals(expectedFiles, files(actual), "the same files");
        List<String> summaries = expectedFiles.stream().filter(f -> f.startsWith("cases/")
                && f.endsWith("/summary.json")).toList();
        assertFalse(summaries.isEmpty(), "case summaries");
        for (String s : summaries) {
            assertSameSummary(expected.resolve(s), actual.resolve(s));
        }
    }

    static void assertSameSummary(Path expected, Path actual) throws IOException {
        JsonNode a = numbersOf(expected);
        JsonNode b = numbersOf(actual);
        assertTrue(a.get("steps").size() + a.get("comparisons").size() > 0, "a summary with results: " + expected);
        assertEquals(a, b, "every number of " + actual + " equals that of " + expected);
    }

    private static JsonNode numbersOf(Path summary) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(summary.toFile());
        tree.remove(List.of("timestamp", "machine"));
        for (JsonNode step : tree.get("steps")) {
            ((ObjectNode) step).remove("timings");
        }
        return tree;
    }

    /** Relative paths of the files, without report.html (which shows wall times). */
    static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.endsWith("report.html")).sorted().toList();
        }
    }
}
