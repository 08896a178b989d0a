package org.fieldscore.runner.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.fieldscore.fields.Parallelism;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.progress.ItemCounter;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.runner.output.OutputDirectory;
import org.fieldscore.runner.output.plot.FieldPlots;
import org.fieldscore.runner.output.plot.Figure;
import org.fieldscore.runner.output.plot.LinePlot;
import org.fieldscore.runner.output.plot.MapPlot;
import org.fieldscore.runner.output.report.HtmlReport;
import org.fieldscore.runner.output.summary.ComparisonResult;
import org.fieldscore.runner.output.summary.MachineInfo;
import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.output.summary.StepResult;
import org.fieldscore.runner.output.table.CsvTable;
import org.fieldscore.runner.scenario.OutputOptions;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.step.MixingCheck;
import org.fieldscore.runner.step.Plan;
import org.fieldscore.runner.step.StepValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's files into its output folder: per step a CSV table, a PNG plot and VTK image data (as the
 * scenario's output options allow), then summary.json and report.html. Every file is written atomically through
 * {@link OutputDirectory}.
 */
public final class RunOutputWriter {

    /**
     * Fields with more points (and samples with more coordinates) than this get no CSV table: the .vti file holds
     * fields in full (8 bytes a value in raw binary, where a CSV cell takes about 20 characters and formatting it is
     * the costliest part of writing), and summary.json the samples' statistics. 32 768 keeps the tables of 2-D maps
     * up to 181² points and of 3-D boxes up to 32³.
     */
    public static final int MAX_CSV_POINTS = 32_768;
    private static final String[] AXES = {"x", "y", "z"};
    private static final Logger LOG = LoggerFactory.getLogger(RunOutputWriter.class);

    /** One output file: its name and how it is written; run on any thread. */
    @FunctionalInterface
    private interface FileJob {
        Path write() throws IOException;
    }

    /** A picture rendered by a job, kept for the report in step order. */
    private static final class RenderedFigure {
        final String stepId;
        final String caption;
        volatile byte[] png;

        RenderedFigure(String stepId, String caption) {
            this.stepId = stepId;
            this.caption = caption;
        }
    }

    private final Scenario scenario;
    private final OutputDirectory out;
    private final List<RenderedFigure> figures = new ArrayList<>();

    private RunOutputWriter(Scenario scenario, OutputDirectory out) {
        this.scenario = scenario;
        this.out = out;
    }

    /**
     * @param scenario the scenario that ran
     * @param results its step results
     * @param out the output folder
     * @param started when the run started
     * @return the summary written to summary.json
     * @throws IOException when a file cannot be written
     */
    public static RunSummary write(Scenario scenario, List<org.fieldscore.runner.step.StepResult> results,
            OutputDirectory out, Instant started) throws IOException {
        return write(scenario, results, out, started, ProgressListener.NONE);
    }

    /**
     * Writes every file: the steps' tables, plots and VTK files in parallel (plots are rendered on the threads the
     * parallel loops use), then report.html, then summary.json last; with
     * {@link OutputDirectory.Durability#DURABLE} the folders are forced to the device at the end.
     *
     * @param scenario the scenario that ran
     * @param results its step results
     * @param out the output folder
     * @param started when the run started
     * @param progress receives "writing N files" and one unit per file written
     * @return the summary written to summary.json
     * @throws IOException when a file cannot be written
     */
    public static RunSummary write(Scenario scenario, List<org.fieldscore.runner.step.StepResult> results,
            OutputDirectory out, Instant started, ProgressListener progress) throws IOException {
        return new RunOutputWriter(scenario, out).writeAll(results, started, progress);
    }

    private RunSummary writeAll(List<org.fieldscore.runner.step.StepResult> results, Instant started,
            ProgressListener progress) throws IOException {
        long begin = System.nanoTime();
        java.time.Duration cpuBefore = processCpu();
        List<List<FileJob>> jobs = new ArrayList<>();
        int count = 0;
        for (org.fieldscore.runner.step.StepResult r : results) {
            OutputOptions.StepOutput options = scenario.output().step(r.id());
            List<FileJob> stepJobs = options.save() ? jobs(r, options) : List.of();
            jobs.add(stepJobs);
            count += stepJobs.size();
        }
        boolean report = scenario.output().report();
        int total = count + (report ? 2 : 1);
        LOG.info("writing {} files into {}", total, out.root());
        progress.started("writing " + total + " files", total);
        ItemCounter written = new ItemCounter(progress, total);
        try {
            List<List<String>> files = runAll(jobs, written);
            List<StepResult> steps = new ArrayList<>();
            List<ComparisonResult> comparisons = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                org.fieldscore.runner.step.StepResult r = results.get(i);
                steps.add(summaryOf(r, files.get(i)));
                if (r.verdict() != null) {
                    comparisons.add(ComparisonResult.judge(r.id(), r.verdict().metric(), r.verdict().value(),
                            r.verdict().tolerance()));
                }
            }
            RunSummary summary = new RunSummary(scenario.name(), scenario.resolved(), scenario.seed(),
                    Version.get(), started.truncatedTo(ChronoUnit.SECONDS).toString(), MachineInfo.current(), steps,
                    comparisons);
            if (report) {
                HtmlReport html = HtmlReport.of(summary).scenarioText(scenario.source().text());
                SideBySide.of(scenario, results).ifPresent(html::sideBySide);
                for (RenderedFigure f : figures) {
                    html.png(f.stepId, f.caption, f.png);
                }
                out.writeReport(html);
                written.finishedOne();
            }
            out.writeSummary(summary);
            written.finishedOne();
            out.sync();
            java.time.Duration cpu = processCpu().minus(cpuBefore);
            LOG.info("wrote {} files in {} s (process CPU {} s){}", total, String.format(java.util.Locale.ROOT,
                    "%.2f", (System.nanoTime() - begin) / 1e9), String.format(java.util.Locale.ROOT, "%.2f",
                    cpu.toNanos() / 1e9), out.durability() == OutputDirectory.Durability.DURABLE
                    ? ", forced to the device" : "");
            return summary;
        } finally {
            progress.finished();
        }
    }

    /** @return the CPU time this process has used so far (zero where the platform does not tell) */
    private static java.time.Duration processCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    private StepResult summaryOf(org.fieldscore.runner.step.StepResult r, List<String> files) {
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("wall", r.elapsedNanos() / 1e9);
        String value;
        String units = "";
        StepValue v = r.value();
        if (v instanceof StepValue.Scalar s) {
            value = "scalar field";
            units = s.units();
        } else if (v instanceof StepValue.Vector vf) {
            value = "vector field";
            units = vf.units();
        } else if (v instanceof StepValue.TimeSeries ts) {
            value = "time series";
            units = ts.units();
        } else if (v instanceof StepValue.Samples) {
            value = "samples";
        } else if (v instanceof StepValue.Model) {
            value = "model";
        } else if (v instanceof StepValue.Picture) {
            value = "picture";
        } else {
            value = "";
        }
        Plan plan = scenario.plans().get(r.id());
        List<String> warnings = MixingCheck.warning(r.metrics()).map(List::of).orElse(List.of());
        return new StepResult(r.id(), r.type(), value, units, StepEquations.of(r.type()),
                plan == null ? "" : plan.summary(), r.metrics(), timings, files, warnings);
    }

    /**
     * Runs every job as one parallel loop (on the threads the run's parallel loops use, so {@code --threads} holds);
     * names come back per step in job order, whichever thread wrote them.
     */
    private List<List<String>> runAll(List<List<FileJob>> jobs, ItemCounter written) throws IOException {
        List<FileJob> flat = new ArrayList<>();
        jobs.forEach(flat::addAll);
        Path[] paths = new Path[flat.size()];
        try {
            Parallelism.forRange(0, flat.size(), 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    long begin = System.nanoTime();
                    try {
                        paths[i] = flat.get(i).write();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    written.finishedOne();
                    LOG.debug("wrote {} in {} ms", name(paths[i]), (System.nanoTime() - begin) / 1_000_000);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<List<String>> names = new ArrayList<>();
        int k = 0;
        for (List<FileJob> stepJobs : jobs) {
            List<String> stepNames = new ArrayList<>();
            for (int j = 0; j < stepJobs.size(); j++) {
                stepNames.add(name(paths[k++]));
            }
            names.add(stepNames);
        }
        return names;
    }

    private List<FileJob> jobs(org.fieldscore.runner.step.StepResult r, OutputOptions.StepOutput options) {
        List<FileJob> jobs = new ArrayList<>();
        String stem = options.file();
        String title = options.title();
        OutputOptions o = scenario.output();
        StepValue value = r.value();
        if (value instanceof StepValue.Scalar s) {
            SampledScalarField f = s.field();
            if (o.csv() && f.size() <= MAX_CSV_POINTS) {
                jobs.add(() -> out.writeCsv(stem + ".csv", table(f.grid(), new String[] {"value"},
                        new SampledScalarField[] {f})));
            }
            if (o.vtk()) {
                jobs.add(() -> f.grid().hasTime() ? out.writeTimeSeries(stem, r.id(), f)
                        : out.writeVti(stem + ".vti", r.id(), f));
            }
            if (o.plots()) {
                String label = label(r.id(), s.units());
                boolean signed = StepEquations.signed(r.type());
                jobs.add(png(r.id(), stem, title, () -> FieldPlots.scalar(title, f, label, signed, s.operand())));
            }
        } else if (value instanceof StepValue.Vector v) {
            SampledVectorField f = v.field();
            if (o.csv() && f.grid().pointCount() <= MAX_CSV_POINTS) {
                String[] names = new String[f.components()];
                SampledScalarField[] parts = new SampledScalarField[f.components()];
                for (int c = 0; c < names.length; c++) {
                    names[c] = r.id() + "_" + c;
                    parts[c] = f.component(c);
                }
                jobs.add(() -> out.writeCsv(stem + ".csv", table(f.grid(), names, parts)));
            }
            if (o.vtk() && !f.grid().hasTime()) {
                jobs.add(() -> out.writeVti(stem + ".vti", r.id(), f));
            }
            if (o.plots()) {
                String label = label(r.id(), v.units());
                jobs.add(png(r.id(), stem, title, () -> FieldPlots.vector(title, f, label, v.operand())));
            }
        } else if (value instanceof StepValue.TimeSeries ts) {
            double[] times = ts.times().stream().mapToDouble(Double::doubleValue).toArray();
            if (o.vtk()) {
                jobs.add(() -> out.writeTimeSeries(stem, r.id(), times, ts.snapshots()));
            }
            if (o.plots()) {
                String at = " (t = " + times[times.length - 1] + ")";
                String label = label(r.id(), ts.units());
                boolean signed = StepEquations.signed(r.type());
                jobs.add(png(r.id(), stem, title + at, () -> signed ? FieldPlots.signed(title + at, ts.last(), label)
                        : FieldPlots.scalar(title + at, ts.last(), label)));
            }
        } else if (value instanceof StepValue.Samples s) {
            if (o.csv() && s.points().length <= MAX_CSV_POINTS) {
                jobs.add(() -> out.writeCsv(stem + ".csv", samplesTable(s)));
            }
            if (o.plots()) {
                jobs.add(png(r.id(), stem, title, () -> samplesFigure(title, s)));
            }
        } else if (value instanceof StepValue.Picture p && o.plots()) {
            for (int k = 0; k < p.draws().size(); k++) {
                Function<String, Figure> draw = p.draws().get(k);
                jobs.add(png(r.id(), k == 0 ? stem : stem + "-" + (k + 1), title, () -> draw.apply(title)));
            }
        }
        return jobs;
    }

    private static CsvTable samplesTable(StepValue.Samples s) {
        CsvTable.Builder b = CsvTable.builder(s.columns().toArray(new String[0]));
        for (int i = 0; i < s.count(); i++) {
            double[] row = new double[s.dimension()];
            for (int a = 0; a < row.length; a++) {
                row[a] = s.get(i, a);
            }
            b.row(row);
        }
        return b.build();
    }

    private static Figure samplesFigure(String title, StepValue.Samples s) {
        double[] x = new double[s.count()];
        for (int i = 0; i < x.length; i++) {
            x[i] = s.get(i, 0);
        }
        if (s.dimension() == 1) {
            double lo = java.util.Arrays.stream(x).min().orElse(0);
            double hi = java.util.Arrays.stream(x).max().orElse(1);
            return LinePlot.titled(title).axes(s.columns().get(0), "density")
                    .histogram(title, x, 50, lo, hi > lo ? hi : lo + 1).figure();
        }
        double[] y = new double[s.count()];
        for (int i = 0; i < y.length; i++) {
            y[i] = s.get(i, 1);
        }
        MapPlot map = MapPlot.titled(title).axes(s.columns().get(0), s.columns().get(1)).points(title, x, y);
        if (!s.paths().isEmpty()) {
            map.paths("chain path", s.paths());
        }
        return map.figure();
    }

    /** A job that renders a figure (on the job's thread), keeps its PNG for the report and writes it. */
    private FileJob png(String id, String stem, String caption, java.util.function.Supplier<Figure> figure) {
        RenderedFigure slot = new RenderedFigure(id, caption);
        figures.add(slot);
        return () -> {
            byte[] bytes = figure.get().toPng();
            slot.png = bytes;
            return out.write(stem + ".png", stream -> stream.write(bytes));
        };
    }

    private static String label(String id, String units) {
        return units == null || units.isEmpty() ? id : id + " [" + units + "]";
    }

    private String name(Path p) {
        return out.relativeName(p);
    }

    /** The grid's coordinates (and time) as columns, then one column per field part, as one table. */
    private static CsvTable table(Grid grid, String[] names, SampledScalarField[] parts) {
        int d = grid.spaceDimension();
        List<String> header = new ArrayList<>(List.of(AXES).subList(0, d));
        if (grid.hasTime()) {
            header.add("t");
        }
        header.addAll(List.of(names));
        int n = grid.pointCount();
        int coordinates = d + (grid.hasTime() ? 1 : 0);
        double[][] columns = new double[header.size()][];
        for (int a = 0; a < coordinates; a++) {
            columns[a] = new double[n];
        }
        double[] x = new double[d];
        for (int p = 0; p < n; p++) {
            grid.spaceCoordinates(p, x);
            for (int a = 0; a < d; a++) {
                columns[a][p] = x[a];
            }
            if (grid.hasTime()) {
                columns[d][p] = grid.time(p);
            }
        }
        for (int k = 0; k < parts.length; k++) {
            columns[coordinates + k] = parts[k].copyValues();
        }
        return CsvTable.ofColumns(header, columns);
    }
}
