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

/** The {@code modes} key of a {@code data} step: the share of points in each mixture component's mode. */
class DataModesTest {

    private static final String MODELS = """
            name: data-modes
            description: mode fractions of data
            seed: 8
            steps:
              - id: three
                type: model
                distribution:
                  type: mixture
                  weights: [0.5, 0.3, 0.2]
                  means: [[0, 6], [6, 0], [-6, -6]]
                  covariance: [[1, 0], [0, 1]]
              - id: normal
                type: model
                distribution: {type: mvn, mean: [0, 0], covariance: [[1, 0], [0, 1]]}
            """;

    @TempDir
    Path dir;

    @Test
    void fractionsOfDrawsFromAMixtureAreItsWeights() throws Exception {
        Path file = dir.resolve("modes.yaml");
        Files.writeString(file, MODELS + """
                  - id: draws
                    type: data
                    from: three
                    count: 10000
                    modes: three
                """);
        List<StepResult> results = ScenarioExecutor.run(ScenarioReader.caseOf(file, Map.of(), null).read(),
                ProgressListener.NONE);
        Map<String, Double> m = results.get(results.size() - 1).metrics();
        // Components 6 to 8.5 standard deviations apart: a draw is attributed to another component with
        // probability below 1e-8, so each fraction is binomial, standard deviation √(w(1 − w)/10000) ≤ 0.005;
        // the tolerance is 4 of those.
        double[] weights = {0.5, 0.3, 0.2};
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            double f = m.get("mode-fraction-" + k);
            assertEquals(weights[k], f, 4 * Math.sqrt(weights[k] * (1 - weights[k]) / 10000), "component " + k);
            sum += f;
        }
        assertEquals(1.0, sum, 1e-12);
    }

    @Test
    void modesMustBeAMixtureOfTheDataDimension() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, MODELS + """
                  - id: draws
                    type: data
                    from: three
                    count: 10
                    modes: normal
                """);
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioReader.caseOf(file, Map.of(), null).read());
        assertTrue(e.getMessage().contains("'modes' needs a mixture model step"), e.getMessage());
    }
}
