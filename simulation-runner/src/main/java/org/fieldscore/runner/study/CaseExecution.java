package org.fieldscore.runner.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.runner.exec.RunOutputWriter;
import org.fieldscore.runner.exec.ScenarioExecutor;
import org.fieldscore.runner.input.InvalidScenarioException;
import org.fieldscore.runner.output.OutputDirectory;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.step.StepFailedException;

/**
 * Runs one case where an engine placed it (an executor of a cluster): the case's scenario is read and run into a
 * temporary folder exactly as the local engine runs it into {@code cases/<id>/}, and the folder's files come back
 * as a {@link CaseResult}; the temporary folder is deleted. A step that fails, an invalid case or outputs over
 * {@link CaseResult#MAX_BYTES} give a failed result; only an I/O failure of the machine is thrown (the engine may
 * then run the case elsewhere).
 */
public final class CaseExecution {

    private CaseExecution() {
    }

    /**
     * @param c the case
     * @return its files, or its failure
     * @throws UncheckedIOException when the temporary folder cannot be written or read
     */
    public static CaseResult run(StudyCase c) {
        try {
            Path folder = Files.createTempDirectory("fieldscore-" + c.id() + "-");
            try {
                return runInto(c, folder);
            } finally {
                deleteTree(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("case " + c.id() + " could not use a temporary folder: " + e.getMessage(),
                    e);
        }
    }

    private static CaseResult runInto(StudyCase c, Path folder) throws IOException {
        Instant started = Instant.now();
        Scenario scenario;
        try {
            scenario = c.scenario().read();
        } catch (InvalidScenarioException e) {
            return CaseResult.failed(c.id(), "invalid case: " + e.getMessage());
        }
        try {
            RunOutputWriter.write(scenario, ScenarioExecutor.run(scenario, ProgressListener.NONE),
                    OutputDirectory.create(folder), started);
        } catch (StepFailedException e) {
            return CaseResult.failed(c.id(), e.getMessage());
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        for (Path file : files(folder)) {
            long size = Files.size(file);
            total += size;
            if (total > CaseResult.MAX_BYTES) {
                return CaseResult.failed(c.id(), "its outputs exceed " + (CaseResult.MAX_BYTES >> 20)
                        + " MiB, the most a case sends back from an executor; turn off some outputs (plots, vtk,"
                        + " csv) or run the study with --engine local");
            }
            String name = folder.relativize(file).toString().replace(folder.getFileSystem().getSeparator(), "/");
            files.put(name, Files.readAllBytes(file));
        }
        return new CaseResult(c.id(), files, null);
    }

    /**
     * Writes a case's files into its folder, {@value OutputDirectory#SUMMARY_FILE} last, each atomically, so the
     * folder counts as finished (and is skipped when the study resumes) only once every file is in place.
     *
     * @param result a successful case's result
     * @param folder the case's folder
     * @throws IOException when a file cannot be written
     */
    public static void writeInto(CaseResult result, OutputDirectory folder) throws IOException {
        byte[] summary = null;
        for (Map.Entry<String, byte[]> e : result.files().entrySet()) {
            if (e.getKey().equals(OutputDirectory.SUMMARY_FILE)) {
                summary = e.getValue();
            } else {
                byte[] bytes = e.getValue();
                folder.write(e.getKey(), out -> out.write(bytes));
            }
        }
        if (summary == null) {
            throw new IOException("case " + result.id() + " came back without its " + OutputDirectory.SUMMARY_FILE);
        }
        byte[] last = summary;
        folder.write(OutputDirectory.SUMMARY_FILE, out -> out.write(last));
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
