package org.fieldscore.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code type: plot}: overlays of earlier results, and the errors for layers that cannot share a map. */
class PlotCommandTest {

    private static final String SCENARIO = """
            name: plot-overlay
            grids:
              a: {shape: [33, 33], lower: [-2, -2], upper: [2, 2]}
              b: {shape: [17, 17], lower: [-2, -2], upper: [2, 2]}
            steps:
              - id: phi
                type: field
                grid: a
                expression: "exp(-(x^2 + y^2))"
              - id: flow
                type: gradient
                of: phi
              - id: map
                type: plot
                title: phi with its gradient
                heatmap: phi
                arrows: flow
                contours: phi
            """;

    @TempDir
    Path dir;

    @Test
    void aPlotOverlaysHeatmapArrowsAndContours() throws Exception {
        Path file = dir.resolve("plot.yaml");
        Files.writeString(file, SCENARIO);
        CliHarness.Result r = CliHarness.run("run", file.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.toString());
        BufferedImage image = ImageIO.read(dir.resolve("out/map.png").toFile());
        assertTrue(image.getWidth() >= 400 && image.getHeight() >= 300, image.getWidth() + "x" + image.getHeight());
    }

    @Test
    void layersOnDifferentGridsAreRefusedWithTheReason() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, SCENARIO.replace("  - id: map\n",
                "  - id: other\n    type: field\n    grid: b\n    expression: \"x\"\n  - id: map\n").replace("contours: phi", "contours: other"));
        Path out = dir.resolve("bad-out");
        CliHarness.Result r = CliHarness.run("run", file.toString(), "--out", out.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("bad.yaml:") && r.err().contains("must share one grid"), r.toString());
        assertFalse(Files.exists(out));
    }
}
