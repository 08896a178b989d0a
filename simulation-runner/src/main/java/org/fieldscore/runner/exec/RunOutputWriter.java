package org.fieldscore.runner.exec;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.output.OutputDirectory;
import org.fieldscore.runner.output.plot.FieldPlots;
import org.fieldscore.runner.output.plot.Figure;
import org.fieldscore.runner.output.plot.LinePlot;
import org.fieldscore.runner.output.plot.MapPlot;
import org.fieldscore.runner.output.report.HtmlReport;
import org.fieldscore.runner.output.slice.FieldSlices;
import org.fieldscore.runner.output.summary.ComparisonResult;
import org.fieldscore.runner.output.summary.MachineInfo;
import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.output.summary.StepResult;
import org.fieldscore.runner.output.table.CsvTable;
import org.fieldscore.runner.scenario.OutputOptions;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.step.StepValue;

/**
 * Writes a run's files into its output folder: per step a CSV table, a PNG plot and VTK image data (as the
 * scenario's output options allow), then summary.json and report.html. Every file is written atomically through
 * {@link OutputDirectory}.
 */
public final class RunOutputWriter {

    /**
     * Fields with more points (and samples with more coordinates) than this get no CSV table: the .vti file holds
     * fields in full, and summary.json the samples' statistics.
     */
    public static final int MAX_CSV_POINTS = 250_000;
    private static final String[] AXES = {"x", "y", "z"};

    private final Scenario scenario;
    private final OutputDirectory out;
    private final List<Map.Entry<String, byte[]>> figures = new ArrayList<>();
    private final List<String> captions = new ArrayList<>();

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
        return new RunOutputWriter(scenario, out).writeAll(results, started);
    }

    private RunSummary writeAll(List<org.fieldscore.runner.step.StepResult> results, Instant started)
            throws IOException {
        List<StepResult> steps = new ArrayList<>();
        List<ComparisonResult> comparisons = new ArrayList<>();
        for (org.fieldscore.runner.step.StepResult r : results) {
            OutputOptions.StepOutput options = scenario.output().step(r.id());
            List<String> files = options.save() ? files(r, options) : List.of();
            Map<String, Double> timings = new LinkedHashMap<>();
            timings.put("wall", r.elapsedNanos() / 1e9);
            steps.add(new StepResult(r.id(), r.type(), r.metrics(), timings, files));
            if (r.verdict() != null) {
                comparisons.add(ComparisonResult.judge(r.id(), r.verdict().metric(), r.verdict().value(),
                        r.verdict().tolerance()));
            }
        }
        RunSummary summary = new RunSummary(scenario.name(), scenario.resolved(), scenario.seed(), Version.get(),
                started.truncatedTo(ChronoUnit.SECONDS).toString(), MachineInfo.current(), steps, comparisons);
        if (scenario.output().report()) {
            HtmlReport report = HtmlReport.of(summary).scenarioText(scenario.source().text());
            SideBySide.of(scenario, results).ifPresent(report::sideBySide);
            for (int i = 0; i < figures.size(); i++) {
                report.png(figures.get(i).getKey(), captions.get(i), figures.get(i).getValue());
            }
            out.writeReport(report);
        }
        out.writeSummary(summary);
        return summary;
    }

    private List<String> files(org.fieldscore.runner.step.StepResult r, OutputOptions.StepOutput options)
            throws IOException {
        List<String> files = new ArrayList<>();
        String stem = options.file();
        String title = options.title();
        OutputOptions o = scenario.output();
        StepValue value = r.value();
        if (value instanceof StepValue.Scalar s) {
            SampledScalarField f = s.field();
            if (o.csv() && f.size() <= MAX_CSV_POINTS) {
                files.add(name(out.writeCsv(stem + ".csv", table(f.grid(), new String[] {"value"},
                        new SampledScalarField[] {f}))));
            }
            if (o.vtk()) {
                files.add(name(f.grid().hasTime() ? out.writeTimeSeries(stem, r.id(), f)
                        : out.writeVti(stem + ".vti", r.id(), f)));
            }
            if (o.plots()) {
                SampledScalarField shown = f.grid().hasTime()
                        ? FieldSlices.atTimeIndex(f, f.grid().timeAxis().count() - 1) : f;
                files.add(png(r.id(), stem, title + (f.grid().hasTime() ? " (last time)" : ""),
                        FieldPlots.scalar(title, shown, label(r.id(), s.units()))));
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
                files.add(name(out.writeCsv(stem + ".csv", table(f.grid(), names, parts))));
            }
            SampledVectorField shown = f.grid().hasTime()
                    ? FieldSlices.atTimeIndex(f, f.grid().timeAxis().count() - 1) : f;
            if (o.vtk() && !f.grid().hasTime()) {
                files.add(name(out.writeVti(stem + ".vti", r.id(), f)));
            }
            if (o.plots()) {
                files.add(png(r.id(), stem, title + (f.grid().hasTime() ? " (last time)" : ""),
                        FieldPlots.vector(title, shown, label(r.id(), v.units()))));
            }
        } else if (value instanceof StepValue.TimeSeries ts) {
            double[] times = ts.times().stream().mapToDouble(Double::doubleValue).toArray();
            if (o.vtk()) {
                files.add(name(out.writeTimeSeries(stem, r.id(), times, ts.snapshots())));
            }
            if (o.plots()) {
                files.add(png(r.id(), stem, title + " at t = " + times[times.length - 1],
                        FieldPlots.scalar(title + " (t = " + times[times.length - 1] + ")", ts.last(),
                                label(r.id(), ts.units()))));
            }
        } else if (value instanceof StepValue.Samples s) {
            if (o.csv() && s.points().length <= MAX_CSV_POINTS) {
                CsvTable.Builder b = CsvTable.builder(s.columns().toArray(new String[0]));
                double[] row = new double[s.dimension()];
                for (int i = 0; i < s.count(); i++) {
                    for (int a = 0; a < row.length; a++) {
                        row[a] = s.get(i, a);
                    }
                    b.row(row.clone());
                }
                files.add(name(out.writeCsv(stem + ".csv", b.build())));
            }
            if (o.plots()) {
                files.add(png(r.id(), stem, title, samplesFigure(title, s)));
            }
        } else if (value instanceof StepValue.Picture p && o.plots()) {
            for (int k = 0; k < p.draws().size(); k++) {
                files.add(png(r.id(), k == 0 ? stem : stem + "-" + (k + 1), title, p.draws().get(k).apply(title)));
            }
        }
        return files;
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
            map.paths("Langevin trajectories", s.paths());
        }
        return map.figure();
    }

    private String png(String id, String stem, String caption, Figure figure) throws IOException {
        byte[] bytes = figure.toPng();
        figures.add(Map.entry(id, bytes));
        captions.add(caption);
        return name(out.write(stem + ".png", stream -> stream.write(bytes)));
    }

    private static String label(String id, String units) {
        return units == null || units.isEmpty() ? id : id + " [" + units + "]";
    }

    private String name(java.nio.file.Path p) {
        return out.relativeName(p);
    }

    private static CsvTable table(Grid grid, String[] names, SampledScalarField[] parts) {
        int d = grid.spaceDimension();
        List<String> columns = new ArrayList<>(List.of(AXES).subList(0, d));
        if (grid.hasTime()) {
            columns.add("t");
        }
        columns.addAll(List.of(names));
        CsvTable.Builder b = CsvTable.builder(columns.toArray(new String[0]));
        double[] x = new double[d];
        for (int p = 0; p < grid.pointCount(); p++) {
            double[] row = new double[columns.size()];
            grid.spaceCoordinates(p, x);
            System.arraycopy(x, 0, row, 0, d);
            int k = d;
            if (grid.hasTime()) {
                row[k++] = grid.time(p);
            }
            for (SampledScalarField f : parts) {
                row[k++] = f.valueAt(p);
            }
            b.row(row);
        }
        return b.build();
    }
}
