package org.fieldscore.runner.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

    @TempDir
    Path temp;

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void writesFilesAndCreatesSubfolders() throws IOException {
        OutputDirectory out = OutputDirectory.create(temp.resolve("run/a"));
        Path file = out.writeText("fields/deep/phi.txt", "φ = 1\n");
        assertEquals("φ = 1\n", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals("fields/deep/phi.txt", out.relativeName(file));
        assertEquals(List.of("fields/deep/phi.txt"), listing(out.root()));
    }

    @Test
    void finishedFilesHaveOrdinaryPermissions() throws IOException {
        OutputDirectory out = OutputDirectory.create(temp);
        Path written = out.writeText("a.txt", "x");
        Path ordinary = Files.createFile(temp.resolve("ordinary.txt"));
        assumeTrue(Files.getFileStore(temp).supportsFileAttributeView("posix"),
                "permissions are compared on POSIX file systems only");
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(written),
                "same permissions as a file created the usual way (process umask)");
    }

    @Test
    void replacesAnExistingFileWhole() throws IOException {
        OutputDirectory out = OutputDirectory.create(temp);
        out.writeText("a.txt", "first version, rather long");
        out.writeText("a.txt", "second");
        assertEquals("second", Files.readString(temp.resolve("a.txt")));
    }

    @Test
    void aWriterThatFailsMidwayLeavesNoTargetAndNoTemporaryFile() throws IOException {
        OutputDirectory out = OutputDirectory.create(temp);
        IOException failure = assertThrows(IOException.class, () -> out.write("table.csv", stream -> {
            stream.write("x,y\n1,2\n".getBytes(StandardCharsets.UTF_8));
            stream.write(new byte[200_000]);
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", failure.getMessage());
        assertEquals(List.of(), listing(temp));
    }

    @Test
    void aFailedRewriteKeepsThePreviousCompleteFile() throws IOException {
        OutputDirectory out = OutputDirectory.create(temp);
        out.writeText("summary.json", "{\"complete\": true}");
        assertThrows(IllegalStateException.class, () -> out.write("summary.json", stream -> {
            stream.write("{\"compl".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("step crashed (simulated)");
        }));
        assertEquals("{\"complete\": true}", Files.readString(temp.resolve("summary.json")));
        assertEquals(List.of("summary.json"), listing(temp));
    }

    @Test
    void anInterruptedWriteLeavesNothing() throws IOException {
        OutputDirectory out = OutputDirectory.create(temp);
        try {
            assertThrows(ClosedByInterruptException.class, () -> out.write("field.vti", stream -> {
                Thread.currentThread().interrupt();
                stream.write(new byte[1 << 20]);
                stream.flush();
            }));
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(), listing(temp));
    }

    @Test
    void leftoverTemporaryFilesAreRemovedOnRequest() throws IOException {
        OutputDirectory out = OutputDirectory.create(temp);
        out.writeText("keep.txt", "kept");
        Files.createDirectories(temp.resolve("sub"));
        Files.writeString(temp.resolve("sub/.phi.vti.123" + AtomicFiles.TEMPORARY_SUFFIX), "half");
        List<Path> deleted = out.removeLeftoverTemporaryFiles();
        assertEquals(1, deleted.size());
        assertEquals(List.of("keep.txt"), listing(temp));
    }

    @Test
    void pathsThatEscapeAreRefusedNamingThePath() throws IOException {
        OutputDirectory out = OutputDirectory.create(temp.resolve("out"));
        for (String bad : new String[] {"../x.txt", "a/../../x.txt", "/etc/passwd", "", "  ", ".", "a/.."}) {
            OutputPathException e = assertThrows(OutputPathException.class, () -> out.writeText(bad, "no"),
                    () -> "'" + bad + "' should be refused");
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
            assertEquals(bad, e.path());
        }
        assertTrue(out.resolve("a/../b.txt").endsWith("b.txt"), "'..' that stays inside is fine");
        assertFalse(Files.exists(temp.resolve("x.txt")));
        assertThrows(OutputPathException.class, () -> out.writeCsv("table.txt", null));
    }

    @Test
    void symbolicLinksPointingOutAreRefused() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        OutputDirectory out = OutputDirectory.create(temp.resolve("out"));
        Files.createSymbolicLink(out.root().resolve("escape"), outside);
        Files.createSymbolicLink(out.root().resolve("file.txt"), outside.resolve("target.txt"));
        Files.createDirectories(out.root().resolve("inner"));
        Files.createSymbolicLink(out.root().resolve("alias"), out.root().resolve("inner"));

        OutputPathException e = assertThrows(OutputPathException.class, () -> out.writeText("escape/x.txt", "no"));
        assertTrue(e.getMessage().contains("symbolic link") && e.getMessage().contains("escape/x.txt"),
                e.getMessage());
        assertThrows(OutputPathException.class, () -> out.writeText("file.txt", "no"));
        assertEquals(List.of(), listing(outside));

        out.writeText("alias/ok.txt", "yes");
        assertEquals("yes", Files.readString(out.root().resolve("inner/ok.txt")));
    }

    @Test
    void subdirectoriesAreConfinedOutputDirectoriesOfTheirOwn() throws IOException {
        OutputDirectory out = OutputDirectory.create(temp);
        OutputDirectory caseDir = out.subdirectory("cases/case-0001");
        caseDir.writeText("result.txt", "1");
        assertEquals(List.of("cases/case-0001/result.txt"), listing(temp));
        assertThrows(OutputPathException.class, () -> caseDir.writeText("../case-0002/x.txt", "no"));
        assertThrows(OutputPathException.class, () -> out.subdirectory("../sibling"));
        out.writeText("taken", "file");
        assertThrows(OutputPathException.class, () -> out.subdirectory("taken"));
    }

    @Test
    void summaryIsReadBackWhenPresent() throws IOException {
        OutputDirectory out = OutputDirectory.create(temp);
        assertTrue(out.readSummary().isEmpty());
        var summary = org.fieldscore.runner.output.summary.SummaryFixture.sample();
        out.writeSummary(summary);
        assertEquals(summary, out.readSummary().orElseThrow());
    }

    @Test
    void timeSeriesWritesSnapshotsAndPvdLast() throws IOException {
        var grid = org.fieldscore.fields.grid.Grid.cube(1, 5, 0, 1);
        var f0 = org.fieldscore.fields.SampledScalarField.constant(grid, 1.0);
        var f1 = org.fieldscore.fields.SampledScalarField.constant(grid, 2.0);
        OutputDirectory out = OutputDirectory.create(temp);
        Path pvd = out.writeTimeSeries("fields/u", "u", new double[] {0.0, 0.5}, List.of(f0, f1));
        assertEquals(List.of("fields/u.pvd", "fields/u/u_0000.vti", "fields/u/u_0001.vti"), listing(temp));
        String text = Files.readString(pvd);
        assertTrue(text.contains("timestep=\"0.5\"") && text.contains("file=\"u/u_0001.vti\""), text);
    }
}
