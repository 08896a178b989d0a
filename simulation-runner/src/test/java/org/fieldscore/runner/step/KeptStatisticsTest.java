package org.fieldscore.runner.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.runner.exec.ScenarioExecutor;
import org.fieldscore.runner.input.InvalidScenarioException;
import org.fieldscore.runner.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keep: statistics}: chain steps that keep only mergeable statistics report the same metrics as with their
 * samples kept (to rounding), their histogram is the compare step's histogram of those samples, and the form is
 * validated like every other key.
 */
class KeptStatisticsTest {

    private static final String HEAD = """
            name: kept-statistics
            description: chains summarised instead of kept
            seed: 21
            grids:
              bins: {shape: [30, 20], lower: [-4.5, -3], upper: [4.5, 3], centering: cell}
            steps:
              - id: mixture
                type: model
                distribution: {type: mixture, weights: [0.7, 0.3], means: [[2, 0], [-2, 0]], covariance: [[0.5, 0], [0, 0.5]]}
            """;
    private static final String CHAINS = """
              - id: %s
                type: langevin
                model: mixture
                method: mala
                step-size: 0.3
                chains: 40
                burn-in: 50
                draws: 101
                start: {lower: -3, upper: 3}
                modes: mixture
                seed: 5
            """;
    private static final String ANNEALED = """
              - id: %s
                type: annealed-langevin
                model: mixture
                sigma-max: 4
                sigma-min: 0.05
                levels: 4
                step-size: 0.001
                steps-per-level: 10
                chains: 3000
                modes: mixture
                seed: 6
            """;

    @TempDir
    Path dir;

    private List<StepResult> run(String steps) throws Exception {
        Path file = dir.resolve("kept.yaml");
        Files.writeString(file, HEAD + steps);
        return ScenarioExecutor.run(ScenarioReader.caseOf(file, Map.of(), null).read(), ProgressListener.NONE);
    }

    private static StepResult result(List<StepResult> results, String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Means and variances by Chan's pairwise merge differ from the two-pass sums of the samples by rounding only
     * (≈ 1e-16 × the values' scale × log of the count); the bound 1e-12 leaves room and still fails on any real
     * difference. Counts (modes, acceptance, bins) are exact.
     */
    @Test
    void statisticsEqualTheMetricsOfTheKeptSamples() throws Exception {
        String kept = "    keep: statistics\n    bins: bins\n";
        List<StepResult> r = run(CHAINS.formatted("samples") + CHAINS.formatted("summarised") + kept
                + ANNEALED.formatted("annealed-samples") + ANNEALED.formatted("annealed-summarised") + kept + """
                  - id: histogram
                    type: compare
                    samples: samples
                    bins: bins
                    density: "0"
                    metric: total-variation
                    tolerance: 2
                """);
        for (String[] pair : new String[][] {{"samples", "summarised"}, {"annealed-samples", "annealed-summarised"}}) {
            Map<String, Double> all = result(r, pair[0]).metrics();
            Map<String, Double> merged = result(r, pair[1]).metrics();
            for (String m : merged.keySet()) {
                if (m.equals("outside-fraction")) {
                    continue;
                }
                assertTrue(all.containsKey(m), pair[1] + " reports " + m + ", which the samples do not");
                assertEquals(all.get(m), merged.get(m), 1e-12 * Math.max(1, Math.abs(all.get(m))), pair[1] + "." + m);
            }
            assertFalse(merged.containsKey("ess-min"), "the effective sample size needs the samples");
        }
        assertTrue(result(r, "summarised").metrics().containsKey("rhat-max"));
        assertFalse(result(r, "annealed-summarised").metrics().containsKey("rhat-max"), "one draw per chain");
        SampledScalarField histogram = ((StepValue.Scalar) result(r, "summarised").value()).field();
        double mass = 0;
        for (double v : histogram.copyValues()) {
            mass += v * histogram.grid().cellVolume();
        }
        assertEquals(1 - result(r, "summarised").metrics().get("outside-fraction"), mass, 1e-12,
                "the histogram holds the samples inside the bins");
        assertEquals(40.0 * 101, result(r, "summarised").metrics().get("count"));
    }

    @Test
    void theStatisticsDoNotDependOnTheThreadCount() throws Exception {
        String steps = CHAINS.formatted("summarised") + "    keep: statistics\n    bins: bins\n";
        Map<String, Double> one = new ForkJoinPool(1).submit(() -> result(run(steps), "summarised").metrics()).get();
        Map<String, Double> three = new ForkJoinPool(3).submit(() -> result(run(steps), "summarised").metrics()).get();
        assertEquals(one, three);
    }

    @Test
    void theStatisticsFormIsValidated() {
        String noBins = assertThrows(InvalidScenarioException.class, () -> run(CHAINS.formatted("s")
                + "    keep: statistics\n")).getMessage();
        assertTrue(noBins.contains("kept.yaml:") && noBins.contains("missing required key 'bins'"), noBins);
        String binsWithSamples = assertThrows(InvalidScenarioException.class, () -> run(CHAINS.formatted("s")
                + "    bins: bins\n")).getMessage();
        assertTrue(binsWithSamples.contains("'bins' is the histogram grid of 'keep: statistics'"), binsWithSamples);
        String wrongDimension = assertThrows(InvalidScenarioException.class, () -> run(CHAINS.formatted("s")
                + "    keep: statistics\n    bins: {shape: [10], lower: [-1], upper: [1]}\n")).getMessage();
        assertTrue(wrongDimension.contains("2-D grid"), wrongDimension);
        String paths = assertThrows(InvalidScenarioException.class, () -> run(CHAINS.formatted("s")
                + "    keep: statistics\n    bins: bins\n    keep-paths: 2\n")).getMessage();
        assertTrue(paths.contains("keeps no sample and so no path"), paths);
        String keep = assertThrows(InvalidScenarioException.class, () -> run(CHAINS.formatted("s")
                + "    keep: statistic\n")).getMessage();
        assertTrue(keep.contains("statistics"), keep);
        String asSamples = assertThrows(InvalidScenarioException.class, () -> run(CHAINS.formatted("s")
                + "    keep: statistics\n    bins: bins\n" + """
                  - id: fitted
                    type: fit
                    data: s
                """)).getMessage();
        assertTrue(asSamples.contains("needs samples, but step 's' gives a scalar field"), asSamples);
    }

    @Test
    void manyChainsNeedTheStatisticsForm() throws Exception {
        String tooMany = assertThrows(InvalidScenarioException.class, () -> run(CHAINS.formatted("s")
                .replace("chains: 40", "chains: 20000"))).getMessage();
        assertTrue(tooMany.contains("chains"), tooMany);
        // 250 000 chains of 10 draws are three blocks of 104 857 chains
        List<StepResult> r = run(CHAINS.formatted("many").replace("chains: 40", "chains: 250000")
                .replace("burn-in: 50", "burn-in: 2").replace("draws: 101", "draws: 10").replace("    method: mala\n", "")
                + "    keep: statistics\n    bins: bins\n");
        assertEquals(2_500_000.0, result(r, "many").metrics().get("count"));
    }
}
