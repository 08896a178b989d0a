package org.fieldscore.runner.output.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fieldscore.runner.text.MarkupText;
import org.fieldscore.runner.output.plot.Figure;
import org.fieldscore.runner.output.summary.ComparisonResult;
import org.fieldscore.runner.output.summary.MachineInfo;
import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.output.summary.StepResult;
import org.fieldscore.runner.output.table.CsvTable;

/**
 * report.html: one self-contained page per run. It holds the run's overview and verdict, a table of contents with
 * an anchor for every comparison and step (failed comparisons and steps with warnings listed first), the essay's
 * side-by-side table (for scenarios that use both halves), the comparisons with pass/fail badges (failures first),
 * each step's equation, metrics, timings, tables and plots, and the scenario text. Within one table all numbers
 * share one format ({@link TableNumbers}). Plots are embedded as base64 {@code data:} URIs and the style sheet is
 * inline, so the page loads no external resource and can be mailed or archived as one file. All user text is
 * HTML-escaped.
 *
 * <p>Build it from the run's {@link RunSummary}, attach figures and tables to steps by id, then write it. Not
 * thread-safe.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 auto;max-width:1100px;\
            padding:1.5em;color:#1b1b1b;line-height:1.45}
            h1{margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:1.8em}
            table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #ccc;padding:.3em .6em;\
            text-align:left;vertical-align:top}th{background:#f3f3f3}td.num{text-align:right;\
            font-variant-numeric:tabular-nums}
            .badge{display:inline-block;padding:.1em .6em;border-radius:.8em;font-weight:bold;font-size:.85em;\
            color:#fff}.pass{background:#2e7d32}.fail{background:#c62828}
            figure{margin:1em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}\
            figcaption{color:#555;font-size:.9em}
            pre{background:#f7f7f7;border:1px solid #e3e3e3;padding:.8em;overflow-x:auto;font-size:.85em}
            .meta{color:#555}section.step{margin-bottom:2em}p.note{color:#555;font-size:.85em;margin:.4em 0 0}
            .warn{background:#b26a00}p.warning{background:#fff4e0;border-left:4px solid #b26a00;padding:.4em .8em}
            p.equation{font-family:'STIX Two Math','Cambria Math',serif;font-size:1.05em}
            nav ol{columns:2;padding-left:1.4em}nav li{break-inside:avoid}
            """;

    private static final String WARNING_BADGE = "<span class=\"badge warn\">warning</span>";
    /** Metrics that, for a vector field, are of its magnitude. */
    private static final java.util.Set<String> MAGNITUDE_METRICS = java.util.Set.of("min", "max", "mean", "l2-norm",
            "integral");

    /**
     * Stands for one embedded image's base64 in the page being built; it holds a raw '&lt;', which escaped user
     * text never does.
     */
    private static final String IMAGE_MARK = "<png-base64>";
    /** Bytes of a PNG encoded at a time: a multiple of 3. */
    private static final int BASE64_PIECE = 3 << 14;

    private final RunSummary summary;
    private List<byte[]> pageImages;
    private String scenarioText;
    private SideBySideTable sideBySide;
    private final Map<String, List<Attachment>> attachments = new LinkedHashMap<>();

    private sealed interface Attachment permits FigureAttachment, TableAttachment {
    }

    private record FigureAttachment(String caption, byte[] png) implements Attachment {
    }

    private record TableAttachment(String caption, CsvTable table) implements Attachment {
    }

    private HtmlReport(RunSummary summary) {
        this.summary = Objects.requireNonNull(summary, "summary");
        for (StepResult step : summary.steps()) {
            attachments.put(step.id(), new ArrayList<>());
        }
    }

    /**
     * @param summary the run's summary (steps, comparisons, seed, versions)
     * @return a report of that run
     */
    public static HtmlReport of(RunSummary summary) {
        return new HtmlReport(summary);
    }

    /**
     * @param text the scenario file as the user wrote it (shown verbatim, escaped)
     * @return this report
     */
    public HtmlReport scenarioText(String text) {
        this.scenarioText = Objects.requireNonNull(text, "text");
        return this;
    }

    /**
     * @param table the essay's table filled with this run's objects and numbers
     * @return this report
     */
    public HtmlReport sideBySide(SideBySideTable table) {
        this.sideBySide = Objects.requireNonNull(table, "table");
        return this;
    }

    /**
     * Attaches a plot to a step; it is rendered now and embedded as PNG.
     *
     * @param stepId id of a step of the summary
     * @param caption the caption under the plot
     * @param figure the plot
     * @return this report
     */
    public HtmlReport figure(String stepId, String caption, Figure figure) {
        return png(stepId, caption, figure.toPng());
    }

    /**
     * Attaches an already rendered PNG to a step.
     *
     * @param stepId id of a step of the summary
     * @param caption the caption under the picture
     * @param png the PNG bytes
     * @return this report
     */
    public HtmlReport png(String stepId, String caption, byte[] png) {
        stepAttachments(stepId).add(new FigureAttachment(Objects.requireNonNull(caption, "caption"), png.clone()));
        return this;
    }

    /**
     * Attaches a table to a step.
     *
     * @param stepId id of a step of the summary
     * @param caption the table's caption
     * @param table the table
     * @return this report
     */
    public HtmlReport table(String stepId, String caption, CsvTable table) {
        stepAttachments(stepId).add(new TableAttachment(Objects.requireNonNull(caption, "caption"),
                Objects.requireNonNull(table, "table")));
        return this;
    }

    /**
     * Writes the page as UTF-8.
     *
     * @param out the stream (left open)
     * @throws IOException when writing fails
     */
    public void writeTo(OutputStream out) throws IOException {
        List<byte[]> images = new ArrayList<>();
        String page = page(images);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        int from = 0;
        for (byte[] png : images) {
            int at = page.indexOf(IMAGE_MARK, from);
            w.write(page, from, at - from);
            w.flush();
            // the PNG's base64 goes straight to the stream, never through the page's characters, in pieces of a
            // multiple of 3 bytes so that only the last one is padded
            for (int off = 0; off < png.length; off += BASE64_PIECE) {
                out.write(Base64.getEncoder().encode(java.util.Arrays.copyOfRange(png, off,
                        Math.min(png.length, off + BASE64_PIECE))));
            }
            from = at + IMAGE_MARK.length();
        }
        w.write(page, from, page.length() - from);
        w.flush();
    }

    /** @return the page */
    public String render() {
        List<byte[]> images = new ArrayList<>();
        String page = page(images);
        StringBuilder h = new StringBuilder(page.length() + images.stream().mapToInt(i -> i.length * 4 / 3 + 4).sum());
        int from = 0;
        for (byte[] png : images) {
            int at = page.indexOf(IMAGE_MARK, from);
            h.append(page, from, at).append(Base64.getEncoder().encodeToString(png));
            from = at + IMAGE_MARK.length();
        }
        return h.append(page, from, page.length()).toString();
    }

    /**
     * The page with a {@link #IMAGE_MARK} where each embedded PNG's base64 goes.
     *
     * @param images receives the PNGs in page order
     */
    private String page(List<byte[]> images) {
        this.pageImages = images;
        StringBuilder h = new StringBuilder(1 << 16);
        String name = MarkupText.escape(summary.scenarioName());
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>FieldScore report: ").append(name).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        overview(h, name);
        contents(h);
        if (sideBySide != null) {
            sideBySideSection(h);
        }
        comparisons(h);
        steps(h);
        if (scenarioText != null) {
            h.append("<h2 id=\"scenario\">Scenario</h2>\n<pre>").append(MarkupText.escape(scenarioText)).append("</pre>\n");
        }
        machine(h);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private void overview(StringBuilder h, String name) {
        int failed = (int) summary.comparisons().stream().filter(c -> !c.passed()).count();
        h.append("<h1>").append(name).append("</h1>\n<p class=\"meta\">");
        if (summary.comparisons().isEmpty()) {
            h.append("No comparisons declared. ");
        } else {
            h.append(badge(failed == 0)).append(' ').append(summary.comparisons().size() - failed).append(" of ")
                    .append(summary.comparisons().size()).append(" comparisons passed. ");
        }
        h.append("Seed ").append(summary.seed()).append(", FieldScore ")
                .append(MarkupText.escape(summary.fieldscoreVersion())).append(", started ")
                .append(MarkupText.escape(summary.timestamp())).append(".</p>\n");
    }

    /** Comparisons in report order: failed ones first, each group in scenario order. */
    private List<ComparisonResult> failuresFirst() {
        List<ComparisonResult> ordered = new ArrayList<>();
        summary.comparisons().stream().filter(c -> !c.passed()).forEach(ordered::add);
        summary.comparisons().stream().filter(ComparisonResult::passed).forEach(ordered::add);
        return ordered;
    }

    private void contents(StringBuilder h) {
        h.append("<nav id=\"contents\">\n<h2>Contents</h2>\n");
        List<ComparisonResult> failed = summary.comparisons().stream().filter(c -> !c.passed()).toList();
        List<StepResult> warned = summary.steps().stream().filter(st -> !st.warnings().isEmpty()).toList();
        if (!failed.isEmpty() || !warned.isEmpty()) {
            h.append("<p><strong>Needs attention:</strong></p>\n<ul class=\"attention\">\n");
            for (ComparisonResult c : failed) {
                h.append("<li>").append(badge(false)).append(" <a href=\"#").append(anchor("comparison", c.name()))
                        .append("\">").append(MarkupText.escape(c.name())).append("</a></li>\n");
            }
            for (StepResult st : warned) {
                h.append("<li>").append(WARNING_BADGE).append(" <a href=\"#").append(anchor("step", st.id()))
                        .append("\">").append(MarkupText.escape(st.id())).append("</a>: ")
                        .append(MarkupText.escape(st.warnings().get(0))).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<ol>\n");
        if (sideBySide != null) {
            h.append("<li><a href=\"#side-by-side\">Fields and scores side by side</a></li>\n");
        }
        h.append("<li><a href=\"#comparisons\">Comparisons</a>");
        if (!summary.comparisons().isEmpty()) {
            h.append("\n<ol>\n");
            for (ComparisonResult c : failuresFirst()) {
                h.append("<li>").append(badge(c.passed())).append(" <a href=\"#")
                        .append(anchor("comparison", c.name())).append("\">").append(MarkupText.escape(c.name()))
                        .append("</a></li>\n");
            }
            h.append("</ol>\n");
        }
        h.append("</li>\n<li><a href=\"#steps\">Steps</a>\n<ol>\n");
        for (StepResult st : summary.steps()) {
            h.append("<li><a href=\"#").append(anchor("step", st.id())).append("\">")
                    .append(MarkupText.escape(st.id())).append("</a> <span class=\"meta\">(")
                    .append(MarkupText.escape(st.kind())).append(")</span>")
                    .append(st.warnings().isEmpty() ? "" : " " + WARNING_BADGE).append("</li>\n");
        }
        h.append("</ol>\n</li>\n");
        if (scenarioText != null) {
            h.append("<li><a href=\"#scenario\">Scenario</a></li>\n");
        }
        h.append("<li><a href=\"#machine\">Run details</a></li>\n</ol>\n</nav>\n");
    }

    /**
     * @param kind "step" or "comparison"
     * @param id a step or comparison id
     * @return the anchor of its section: kind-id with every character outside [A-Za-z0-9_-] as '_' plus its code
     *     (so different ids never share an anchor)
     */
    static String anchor(String kind, String id) {
        StringBuilder a = new StringBuilder(kind).append('-');
        id.codePoints().forEach(c -> {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
                a.appendCodePoint(c);
            } else {
                a.append('_').append(Integer.toHexString(c)).append('_');
            }
        });
        return a.toString();
    }

    private void sideBySideSection(StringBuilder h) {
        h.append("<h2 id=\"side-by-side\">Fields and scores side by side</h2>\n<table class=\"side-by-side\">\n")
                .append("<tr><th></th>");
        for (String column : SideBySideTable.COLUMN_LABELS) {
            h.append("<th>").append(MarkupText.escape(column)).append("</th>");
        }
        h.append("</tr>\n");
        List<SideBySideTable.Row> rows = sideBySide.rows();
        for (int r = 0; r < rows.size(); r++) {
            h.append("<tr><th>").append(MarkupText.escape(SideBySideTable.ROW_LABELS.get(r))).append("</th><td>")
                    .append(MarkupText.escape(rows.get(r).fields())).append("</td><td>")
                    .append(MarkupText.escape(rows.get(r).score())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private void comparisons(StringBuilder h) {
        h.append("<h2 id=\"comparisons\">Comparisons</h2>\n");
        if (summary.comparisons().isEmpty()) {
            h.append("<p>None declared.</p>\n");
            return;
        }
        List<Double> numbers = new ArrayList<>();
        summary.comparisons().forEach(c -> {
            numbers.add(c.value());
            numbers.add(c.tolerance());
        });
        TableNumbers format = TableNumbers.of(numbers);
        h.append("<p class=\"note\">Failed comparisons first; ").append(format.description())
                .append(".</p>\n<table>\n<tr><th>comparison</th><th>metric</th><th>value</th><th>tolerance</th>"
                        + "<th>verdict</th></tr>\n");
        for (ComparisonResult c : failuresFirst()) {
            boolean isStep = attachments.containsKey(c.name());
            h.append("<tr id=\"").append(anchor("comparison", c.name())).append("\"><td>")
                    .append(isStep ? "<a href=\"#" + anchor("step", c.name()) + "\">" : "")
                    .append(MarkupText.escape(c.name())).append(isStep ? "</a>" : "").append("</td><td>")
                    .append(MarkupText.escape(c.metric())).append("</td><td class=\"num\">")
                    .append(format.format(c.value())).append("</td><td class=\"num\">")
                    .append(format.format(c.tolerance())).append("</td><td>").append(badge(c.passed()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private void steps(StringBuilder h) {
        h.append("<h2 id=\"steps\">Steps</h2>\n");
        for (StepResult step : summary.steps()) {
            h.append("<section class=\"step\" id=\"").append(anchor("step", step.id())).append("\">\n<h3>")
                    .append(MarkupText.escape(step.id())).append(" <span class=\"meta\">(")
                    .append(MarkupText.escape(step.kind())).append(step.value().isEmpty() ? "" : ", ")
                    .append(MarkupText.escape(step.value()))
                    .append(step.units().isEmpty() ? "" : " in " + MarkupText.escape(step.units()))
                    .append(")</span>").append(step.warnings().isEmpty() ? "" : " " + WARNING_BADGE).append("</h3>\n");
            if (!step.equation().isEmpty()) {
                h.append("<p class=\"equation\">").append(MarkupText.escape(step.equation())).append("</p>\n");
            }
            if (!step.description().isEmpty()) {
                h.append("<p class=\"meta\">").append(MarkupText.escape(step.description())).append("</p>\n");
            }
            for (String warning : step.warnings()) {
                h.append("<p class=\"warning\">").append(WARNING_BADGE).append(' ').append(MarkupText.escape(warning))
                        .append("</p>\n");
            }
            if (!step.metrics().isEmpty() || !step.timings().isEmpty()) {
                metricTable(h, step);
            }
            for (Attachment a : attachments.get(step.id())) {
                if (a instanceof FigureAttachment f) {
                    pageImages.add(f.png());
                    h.append("<figure><img alt=\"").append(MarkupText.escape(f.caption()))
                            .append("\" src=\"data:image/png;base64,").append(IMAGE_MARK).append("\"><figcaption>")
                            .append(MarkupText.escape(f.caption())).append("</figcaption></figure>\n");
                } else if (a instanceof TableAttachment t) {
                    table(h, t);
                }
            }
            if (!step.files().isEmpty()) {
                h.append("<p class=\"meta\">Files: ");
                for (int i = 0; i < step.files().size(); i++) {
                    h.append(i == 0 ? "" : ", ").append("<code>").append(MarkupText.escape(step.files().get(i)))
                            .append("</code>");
                }
                h.append("</p>\n");
            }
            h.append("</section>\n");
        }
    }

    private static void metricTable(StringBuilder h, StepResult step) {
        TableNumbers format = TableNumbers.of(step.metrics().values());
        TableNumbers seconds = TableNumbers.of(step.timings().values());
        h.append("<p class=\"note\">");
        if (step.metricsOfMagnitude() && step.metrics().keySet().stream().anyMatch(MAGNITUDE_METRICS::contains)) {
            h.append("min, max, mean, l2-norm and integral are of the magnitude |v| of the vector field; ");
        }
        h.append(format.description()).append(".</p>\n<table>\n<tr><th>quantity</th><th>value</th></tr>\n");
        step.metrics().forEach((k, v) -> row(h, step.metricsOfMagnitude() && MAGNITUDE_METRICS.contains(k)
                ? k + " |v|" : k, format.format(v)));
        step.timings().forEach((k, v) -> row(h, "time: " + k + " [s]", seconds.format(v)));
        h.append("</table>\n");
    }

    private static void table(StringBuilder h, TableAttachment t) {
        CsvTable table = t.table();
        List<Double> numbers = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            for (int c = 0; c < table.header().size(); c++) {
                if (table.cell(r, c) instanceof Double d) {
                    numbers.add(d);
                }
            }
        }
        TableNumbers format = TableNumbers.of(numbers);
        h.append("<table>\n<caption>").append(MarkupText.escape(t.caption())).append("</caption>\n<tr>");
        for (String column : table.header()) {
            h.append("<th>").append(MarkupText.escape(column)).append("</th>");
        }
        h.append("</tr>\n");
        for (int r = 0; r < table.rowCount(); r++) {
            h.append("<tr>");
            for (int c = 0; c < table.header().size(); c++) {
                Object cell = table.cell(r, c);
                if (cell instanceof Double d) {
                    h.append("<td class=\"num\">").append(format.format(d));
                } else if (cell instanceof Long l) {
                    h.append("<td class=\"num\">").append(l);
                } else {
                    h.append("<td>").append(MarkupText.escape(String.valueOf(cell)));
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private void machine(StringBuilder h) {
        MachineInfo m = summary.machine();
        h.append("<h2 id=\"machine\">Run details</h2>\n<p class=\"meta\">Java ").append(MarkupText.escape(m.javaVersion()))
                .append(" (").append(MarkupText.escape(m.javaVendor())).append("), ").append(MarkupText.escape(m.osName()))
                .append(' ').append(MarkupText.escape(m.osVersion())).append(' ').append(MarkupText.escape(m.osArch()))
                .append(", ").append(m.cpuCount()).append(" CPUs, max heap ")
                .append(m.maxHeapBytes() >> 20).append(" MiB. The exact numbers are in summary.json.</p>\n");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><td>").append(MarkupText.escape(key)).append("</td><td class=\"num\">").append(value)
                .append("</td></tr>\n");
    }

    private static String badge(boolean pass) {
        return pass ? "<span class=\"badge pass\">pass</span>" : "<span class=\"badge fail\">fail</span>";
    }

    private List<Attachment> stepAttachments(String stepId) {
        List<Attachment> list = attachments.get(stepId);
        if (list == null) {
            throw new IllegalArgumentException("the summary has no step '" + stepId + "'; steps are "
                    + attachments.keySet());
        }
        return list;
    }
}
