package org.fieldscore.runner.output.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldscore.runner.output.OutputDirectory;
import org.fieldscore.runner.output.plot.LinePlot;
import org.fieldscore.runner.output.summary.ComparisonResult;
import org.fieldscore.runner.output.summary.MachineInfo;
import org.fieldscore.runner.output.summary.RunSummary;
import org.fieldscore.runner.output.summary.StepResult;
import org.fieldscore.runner.output.table.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path temp;

    private static RunSummary summary() {
        return new RunSummary("tour <script>alert(1)</script>", Map.of("name", "tour"), 7, "0.1.0",
                "2026-11-27T23:00:00Z", MachineInfo.current(),
                List.of(new StepResult("phi", "poisson", Map.of("iterations", 9.0), Map.of("wall", 0.5),
                        List.of("phi.vti")),
                        new StepResult("theta", "score-matching", Map.of("fisher", 0.01), Map.of(), List.of())),
                List.of(ComparisonResult.judge("phi vs Coulomb", "l2", 1e-3, 1e-2),
                        ComparisonResult.judge("mu hat", "max", 0.3, 0.1)));
    }

    @Test
    void reportHoldsSectionsBadgesImagesAndEscapesUserText() throws Exception {
        byte[] png = LinePlot.titled("t").line("a", new double[] {0, 1}, new double[] {0, 1}).figure(200, 150).toPng();
        HtmlReport report = HtmlReport.of(summary())
                .scenarioText("name: tour\ndescription: \"<script>alert('x')</script> & more\"\n")
                .sideBySide(new SideBySideTable(
                        new SideBySideTable.Row("φ on 65³ grid", "p(x; θ) = N(0, Σ)"),
                        new SideBySideTable.Row("∂φ/∂xᵘ (order 2)", "S(x; θ) = −Σ⁻¹x"),
                        new SideBySideTable.Row("Lagrangian, action = −0.25", "J(θ) = −1.33"),
                        new SideBySideTable.Row("∇²φ = gδ: L2 error 1e-3", "θ̂ = argmin J: μ̂ = (0.01, −0.02)")))
                .png("phi", "potential <mid-plane>", png)
                .table("theta", "estimates", CsvTable.builder("param", "value").mixedRow("mu", 0.01).build());
        Path file = OutputDirectory.create(temp).writeReport(report);
        String html = Files.readString(file);

        for (String s : new String[] {"id=\"side-by-side\"", "id=\"comparisons\"", "id=\"steps\"", "id=\"scenario\"",
            "Scalar field &amp; gradients function", "Find stationary points", "<th>Fields</th>", "<th>Score</th>",
            "θ̂ = argmin J", "badge pass", "badge fail", "1 of 2 comparisons passed", "id=\"step-phi\"",
            "id=\"step-theta\"", "potential &lt;mid-plane&gt;", "<caption>estimates</caption>"}) {
            assertTrue(html.contains(s), () -> "missing " + s);
        }
        assertFalse(html.contains("<script"), "user text must be escaped");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"));
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<link"),
                "no external resources");

        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertTrue(m.find(), "embedded image");
        byte[] decoded = Base64.getDecoder().decode(m.group(1));
        assertTrue(java.util.Arrays.equals(png, decoded), "the embedded bytes are the PNG");
    }

    @Test
    void oneNumberFormatPerTable() {
        TableNumbers plain = TableNumbers.of(java.util.List.of(0.0012345678, 85.0, -Math.PI, 0.05));
        assertFalse(plain.scientific());
        assertEquals("85", plain.format(85.0));
        assertEquals("0.00123457", plain.format(0.0012345678));
        assertEquals("-3.14159", plain.format(-Math.PI));
        TableNumbers scientific = TableNumbers.of(java.util.List.of(1e-9, 0.02, 5.15121e-7));
        assertTrue(scientific.scientific(), "a 1e-9 in the table puts every number in scientific notation");
        assertEquals("2.0000e-02", scientific.format(0.02));
        assertEquals("1.0000e-09", scientific.format(1e-9));
        assertEquals("9", scientific.format(9.0), "counts stay integers");
        assertEquals("NaN", scientific.format(Double.NaN));
    }

    @Test
    void contentsAnchorEveryStepAndComparisonWithFailuresFirst() {
        RunSummary run = new RunSummary("toc", Map.of(), 1L, "0.1.0", "2026-11-27T23:00:00Z",
                MachineInfo.current(),
                List.of(new StepResult("a-check", "compare", Map.of("max", 1e-3), Map.of(), List.of()),
                        new StepResult("b-check", "compare", Map.of("max", 0.5), Map.of(), List.of()),
                        new StepResult("chains", "langevin", "samples", "", "x ← x + (ε/2) S(x) + √ε z", "",
                                Map.of("rhat-max", 1.05), Map.of(), List.of(), List.of("the chains have not mixed"))),
                List.of(ComparisonResult.judge("a-check", "max", 1e-3, 0.01),
                        ComparisonResult.judge("b-check", "max", 0.5, 0.01)));
        String html = HtmlReport.of(run).render();
        for (String anchor : List.of("step-a-check", "step-b-check", "step-chains", "comparison-a-check",
                "comparison-b-check")) {
            assertTrue(html.contains("id=\"" + anchor + "\""), "section " + anchor);
            assertTrue(html.contains("href=\"#" + anchor + "\""), "contents link to " + anchor);
        }
        String contents = html.substring(html.indexOf("<nav"), html.indexOf("</nav>"));
        assertTrue(contents.indexOf("#comparison-b-check") < contents.indexOf("#comparison-a-check"),
                "the failed comparison comes first");
        assertTrue(contents.contains("Needs attention") && contents.contains("the chains have not mixed"));
        String table = html.substring(html.indexOf("id=\"comparisons\""));
        assertTrue(table.indexOf("comparison-b-check") < table.indexOf("comparison-a-check"), "failures first");
        assertTrue(html.contains("x ← x + (ε/2) S(x) + √ε z"), "each step shows its equation");
        assertTrue(html.contains("badge warn"), "the step with a warning is marked");
    }

    @Test
    void vectorMetricsSayTheyAreOfTheMagnitude() {
        RunSummary run = new RunSummary("v", Map.of(), 1L, "0.1.0", "2026-11-27T23:00:00Z", MachineInfo.current(),
                List.of(new StepResult("wind", "vector-field", "vector field", "m/s", "", "",
                        Map.of("max", 5.0), Map.of(), List.of(), List.of())), List.of());
        String html = HtmlReport.of(run).render();
        assertTrue(html.contains("of the magnitude |v| of the vector field"), html);
        assertTrue(html.contains("max |v|"));
        assertTrue(html.contains("vector field in m/s"));
    }

    @Test
    void attachmentsToUnknownStepsAreRefused() {
        HtmlReport report = HtmlReport.of(summary());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> report.png("nope", "c", new byte[0]));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("[phi, theta]"), e.getMessage());
    }
}
