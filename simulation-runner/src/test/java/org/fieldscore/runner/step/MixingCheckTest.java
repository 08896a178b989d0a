package org.fieldscore.runner.step;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A sampler whose chains did not mix says so; one that mixed, or a step without chains, says nothing. */
class MixingCheckTest {

    @Test
    void theUnmixedTourSettingsAreFlaggedOnBothCounts() {
        String w = MixingCheck.warning(Map.of("rhat-max", 1.015, "ess-min", 150.0, "count", 16000.0)).orElseThrow();
        assertTrue(w.contains("R-hat = 1.015") && w.contains("min ESS = 150 of 16000"), w);
    }

    @Test
    void mixedChainsAndStepsWithoutDiagnosticsPass() {
        assertTrue(MixingCheck.warning(Map.of("rhat-max", 1.0036, "ess-min", 1375.0, "count", 16000.0)).isEmpty());
        assertTrue(MixingCheck.warning(Map.of("count", 2000.0)).isEmpty(), "data steps have no chains");
        assertTrue(MixingCheck.warning(Map.of("rhat-max", 1.001, "ess-min", 100.0, "count", 16000.0)).isPresent(),
                "ESS below 1 % of the draws");
        assertTrue(MixingCheck.warning(Map.of("rhat-max", Double.NaN, "ess-min", 1e4, "count", 16000.0)).isPresent(),
                "an R-hat that is not a number is not a pass");
    }
}
