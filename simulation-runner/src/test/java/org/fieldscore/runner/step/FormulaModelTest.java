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
 * {@code model} with {@code distribution: {type: formula}}: an unnormalised density written as log q. Steps that need
 * exact draws or blurred scores refuse it while validating.
 */
class FormulaModelTest {

    private static final String HEAD = """
            name: formula-model
            description: densities given by formulas
            seed: 4
            parameters:
              width: {default: 0.5, description: standard deviation of the 1-D normal}
            grids:
              plane:
                shape: [21, 21]
                lower: [-3, -3]
                upper: [3, 3]
            steps:
              - id: essay-normal
                type: model
                distribution: {type: mvn, mean: [0, 0], covariance: [[1, 0.5], [0.5, 1]]}
              - id: essay-formula    # log q = -xᵀΣ⁻¹x/2 with Σ⁻¹ = [[4, -2], [-2, 4]]/3, up to a constant
                type: model
                distribution:
                  type: formula
                  dimension: 2
                  log-density: "-(4*x^2 - 4*x*y + 4*y^2)/6"
            """;

    @TempDir
    Path dir;

    private List<StepResult> run(String steps) throws Exception {
        Path file = dir.resolve("formula.yaml");
        Files.writeString(file, HEAD + steps);
        return ScenarioExecutor.run(ScenarioReader.caseOf(file, Map.of(), null).read(), ProgressListener.NONE);
    }

    private static Map<String, Double> metrics(List<StepResult> results, String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().metrics();
    }

    /**
     * The essay's MVN written as a formula has the MVN's score on a grid: fourth-order differences of a quadratic
     * are exact up to rounding, about 1e-16·|log q|/h ≈ 1e-12 here; the bound is 1e-9.
     */
    @Test
    void formulaScoreEqualsTheClosedForm() throws Exception {
        List<StepResult> r = run("""
                  - id: closed-form
                    type: score-field
                    model: essay-normal
                    grid: plane
                  - id: differenced
                    type: score-field
                    model: essay-formula
                    grid: plane
                  - id: same-score
                    type: compare
                    field: differenced
                    expected-field: closed-form
                    metric: max
                    tolerance: 1e-9
                """);
        assertTrue(metrics(r, "same-score").get("max") < 1e-9, metrics(r, "same-score").toString());
        assertEquals(2.0, metrics(r, "essay-formula").get("dimension"));
    }

    /**
     * Langevin dynamics on a 1-D formula density N(1, width²): MALA is exact in distribution, so the mean of 100 chains
     * × 2000 draws is 1 within 5 standard errors; with an effective sample size of at least 10 000 (checked) the
     * standard error is at most 0.5/√10 000 = 0.005, so the tolerance is 0.025.
     */
    @Test
    void langevinSamplesAFormulaDensity() throws Exception {
        List<StepResult> r = run("""
                  - id: narrow
                    type: model
                    distribution: {type: formula, dimension: 1, log-density: "-(x - 1)^2/(2*width^2)"}
                  - id: chains
                    type: langevin
                    model: narrow
                    method: mala
                    step-size: 0.1
                    chains: 100
                    burn-in: 200
                    draws: 2000
                """);
        Map<String, Double> m = metrics(r, "chains");
        assertTrue(m.get("ess-min") >= 10_000, m.toString());
        assertEquals(1.0, m.get("mean-0"), 0.025, m.toString());
    }

    @Test
    void formulaModelsAreCheckedAndCannotBeDrawnFromDirectly() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, HEAD + """
                  - id: bad
                    type: model
                    distribution: {type: formula, dimension: 2, log-density: "-(x^2 + w^2)"}
                """);
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioReader.caseOf(file, Map.of(), null).read());
        assertTrue(e.getMessage().contains("bad.yaml:23") && e.getMessage().contains("unknown variable 'w'"), e.getMessage());
        Map<String, String> misuses = Map.of("""
                  - id: draws
                    type: data
                    from: essay-formula
                    count: 10
                """, "'data.from' needs a model with exact draws", """
                  - id: draws
                    type: data
                    from: essay-normal
                    count: 100
                  - id: check
                    type: diagnostics
                    samples: draws
                    reference: essay-formula
                """, "'diagnostics.reference' needs a model with exact draws", """
                  - id: annealed
                    type: annealed-langevin
                    model: essay-formula
                    sigma-max: 2
                    sigma-min: 0.5
                    step-size: 0.05
                    chains: 10
                    start: {lower: -1, upper: 1}
                """, "'annealed-langevin.model' needs a model with blurred scores");
        for (Map.Entry<String, String> misuse : misuses.entrySet()) {
            Files.writeString(file, HEAD + misuse.getKey());
            InvalidScenarioException f = assertThrows(InvalidScenarioException.class,
                    () -> ScenarioReader.caseOf(file, Map.of(), null).read());
            assertTrue(f.getMessage().contains(misuse.getValue()) && f.getMessage().contains("'essay-formula' is"),
                    f.getMessage());
        }
    }
}
