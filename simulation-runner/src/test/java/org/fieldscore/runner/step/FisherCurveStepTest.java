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

/** The {@code fisher-curve} step: it draws the Fisher divergence a diffusion network reports per t. */
class FisherCurveStepTest {

    private static final String NETWORK = """
            name: fisher-curve
            description: the Fisher divergence of a small diffusion network over t
            seed: 3
            steps:
            """ + MixtureScenarios.mixtureAndData("mixture", 5, 300) + """
              - id: net
                type: diffusion-network
                data: data
                sde: vp
                hidden: [8]
                steps: 20
                batch: 32
            """;

    @TempDir
    Path dir;

    @Test
    void theCurveHoldsTheNetworksFisherDivergences() throws Exception {
        Path file = dir.resolve("curve.yaml");
        Files.writeString(file, NETWORK + """
                    truth: mixture
                    times: [0.1, 0.5, 1]
                  - id: curve
                    type: fisher-curve
                    network: net
                """);
        List<StepResult> results = ScenarioExecutor.run(ScenarioReader.caseOf(file, Map.of(), null).read(),
                ProgressListener.NONE);
        Map<String, Double> net = results.get(results.size() - 2).metrics();
        StepResult curve = results.get(results.size() - 1);
        double largest = Math.max(net.get("fisher-divergence-t0"), Math.max(net.get("fisher-divergence-t1"),
                net.get("fisher-divergence-t2")));
        double smallest = Math.min(net.get("fisher-divergence-t0"), Math.min(net.get("fisher-divergence-t1"),
                net.get("fisher-divergence-t2")));
        assertEquals(largest, curve.metrics().get("largest"));
        assertEquals(smallest, curve.metrics().get("smallest"));
        assertTrue(smallest > 0, "a 20-step network is not the exact score: " + smallest);
        assertTrue(curve.value() instanceof StepValue.Picture);
    }

    @Test
    void aNetworkWithoutTruthIsRefused() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, NETWORK + """
                  - id: curve
                    type: fisher-curve
                    network: net
                """);
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioReader.caseOf(file, Map.of(), null).read());
        assertTrue(e.getMessage().contains("needs a diffusion-network step with 'truth'"), e.getMessage());
        assertTrue(e.getMessage().contains("network"), e.getMessage());
    }
}
