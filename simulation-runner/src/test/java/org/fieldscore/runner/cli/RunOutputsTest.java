package org.fieldscore.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run writes: raw appended VTK that VTK itself reads, a summary with its verdict, nothing half-written. */
class RunOutputsTest {

    /** Reads every .vti with VTK's own reader and prints the first value of each, one line per file. */
    private static final String VTK_READER = """
            import sys, vtk
            for f in sys.argv[1:]:
                r = vtk.vtkXMLImageDataReader(); r.SetFileName(f); r.Update()
                a = r.GetOutput().GetPointData().GetArray(0)
                print(r.GetOutput().GetNumberOfPoints(), repr(a.GetTuple(0)[0]))
            """;

    @TempDir
    Path dir;

    @Test
    void durableRunWritesAppendedVtkAndAVerdictAndLeavesNoTemporaryFile() throws Exception {
        CliHarness.Result r = CliHarness.run("run", CliTest.scenario("tiny"), "--out", dir.toString(), "--durable");
        assertEquals(0, r.exitCode(), r.toString());
        String summary = Files.readString(dir.resolve("summary.json"));
        assertTrue(summary.contains("\"verdict\" : \"pass\""), summary);
        assertTrue(summary.contains("\"type\" : \"field\""), "the scenario's step type word");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.stream().anyMatch(p -> p.getFileName().toString().endsWith(".partial")), files.toString());
        Path vti = dir.resolve("temperature.vti");
        String head = new String(Files.readAllBytes(vti), StandardCharsets.ISO_8859_1);
        assertTrue(head.contains("format=\"appended\"") && head.contains("<AppendedData encoding=\"raw\">"), head);
    }

    /** A real client: Debian's python3-vtk9, when installed, reads the files the run wrote. */
    @Test
    void vtkReadsTheAppendedFiles() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c", "import vtk")
                .start().waitFor() == 0, "python3-vtk9 is not installed");
        assertEquals(0, CliHarness.run("run", CliTest.scenario("tiny"), "--out", dir.toString()).exitCode());
        Path vti = dir.resolve("temperature.vti");
        Process p = new ProcessBuilder(python.toString(), "-c", VTK_READER, vti.toString()).redirectErrorStream(true)
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        String firstCsvValue = Files.readAllLines(dir.resolve("temperature.csv")).get(1).split(",")[2];
        String[] read = out.split(" ");
        assertTrue(Integer.parseInt(read[0]) > 1, out);
        assertEquals(Double.parseDouble(firstCsvValue), Double.parseDouble(read[1]), 0.0, "the same double");
    }
}
