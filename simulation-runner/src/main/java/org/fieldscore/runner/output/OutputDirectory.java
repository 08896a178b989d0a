package org.fieldscore.runner.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.output.plot.Figure;
import org.fieldscore.runner.output.report.HtmlReport;
import org.fieldscore.runner.output.slice.FieldSlices;
import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.output.summary.SummaryJson;
import org.fieldscore.runner.output.table.CsvTable;
import org.fieldscore.runner.output.vtk.PvdCollection;
import org.fieldscore.runner.output.vtk.VtkImageData;

/**
 * The output folder of one run and the only way the runner writes files into it.
 *
 * <p>Every file is written {@linkplain AtomicFiles atomically}: to a temporary file in the same folder that is
 * renamed onto the target once complete, so an interrupted or failed run leaves no file that looks complete.
 * Every path is given relative to the folder and confined to it: absolute paths, paths whose {@code ..} segments
 * climb out, and paths through symbolic links that point outside are refused with an {@link OutputPathException}
 * naming the path. Missing sub-folders are created.
 *
 * <p>Typical use by an executor: {@code OutputDirectory out = OutputDirectory.create(dir);
 * out.writePng("phi.png", MapPlot.titled("φ").heatmap(phi, "φ [V]").figure()); out.writeVti("phi.vti", "phi", phi);
 * … out.writeSummary(summary); out.writeReport(report);}. The methods are safe to call from several threads for
 * different files.
 *
 * <p>Durability is a choice of the caller ({@link Durability}): by default files are renamed into place without
 * forcing them to the device, which protects against a killed or failing run but not against a power loss; with
 * {@link Durability#DURABLE} every file is forced before its rename and {@link #sync()} forces the folders' entries
 * at the end, so a finished run survives a power loss too.
 */
public final class OutputDirectory {

    /** File name of the run summary. */
    public static final String SUMMARY_FILE = "summary.json";
    /** File name of the HTML report. */
    public static final String REPORT_FILE = "report.html";

    /** Whether files are forced to the device. */
    public enum Durability {
        /** Atomic renames only: safe against a killed run, not against a power loss (the default). */
        ATOMIC,
        /** Atomic renames of files forced to the device, and folders forced by {@link #sync()}. */
        DURABLE
    }

    private final Path root;
    private final Durability durability;
    private final java.util.Set<Path> touchedFolders = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private OutputDirectory(Path root, Durability durability) {
        this.root = root;
        this.durability = durability;
    }

    /**
     * Opens a run's output folder, creating it (and its parents) when missing.
     *
     * @param folder the output folder
     * @return the output directory rooted at the folder's real path, with {@link Durability#ATOMIC} writes
     * @throws IOException when the folder cannot be created or is not a directory
     */
    public static OutputDirectory create(Path folder) throws IOException {
        return create(folder, Durability.ATOMIC);
    }

    /**
     * Opens a run's output folder, creating it (and its parents) when missing.
     *
     * @param folder the output folder
     * @param durability whether files are forced to the device
     * @return the output directory rooted at the folder's real path
     * @throws IOException when the folder cannot be created or is not a directory
     */
    public static OutputDirectory create(Path folder, Durability durability) throws IOException {
        Objects.requireNonNull(folder, "folder");
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException("output folder " + folder + " exists and is not a directory");
        }
        Files.createDirectories(folder);
        return new OutputDirectory(folder.toRealPath(), Objects.requireNonNull(durability, "durability"));
    }

    /** @return whether files are forced to the device */
    public Durability durability() {
        return durability;
    }

    /**
     * With {@link Durability#DURABLE}, forces the entries of every folder this directory wrote into to the device
     * (so the renames survive a power loss); nothing otherwise.
     *
     * @throws IOException when forcing fails
     */
    public void sync() throws IOException {
        if (durability == Durability.DURABLE) {
            for (Path folder : touchedFolders) {
                AtomicFiles.forceDirectory(folder);
            }
        }
    }

    /** @return the real, absolute path of the output folder */
    public Path root() {
        return root;
    }

    /**
     * Resolves a path inside the output folder without creating anything.
     *
     * @param relative a relative path with '/' separators, e.g. {@code "fields/phi.vti"}
     * @return the absolute path inside the folder
     * @throws OutputPathException when the path is empty, absolute, climbs out with {@code ..}, names the folder
     *     itself, or goes through a symbolic link that points outside the folder
     */
    public Path resolve(String relative) {
        if (relative == null || relative.isBlank()) {
            throw new OutputPathException(String.valueOf(relative), "an output path must be a non-empty file name "
                    + "relative to the output folder " + root);
        }
        Path given;
        try {
            given = root.getFileSystem().getPath(relative);
        } catch (InvalidPathException e) {
            throw new OutputPathException(relative, "it is not a valid file name (" + e.getReason() + ")");
        }
        if (given.isAbsolute() || given.getRoot() != null) {
            throw new OutputPathException(relative, "absolute paths are not allowed; give a path relative to the "
                    + "output folder " + root);
        }
        Path target = root.resolve(given).normalize();
        if (!target.startsWith(root)) {
            throw new OutputPathException(relative, "it climbs out of the output folder " + root
                    + " with '..'; give a path inside it");
        }
        if (target.equals(root)) {
            throw new OutputPathException(relative, "it names the output folder itself, not a file inside it");
        }
        requireNoLinkOutside(relative, target);
        return target;
    }

    /**
     * Opens a sub-folder as an output directory of its own (e.g. one per sweep case), creating it when missing.
     * Paths given to the result are confined to the sub-folder.
     *
     * @param relative path of the sub-folder relative to this folder
     * @return the output directory of the sub-folder
     * @throws IOException when the folder cannot be created
     * @throws OutputPathException when the path leaves this folder
     */
    public OutputDirectory subdirectory(String relative) throws IOException {
        Path folder = resolve(relative);
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder)) {
            throw new OutputPathException(relative, "a file of that name exists; a sub-folder needs another name");
        }
        Files.createDirectories(folder);
        Path real = folder.toRealPath();
        if (!real.startsWith(root)) {
            throw new OutputPathException(relative, "it resolves outside the output folder " + root + ", to " + real);
        }
        return new OutputDirectory(real, durability);
    }

    /**
     * Reads back this folder's {@value #SUMMARY_FILE}, e.g. to skip a sweep case that finished in an earlier,
     * interrupted run. Because summaries are written atomically, a summary that exists is complete.
     *
     * @return the summary, or empty when the folder has none
     * @throws IOException when the file exists but cannot be read or parsed
     */
    public Optional<RunSummary> readSummary() throws IOException {
        Path file = root.resolve(SUMMARY_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(SummaryJson.read(in));
        }
    }

    /** @return the path of a file inside the folder relative to it, with '/' separators (for summaries) */
    public String relativeName(Path file) {
        Path relative = root.relativize(file.toAbsolutePath().normalize());
        return relative.toString().replace(root.getFileSystem().getSeparator(), "/");
    }

    /**
     * Writes a file atomically (see the class comment).
     *
     * @param relative path relative to the output folder
     * @param content writes the content
     * @return the written file
     * @throws IOException when writing fails; the target is then unchanged and no temporary file is left
     * @throws OutputPathException when the path leaves the folder
     */
    public Path write(String relative, ContentWriter content) throws IOException {
        Path target = resolve(relative);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        if (!parent.toRealPath().startsWith(root)) {
            throw new OutputPathException(relative, "its folder " + parent + " resolves outside the output folder "
                    + root);
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputPathException(relative, "a folder of that name exists; choose another file name");
        }
        AtomicFiles.write(target, content, durability == Durability.DURABLE);
        touchedFolders.add(parent);
        return target;
    }

    /**
     * @param relative path relative to the output folder
     * @param text the text, written as UTF-8
     * @return the written file
     * @throws IOException when writing fails
     */
    public Path writeText(String relative, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return write(relative, out -> out.write(bytes));
    }

    /**
     * Writes {@value #SUMMARY_FILE}.
     *
     * @param summary the run summary
     * @return the written file
     * @throws IOException when writing fails
     */
    public Path writeSummary(RunSummary summary) throws IOException {
        return write(SUMMARY_FILE, out -> SummaryJson.write(summary, out));
    }

    /**
     * Writes {@value #REPORT_FILE}.
     *
     * @param report the report
     * @return the written file
     * @throws IOException when writing fails
     */
    public Path writeReport(HtmlReport report) throws IOException {
        return write(REPORT_FILE, report::writeTo);
    }

    /**
     * @param relative path relative to the output folder, ending in {@code .csv}
     * @param table the table
     * @return the written file
     * @throws IOException when writing fails
     */
    public Path writeCsv(String relative, CsvTable table) throws IOException {
        return write(requireExtension(relative, ".csv"), table::writeTo);
    }

    /**
     * @param relative path relative to the output folder, ending in {@code .png}
     * @param figure the chart to render
     * @return the written file
     * @throws IOException when writing fails
     */
    public Path writePng(String relative, Figure figure) throws IOException {
        return write(requireExtension(relative, ".png"), figure::writePng);
    }

    /**
     * @param relative path relative to the output folder, ending in {@code .vti}
     * @param image the image data
     * @return the written file
     * @throws IOException when writing fails
     */
    public Path writeVti(String relative, VtkImageData image) throws IOException {
        return write(requireExtension(relative, ".vti"), image::writeTo);
    }

    /**
     * @param relative path relative to the output folder, ending in {@code .vti}
     * @param name the array name shown in ParaView
     * @param field a field on a space grid
     * @return the written file
     * @throws IOException when writing fails
     */
    public Path writeVti(String relative, String name, SampledScalarField field) throws IOException {
        return writeVti(relative, VtkImageData.on(field.grid()).scalars(name, field));
    }

    /**
     * @param relative path relative to the output folder, ending in {@code .vti}
     * @param name the array name shown in ParaView
     * @param field a vector field on a space grid
     * @return the written file
     * @throws IOException when writing fails
     */
    public Path writeVti(String relative, String name, SampledVectorField field) throws IOException {
        return writeVti(relative, VtkImageData.on(field.grid()).vectors(name, field));
    }

    /**
     * @param relative path relative to the output folder, ending in {@code .pvd}
     * @param collection the collection (its file names are relative to the .pvd file's folder)
     * @return the written file
     * @throws IOException when writing fails
     */
    public Path writePvd(String relative, PvdCollection collection) throws IOException {
        return write(requireExtension(relative, ".pvd"), collection::writeTo);
    }

    /**
     * Writes snapshots of a field as a ParaView time series: {@code stem/name_0000.vti}, … and, last,
     * {@code stem.pvd} listing them with their times (so an interrupted series has no .pvd).
     *
     * @param stem path of the series without extension, relative to the output folder, e.g. {@code "fields/u"}
     * @param name the array name shown in ParaView
     * @param times the snapshot times, increasing
     * @param snapshots the fields at those times, on one space grid
     * @return the written .pvd file
     * @throws IOException when writing fails
     */
    public Path writeTimeSeries(String stem, String name, double[] times, List<SampledScalarField> snapshots)
            throws IOException {
        requireSeries(times, snapshots.size());
        for (SampledScalarField f : snapshots) {
            snapshots.get(0).grid().requireSame(f.grid());
        }
        return writeSeries(stem, times, n -> VtkImageData.on(snapshots.get(n).grid()).scalars(name, snapshots.get(n)));
    }

    /**
     * Writes snapshots of a vector field as a ParaView time series (layout as
     * {@link #writeTimeSeries(String, String, double[], List)}).
     *
     * @param stem path of the series without extension
     * @param name the array name shown in ParaView
     * @param times the snapshot times, increasing
     * @param snapshots the vector fields at those times, on one space grid
     * @return the written .pvd file
     * @throws IOException when writing fails
     */
    public Path writeVectorTimeSeries(String stem, String name, double[] times, List<SampledVectorField> snapshots)
            throws IOException {
        requireSeries(times, snapshots.size());
        for (SampledVectorField f : snapshots) {
            snapshots.get(0).grid().requireSame(f.grid());
        }
        return writeSeries(stem, times, n -> VtkImageData.on(snapshots.get(n).grid()).vectors(name, snapshots.get(n)));
    }

    /**
     * Writes a field on a space-time grid as a ParaView time series, one .vti per time sample (see
     * {@link #writeTimeSeries(String, String, double[], List)}).
     *
     * @param stem path of the series without extension
     * @param name the array name
     * @param spaceTimeField a field on a space-time grid
     * @return the written .pvd file
     * @throws IOException when writing fails
     */
    public Path writeTimeSeries(String stem, String name, SampledScalarField spaceTimeField) throws IOException {
        double[] times = sampleTimes(spaceTimeField.grid());
        return writeSeries(stem, times,
                n -> VtkImageData.on(spaceTimeField.grid().space()).scalars(name,
                        FieldSlices.atTimeIndex(spaceTimeField, n)));
    }

    /**
     * Writes a vector field on a space-time grid as a ParaView time series, one .vti per time sample.
     *
     * @param stem path of the series without extension
     * @param name the array name
     * @param spaceTimeField a vector field on a space-time grid
     * @return the written .pvd file
     * @throws IOException when writing fails
     */
    public Path writeTimeSeries(String stem, String name, SampledVectorField spaceTimeField) throws IOException {
        double[] times = sampleTimes(spaceTimeField.grid());
        return writeSeries(stem, times,
                n -> VtkImageData.on(spaceTimeField.grid().space()).vectors(name,
                        FieldSlices.atTimeIndex(spaceTimeField, n)));
    }

    /** Writes one image per time (built on demand, so one snapshot's copy is alive at a time), then the .pvd. */
    private Path writeSeries(String stem, double[] times, IntFunction<VtkImageData> image) throws IOException {
        String base = resolve(stem).getFileName().toString();
        PvdCollection collection = new PvdCollection();
        for (int n = 0; n < times.length; n++) {
            collection.add(times[n], base + "/" + snapshotName(base, n));
        }
        for (int n = 0; n < times.length; n++) {
            writeVti(stem + "/" + snapshotName(base, n), image.apply(n));
        }
        return writePvd(stem + ".pvd", collection);
    }

    private static String snapshotName(String base, int n) {
        return String.format(Locale.ROOT, "%s_%04d.vti", base, n);
    }

    private static void requireSeries(double[] times, int snapshots) {
        if (times.length != snapshots || times.length == 0) {
            throw new IllegalArgumentException("a time series needs one time per snapshot and at least one, got "
                    + times.length + " times and " + snapshots + " snapshots");
        }
    }

    private static double[] sampleTimes(Grid grid) {
        if (!grid.hasTime()) {
            throw new IllegalArgumentException("a time series needs a field on a space-time grid, got " + grid);
        }
        double[] times = new double[grid.timeAxis().count()];
        for (int n = 0; n < times.length; n++) {
            times[n] = grid.timeAxis().time(n);
        }
        return times;
    }

    /**
     * Deletes temporary files a killed JVM left behind (names ending in {@value AtomicFiles#TEMPORARY_SUFFIX}),
     * e.g. before a rerun into the same folder.
     *
     * @return the deleted files
     * @throws IOException when the folder cannot be walked or a file cannot be deleted
     */
    public List<Path> removeLeftoverTemporaryFiles() throws IOException {
        List<Path> deleted = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String fileName = p.getFileName().toString();
                if (fileName.startsWith(".") && fileName.endsWith(AtomicFiles.TEMPORARY_SUFFIX)
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(p);
                    deleted.add(p);
                }
            }
        }
        return deleted;
    }

    private void requireNoLinkOutside(String relative, Path target) {
        Path current = root;
        for (Path part : root.relativize(target)) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                Path real;
                try {
                    real = current.toRealPath();
                } catch (IOException e) {
                    throw new OutputPathException(relative, "it goes through the symbolic link " + current
                            + " whose target does not exist");
                }
                if (!real.startsWith(root)) {
                    throw new OutputPathException(relative, "it goes through the symbolic link " + current
                            + " which points outside the output folder, to " + real);
                }
                current = real;
            } else if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
        }
    }

    private static String requireExtension(String relative, String extension) {
        if (relative == null || !relative.toLowerCase(Locale.ROOT).endsWith(extension)) {
            throw new OutputPathException(String.valueOf(relative), "this file must end in '" + extension + "'");
        }
        return relative;
    }
}
