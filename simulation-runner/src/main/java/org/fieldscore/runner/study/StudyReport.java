package org.fieldscore.runner.study;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.exec.Version;
import org.fieldscore.runner.output.OutputDirectory;
import org.fieldscore.runner.output.fit.LogLogFit;
import org.fieldscore.runner.output.plot.Figure;
import org.fieldscore.runner.output.plot.LinePlot;
import org.fieldscore.runner.output.report.HtmlReport;
import org.fieldscore.runner.output.summary.ComparisonResult;
import org.fieldscore.runner.output.summary.MachineInfo;
import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.output.summary.StepResult;
import org.fieldscore.runner.output.table.CsvTable;
import org.fieldscore.runner.scenario.StudyMetric;
import org.fieldscore.runner.scenario.StudyPlot;
import org.fieldscore.runner.scenario.Sweep;
import org.fieldscore.runner.scenario.SweepAxis;

/**
 * Collects the outcomes of a study into its own outputs: {@code study.csv} (one row per case: its swept values and
 * the chosen metrics), one PNG per {@link StudyPlot} (with the fitted power law on log-log axes), a summary.json whose
 * steps are the plots (fitted slope, coefficient of determination) and whose comparisons are the expected slopes,
 * and a report.html.
 */
public final class StudyReport {

    private StudyReport() {
    }

    /**
     * @param name the study's name
     * @param resolved the study's declaration as a tree, for summary.json
     * @param seed the study's seed
     * @param sweep the sweep
     * @param outcomes the cases' outcomes
     * @param metrics the metrics tabulated per case
     * @param plots the plots
     * @param out the study's output folder
     * @param started when the study started
     * @return the study's summary
     * @throws IOException when a file cannot be written
     */
    public static RunSummary write(String name, Map<String, Object> resolved, long seed, Sweep sweep,
            List<StudyRunner.CaseOutcome> outcomes, List<StudyMetric> metrics, List<StudyPlot> plots,
            OutputDirectory out, Instant started) throws IOException {
        List<String> columns = new ArrayList<>();
        columns.add("case");
        for (SweepAxis a : sweep.axes()) {
            columns.add(a.parameter());
        }
        for (StudyMetric m : metrics) {
            columns.add(m.label());
        }
        columns.add("status");
        CsvTable.Builder table = CsvTable.builder(columns.toArray(String[]::new));
        for (StudyRunner.CaseOutcome o : outcomes) {
            List<Object> row = new ArrayList<>();
            row.add(o.studyCase().id());
            for (SweepAxis a : sweep.axes()) {
                row.add(number(o.studyCase().values().get(a.parameter())));
            }
            for (StudyMetric m : metrics) {
                row.add(o.summary() == null ? Double.NaN : m.read(o.summary()));
            }
            row.add(status(o));
            table.mixedRow(row.toArray());
        }
        CsvTable csv = table.build();
        out.writeCsv("study.csv", csv);

        List<StepResult> steps = new ArrayList<>();
        List<ComparisonResult> comparisons = new ArrayList<>();
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (StudyPlot plot : plots) {
            double[][] xy = points(plot, outcomes);
            StepResult.Builder step = StepResult.builder(plot.id(), "study-plot").metric("points", xy[0].length);
            LinePlot chart = LinePlot.titled(plot.y().label() + " vs " + plot.x()).axes(
                    plot.invertX() ? "1/" + plot.x() : plot.x(), plot.y().label());
            if (plot.logLog() && xy[0].length >= 2) {
                LogLogFit fit = LogLogFit.fit(xy[0], xy[1]);
                step.metric("slope", fit.order()).metric("r-squared", fit.rSquared());
                chart.logLog().convergence(plot.y().label(), xy[0], xy[1]);
                if (!Double.isNaN(plot.expectedSlope())) {
                    comparisons.add(ComparisonResult.judge(plot.id(), "slope deviation from " + plot.expectedSlope(),
                            Math.abs(fit.order() - plot.expectedSlope()), plot.tolerance()));
                }
            } else {
                chart.line(plot.y().label(), xy[0], xy[1]);
                if (!Double.isNaN(plot.expectedSlope())) {
                    // an expected slope that cannot be fitted is a failed comparison, never a silent pass
                    comparisons.add(ComparisonResult.judge(plot.id(), "slope deviation from " + plot.expectedSlope()
                            + " (not fitted: " + xy[0].length + " finite point" + (xy[0].length == 1 ? "" : "s")
                            + (plot.logLog() ? "" : ", linear axes") + ")", Double.NaN, plot.tolerance()));
                }
            }
            String file = plot.id() + ".png";
            Figure figure = chart.figure();
            out.writePng(file, figure);
            figures.put(plot.id(), figure);
            steps.add(step.file(file).build());
        }
        long failedCases = outcomes.stream().filter(o -> o.failure() != null).count();
        comparisons.add(ComparisonResult.judge("cases-failed", "count", failedCases, 0));
        RunSummary summary = new RunSummary(name, resolved, seed, Version.get(),
                started.truncatedTo(ChronoUnit.SECONDS).toString(), MachineInfo.current(), steps, comparisons);
        HtmlReport report = HtmlReport.of(summary);
        for (var e : figures.entrySet()) {
            report.figure(e.getKey(), e.getKey(), e.getValue());
        }
        if (!steps.isEmpty()) {
            report.table(steps.get(0).id(), "study.csv: one row per case", csv);
        }
        out.writeReport(report);
        out.writeSummary(summary);
        return summary;
    }

    private static double[][] points(StudyPlot plot, List<StudyRunner.CaseOutcome> outcomes) {
        List<double[]> pts = new ArrayList<>();
        for (StudyRunner.CaseOutcome o : outcomes) {
            if (o.summary() == null) {
                continue;
            }
            double x = parameter(o, plot.x());
            double y = plot.y().read(o.summary());
            if (Double.isFinite(x) && Double.isFinite(y)) {
                pts.add(new double[] {plot.invertX() ? 1 / x : x, y});
            }
        }
        pts.sort((a, b) -> Double.compare(a[0], b[0]));
        double[][] xy = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            xy[0][i] = pts.get(i)[0];
            xy[1][i] = pts.get(i)[1];
        }
        return xy;
    }

    /** The value of a parameter in a case: its resolved value (derived parameters included), else the swept one. */
    private static double parameter(StudyRunner.CaseOutcome o, String name) {
        if (o.summary().scenario().get("parameters") instanceof Map<?, ?> resolved
                && resolved.get(name) instanceof Number value) {
            return value.doubleValue();
        }
        String raw = o.studyCase().values().get(name);
        return raw == null ? Double.NaN : number(raw);
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String status(StudyRunner.CaseOutcome o) {
        if (o.failure() != null) {
            return "failed: " + o.failure();
        }
        if (!o.summary().allComparisonsPassed()) {
            return o.resumed() ? "resumed, comparison failed" : "comparison failed";
        }
        return o.resumed() ? "resumed" : "ran";
    }
}
