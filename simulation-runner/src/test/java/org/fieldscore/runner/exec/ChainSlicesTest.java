package org.fieldscore.runner.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.runner.scenario.ScenarioCase;
import org.fieldscore.runner.step.StepResult;
import org.fieldscore.runner.step.StepValue;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.EnsembleStatistics;
import org.junit.jupiter.api.Test;

/**
 * Slices run where an engine places them equal the whole run, and the steps behind a chain step (here a fit) run
 * once per JVM for all the slices of a case, not once per slice.
 */
class ChainSlicesTest {

    private static final String TEXT = """
            name: slices
            description: a fitted normal sampled in slices
            seed: 3
            steps:
              - id: truth
                type: model
                distribution: {type: mvn, mean: [1, -1], covariance: [[1, 0.3], [0.3, 0.5]]}
              - id: data
                type: data
                from: truth
                count: 500
              - id: fitted
                type: fit
                data: data
              - id: chains
                type: langevin
                model: fitted
                step-size: 0.1
                chains: 30
                burn-in: 20
                draws: 40
              - id: summarised
                type: langevin
                model: fitted
                step-size: 0.1
                chains: 30
                burn-in: 20
                draws: 40
                seed: 8
                keep: statistics
                bins: {shape: [10, 10], lower: [-3, -4], upper: [5, 2], centering: cell}
            """;

    private static ScenarioCase scenario(String text) {
        return new ScenarioCase("slices.yaml", text, null, Map.of(), null);
    }

    @Test
    void slicesEqualTheWholeRunAndShareOnePreparation() throws Exception {
        ScenarioCase c = scenario(TEXT);
        List<StepResult> whole = ScenarioExecutor.run(c.read(), ProgressListener.NONE);
        int before = ChainSlices.preparations();
        ChainSamples first = ChainSlices.samples(c, "chains", 0, 11);
        ChainSamples rest = ChainSlices.samples(c, "chains", 11, 30);
        assertEquals(before + 1, ChainSlices.preparations(), "the fit ran once for both slices");
        double[] all = ChainSamples.concatenate(List.of(first, rest)).copyValues();
        assertArrayEquals(((StepValue.Samples) whole.get(3).value()).points(), all, 0.0);
        EnsembleStatistics s = ChainSlices.statistics(c, "summarised", 0, 30);
        assertEquals(before + 2, ChainSlices.preparations(), "another step: another preparation");
        assertEquals(whole.get(4).metrics().get("mean-0"), s.mean(0), 0.0);
        ChainSlices.forget();
        ChainSlices.samples(c, "chains", 0, 5);
        assertEquals(before + 3, ChainSlices.preparations(), "forgotten preparations run again");
    }
}
