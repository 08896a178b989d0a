package org.fieldscore.runner.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.runner.exec.ScenarioExecutor;
import org.fieldscore.runner.input.InvalidScenarioException;
import org.fieldscore.runner.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code annealed-langevin} with {@code data} and a {@code grid}: the exact noised scores of the data's histogram.
 * Misuses are refused while validating at their key and line.
 */
class HistogramAnnealedLangevinTest {

    private static final String HEAD = """
            name: histogram-annealed
            description: annealed Langevin on the exact noised scores of a histogram
            seed: 3
            grids:
              line:
                shape: [161]
                lower: [-40]
                upper: [40]
              cells:
                shape: [320]
                lower: [-40]
                upper: [40]
                centering: cell
            steps:
              - id: two-modes
                type: model
                distribution: {type: mixture, weights: [0.7, 0.3], means: [[4], [-4]], covariance: [[1]]}
              - id: draws
                type: data
                from: two-modes
                count: 20000
            """;

    @TempDir
    Path dir;

    private Path write(String steps) throws Exception {
        Path file = dir.resolve("histogram.yaml");
        Files.writeString(file, HEAD + steps);
        return file;
    }

    /**
     * 1-D, cells of 0.5, σ from 10 to 1: the first mode's weight within 4 binomial standard deviations of the chains
     * (√(0.21/2000) = 0.010) plus 0.02 for the ridge freezing between the modes and 4√(0.21/20000) for the data.
     */
    @Test
    void recoversTheModeWeightsOfTheData() throws Exception {
        assertRecovers("grid: line");
    }

    /**
     * The OU Fokker–Planck route on a cell-centred grid gives the same levels (scaled), so the same bound holds; its
     * smallest blur is σ_min·m = 0.71, hence cells of 0.25.
     */
    @Test
    void ornsteinUhlenbeckRouteRecoversThemToo() throws Exception {
        assertRecovers("grid: cells\n    noising: ornstein-uhlenbeck");
    }

    private void assertRecovers(String gridKeys) throws Exception {
        List<StepResult> results = ScenarioExecutor.run(ScenarioReader.caseOf(write(("""
                  - id: annealed
                    type: annealed-langevin
                    data: draws
                    GRID
                    sigma-max: 10
                    sigma-min: 1
                    levels: 8
                    step-size: 0.2
                    steps-per-level: 100
                    chains: 2000
                    start: {lower: -8, upper: 8}
                    modes: two-modes
                """).replace("GRID", gridKeys)), Map.of(), null).read(), ProgressListener.NONE);
        double w = results.stream().filter(r -> r.id().equals("annealed")).findFirst().orElseThrow().metrics()
                .get("mode-fraction-0");
        assertEquals(0.7, w, 4 * Math.sqrt(0.21 / 2000) + 0.02 + 4 * Math.sqrt(0.21 / 20000), gridKeys);
    }

    @Test
    void misusesAreRefusedAtTheirKey() throws Exception {
        Map<String, String> misuses = Map.of("""
                  - id: annealed
                    type: annealed-langevin
                    data: draws
                    model: two-modes
                    grid: line
                    sigma-max: 10
                    sigma-min: 1
                    step-size: 0.2
                """, "'data' and 'model' exclude each other", """
                  - id: annealed
                    type: annealed-langevin
                    data: draws
                    sigma-max: 10
                    sigma-min: 1
                    step-size: 0.2
                """, "'data' needs a 'grid'", """
                  - id: annealed
                    type: annealed-langevin
                    data: draws
                    grid: line
                    noising: ornstein
                    sigma-max: 10
                    sigma-min: 1
                    step-size: 0.2
                """, "'ornstein' is not valid here; valid values are", """
                  - id: annealed
                    type: annealed-langevin
                    data: draws
                    grid: line
                    noising: ornstein-uhlenbeck
                    sigma-max: 10
                    sigma-min: 1
                    step-size: 0.2
                """, "must be cell-centred");
        for (Map.Entry<String, String> misuse : misuses.entrySet()) {
            Path file = write(misuse.getKey());
            InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                    () -> ScenarioReader.caseOf(file, Map.of(), null).read());
            assertTrue(e.getMessage().contains(misuse.getValue()) && e.getMessage().contains("histogram.yaml:2"),
                    e.getMessage());
        }
    }
}
