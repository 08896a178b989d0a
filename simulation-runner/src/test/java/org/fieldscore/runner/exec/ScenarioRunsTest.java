package org.fieldscore.runner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.scenario.ScenarioReader;
import org.fieldscore.runner.step.StepResult;
import org.fieldscore.runner.testing.RunAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The test scenarios run in-process with all their comparisons passing, and runs are reproducible. A test scenario
 * without a comparison is checked on the metrics named in {@link #CHECKED_INSTEAD}; one with neither fails. (The
 * bundled scenarios are run by {@code org.fieldscore.runner.scenarios.BundledScenariosTest}.)
 */
class ScenarioRunsTest {

    static Scenario test(String name, Map<String, String> overrides, Long seed) throws Exception {
        Path file = Path.of(ScenarioRunsTest.class.getResource("/scenarios/" + name + ".yaml").toURI());
        return ScenarioReader.caseOf(file, overrides, seed).read();
    }

    /**
     * Test scenarios without a comparison, and what their runs are checked on instead: metrics, as step.metric, that
     * must exist and be finite. (langevin-small exists for the reproducibility tests and compares nothing.)
     */
    static final Map<String, List<String>> CHECKED_INSTEAD = Map.of(
            "langevin-small", List.of("chain.mean-0", "chain.rhat-max", "chain.ess-min", "chain.acceptance-rate"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tiny", "pde-small", "langevin-small", "modes-small", "both-halves"})
    void testScenarioPasses(String name) throws Exception {
        List<StepResult> results = ScenarioExecutor.run(test(name, Map.of(), null), ProgressListener.NONE);
        RunAssertions.assertChecked(name, results, CHECKED_INSTEAD.getOrDefault(name, List.of()));
    }

    /** A run without a comparison fails the check unless named metrics, present and finite, are asserted instead. */
    @Test
    void aRunWithoutComparisonsIsCheckedOnlyOnNamedMetrics() throws Exception {
        List<StepResult> results = ScenarioExecutor.run(test("langevin-small", Map.of(), null), ProgressListener.NONE);
        assertTrue(results.stream().allMatch(r -> r.verdict() == null), "langevin-small compares nothing");
        AssertionError none = assertThrows(AssertionError.class,
                () -> RunAssertions.assertChecked("langevin-small", results, List.of()));
        assertTrue(none.getMessage().contains("no comparison"), none.getMessage());
        assertThrows(AssertionError.class,
                () -> RunAssertions.assertChecked("langevin-small", results, List.of("chain.no-such-metric")));
        assertThrows(AssertionError.class,
                () -> RunAssertions.assertChecked("langevin-small", results, List.of("no-such-step.mean-0")));
    }

    @Test
    void sameSeedGivesTheSameNumbersAndAnotherSeedOthers() throws Exception {
        List<StepResult> a = ScenarioExecutor.run(test("langevin-small", Map.of(), null), ProgressListener.NONE);
        List<StepResult> b = ScenarioExecutor.run(test("langevin-small", Map.of(), null), ProgressListener.NONE);
        List<StepResult> c = ScenarioExecutor.run(test("langevin-small", Map.of(), 12345L), ProgressListener.NONE);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).metrics(), b.get(i).metrics(), a.get(i).id());
        }
        assertNotEquals(a.get(1).metrics().get("mean-0"), c.get(1).metrics().get("mean-0"), "draws depend on the seed");
        assertNotEquals(a.get(3).metrics().get("mean-0"), c.get(3).metrics().get("mean-0"), "chains depend on it");
    }

    @Test
    void aStepsStreamDependsOnItsIdNotOnOtherSteps() throws Exception {
        // the chain of langevin-small without the data and fit steps before it would see the same seed
        Scenario s = test("langevin-small", Map.of(), null);
        org.fieldscore.runner.step.RunContext context = new org.fieldscore.runner.step.RunContext(s.seed(), null,
                s.language(), ProgressListener.NONE);
        org.fieldscore.runner.step.RunContext other = new org.fieldscore.runner.step.RunContext(s.seed(), null,
                s.language(), ProgressListener.NONE);
        assertEquals(context.seedFor("chain"), other.seedFor("chain"));
        assertNotEquals(context.seedFor("chain"), context.seedFor("data"));
    }
}
