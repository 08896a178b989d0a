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

/** The {@code score-network} step: what the trained networks learn, their use by the samplers, and bad input. */
class ScoreNetworkStepTest {

    /** A normal N(0, I) in 2-D and 4000 draws from it. */
    private static final String NORMAL_DATA = """
            name: network-test
            description: score networks on a standard normal
            seed: 5
            steps:
              - id: normal
                type: model
                distribution: {type: mvn, mean: [0, 0], covariance: [[1, 0], [0, 1]]}
              - id: data
                type: data
                from: normal
                count: 4000
            """;

    /** The 80/20 two-regime mixture of the bimodal scenario, with 4000 draws. */
    private static final String MIXTURE_DATA = """
            name: network-modes-test
            description: a noise-conditional network on a two-regime mixture
            seed: 11
            steps:
            """ + MixtureScenarios.mixtureAndData("regimes", 5, 4000);

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = Files.createTempFile(dir, "scenario", ".yaml");
        Files.writeString(file, text);
        return file;
    }

    private Map<String, Map<String, Double>> run(String text) throws Exception {
        List<StepResult> results = ScenarioExecutor.run(ScenarioReader.caseOf(write(text), Map.of(), null).read(),
                ProgressListener.NONE);
        Map<String, Map<String, Double>> metrics = new java.util.LinkedHashMap<>();
        for (StepResult r : results) {
            metrics.put(r.id(), r.metrics());
        }
        return metrics;
    }

    private String problems(String text) throws Exception {
        Path file = write(text);
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioReader.caseOf(file, Map.of(), null).read());
        return e.getMessage();
    }

    @Test
    void slicedScoreMatchingLearnsTheScoreOfANormal() throws Exception {
        Map<String, Map<String, Double>> m = run(NORMAL_DATA + """
                  - id: net
                    type: score-network
                    data: data
                    hidden: [32, 32]
                    steps: 1500
                    learning-rate: 0.003
                    truth: normal
                """);
        Map<String, Double> net = m.get("net");
        // 2-32-32-2: (2+1)·32 + (32+1)·32 + (32+1)·2 weights and biases
        assertEquals(3 * 32 + 33 * 32 + 33 * 2, net.get("parameters"));
        // The untrained network's Fisher divergence is of order 1 (½E‖x‖² alone is 1). With 4000 points the
        // estimation error of the fitted score is of order d²/T ≈ 1e-3; the bound 0.05 leaves room for the
        // network's approximation error (0.008 observed with this seed).
        assertTrue(net.get("fisher-divergence") < 0.05, "Fisher divergence " + net.get("fisher-divergence"));
        // sliced-VR loss estimates E[tr ∇s + ½‖s‖²] = −½E‖S‖² = −d/2 = −1 at the optimum, up to batch noise
        // (standard deviation of a batch mean about 0.1, averaged over 150 steps)
        assertEquals(-1.0, net.get("final-loss"), 0.1);
    }

    @Test
    void denoisingLearnsTheScoreOfTheBlurredDensityNotTheData() throws Exception {
        // Vincent's objective at σ has its minimum at the score of p ∗ N(0, σ²I) = N(0, (1 + σ²)I): −x/1.25 here.
        // Its Fisher divergence to the unblurred N(0, I) is ½E‖x − x/1.25‖² = ½·0.2²·2 = 0.04 exactly, so the
        // network must be much closer to the blurred truth than to the data's own score.
        Map<String, Map<String, Double>> m = run(NORMAL_DATA + """
                  - id: blurred
                    type: model
                    distribution: {type: mvn, mean: [0, 0], covariance: [[1.25, 0], [0, 1.25]]}
                  - id: to-blurred
                    type: score-network
                    data: data
                    objective: denoising
                    noise: 0.5
                    hidden: [32, 32]
                    steps: 1500
                    learning-rate: 0.003
                    seed: 3
                    truth: blurred
                  - id: to-data
                    type: score-network
                    data: data
                    objective: denoising
                    noise: 0.5
                    hidden: [32, 32]
                    steps: 1500
                    learning-rate: 0.003
                    seed: 3
                    truth: normal
                """);
        double blurred = m.get("to-blurred").get("fisher-divergence");
        double data = m.get("to-data").get("fisher-divergence");
        // observed 0.007 to the blurred and 0.038 to the data density with this seed
        assertTrue(blurred < 0.015, "Fisher divergence to the blurred density " + blurred);
        assertEquals(0.04, data, 0.02, "Fisher divergence to the data density");
    }

    @Test
    void sameSeedSameNetworkAnotherSeedAnother() throws Exception {
        String steps = """
                  - id: net
                    type: score-network
                    data: data
                    hidden: [8]
                    steps: 200
                    seed: %d
                    truth: normal
                """;
        double a = run(NORMAL_DATA + steps.formatted(1)).get("net").get("fisher-divergence");
        double b = run(NORMAL_DATA + steps.formatted(1)).get("net").get("fisher-divergence");
        double c = run(NORMAL_DATA + steps.formatted(2)).get("net").get("fisher-divergence");
        assertEquals(a, b, 0.0);
        assertTrue(a != c, "another seed trains another network");
    }

    @Test
    void noiseConditionalNetworkDrivesAnnealedLangevinAndTheOtherSamplers() throws Exception {
        Map<String, Map<String, Double>> m = run(MIXTURE_DATA + """
                  - id: net
                    type: score-network
                    data: data
                    objective: noise-conditional
                    sigma-max: 10
                    sigma-min: 0.5
                    levels: 10
                    hidden: [32, 32]
                    steps: 1500
                    batch: 256
                    learning-rate: 0.003
                    truth: regimes
                  - id: annealed
                    type: annealed-langevin
                    model: net
                    sigma-max: 10
                    sigma-min: 0.5
                    levels: 20
                    step-size: 0.05
                    steps-per-level: 50
                    chains: 400
                    start: {lower: -10, upper: 10}
                    modes: regimes
                  - id: plain
                    type: langevin
                    model: net
                    step-size: 0.1
                    chains: 400
                    burn-in: 300
                    draws: 4
                    start: {lower: -10, upper: 10}
                    modes: regimes
                """);
        // Plain chains keep the regime they start in: about half of them (0.507 of the square lies in the wet
        // basin; standard deviation over 400 chains 0.025). Annealed chains cross between regimes at high noise:
        // the learned score puts 0.82 to 0.92 of them in the wet regime over the training settings tried (the
        // exact score gives 0.79), far from the 0.5 of plain chains.
        assertEquals(10.0, m.get("net").get("sigma-max"));
        assertEquals(0.5, m.get("net").get("sigma-min"));
        assertEquals(10.0, m.get("net").get("noise-levels"));
        double plain = m.get("plain").get("mode-fraction-0");
        double annealed = m.get("annealed").get("mode-fraction-0");
        assertEquals(0.507, plain, 0.1, "plain Langevin");
        assertTrue(annealed > 0.7 && annealed < 0.97, "annealed Langevin with the learned score " + annealed);
        // the network at its smallest level σ = 0.5 against the unblurred mixture: the blur alone contributes
        // ½E‖0.2(x − μ)‖² = 0.04; observed 0.02 to 0.07
        assertTrue(m.get("net").get("fisher-divergence") < 0.2, "Fisher divergence " + m.get("net"));
    }

    @Test
    void annealedLangevinRefusesANetworkWithoutNoiseLevelsBeforeRunning() throws Exception {
        String message = problems(NORMAL_DATA + """
                  - id: net
                    type: score-network
                    data: data
                    hidden: [4]
                    steps: 5
                  - id: annealed
                    type: annealed-langevin
                    model: net
                    sigma-max: 2
                    sigma-min: 0.5
                    step-size: 0.01
                """);
        assertTrue(message.contains("one noise level") && message.contains("objective: noise-conditional"),
                message);
    }

    @Test
    void badDeclarationsAreNamed() throws Exception {
        String net = NORMAL_DATA + """
                  - id: net
                    type: score-network
                """;
        assertTrue(problems(net + "    data: data\n    noise: 0.1\n").contains("'noise' belongs to"));
        assertTrue(problems(net + "    data: data\n    objective: denoising\n").contains("noise"));
        assertTrue(problems(net + "    data: data\n    objective: noise-conditional\n    sigma-max: 1\n    sigma-min: 2\n")
                .contains("sigma-min must be below sigma-max"));
        assertTrue(problems(net + "    data: data\n    sigma-max: 1\n").contains("belongs to 'objective:"
                + " noise-conditional'"));
        assertTrue(problems(net + "    data: data\n    objective: noise-conditional\n    noise: 1\n")
                .contains("give 'sigma-max'"));
        assertTrue(problems(net + "    data: data\n    objective: adversarial\n").contains("sliced-vr"));
        assertTrue(problems(net + "    data: data\n    hidden: [0]\n").contains("between 1 and 4096"));
        assertTrue(problems(net + "    data: normal\n").contains("needs samples"));
        assertTrue(problems(net + "    data: data\n    learning-rate: -1\n").contains("> 0"));
        String oneDimensional = """
                  - id: line
                    type: model
                    distribution: {type: mvn, mean: [0], covariance: [[1]]}
                """;
        assertTrue(problems(NORMAL_DATA + oneDimensional + """
                  - id: net
                    type: score-network
                    data: data
                    truth: line
                """).contains("1-dimensional"));
    }
}
