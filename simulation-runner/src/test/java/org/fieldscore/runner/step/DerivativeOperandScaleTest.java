package org.fieldscore.runner.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.runner.exec.ScenarioExecutor;
import org.fieldscore.runner.output.plot.OperandScale;
import org.fieldscore.runner.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every derivative step hands its pictures the scale of its operand, max|v|·|scale|/h<sup>k</sup> (k = 2 for the
 * Laplacian), by which a result that is rounding is drawn as zero; a field that is no derivative has none.
 */
class DerivativeOperandScaleTest {

    @TempDir
    Path dir;

    @Test
    void gradientCurlDivergenceAndLaplacianCarryTheirOperandsScale() throws Exception {
        Path file = Files.writeString(dir.resolve("d.yaml"), """
                name: d
                grids:
                  box: {shape: [11, 21, 11], lower: [0, 0, 0], upper: [1, 1, 1]}
                steps:
                  - id: phi
                    type: field
                    grid: box
                    expression: "3 + x*y - z"
                  - id: e
                    type: gradient
                    of: phi
                    scale: -2
                  - id: curl-e
                    type: curl
                    of: e
                  - id: div-e
                    type: divergence
                    of: e
                  - id: lap
                    type: laplacian
                    of: phi
                """);
        List<StepResult> results = ScenarioExecutor.run(ScenarioReader.caseOf(file, Map.of(), null).read(),
                ProgressListener.NONE, null);
        double h = 0.05; // the smallest spacing, along y
        double maxPhi = 4; // at x = y = 1, z = 0
        OperandScale gradient = ((StepValue.Vector) results.get(1).value()).operand();
        assertEquals("max|phi|/h", gradient.formula());
        assertEquals(2 * maxPhi / h, gradient.value(), 1e-9, "the factor -2 scales the operand too");
        SampledVectorField e = ((StepValue.Vector) results.get(1).value()).field();
        double maxE = Math.max(e.component(0).maxNorm(), Math.max(e.component(1).maxNorm(), e.component(2).maxNorm()));
        OperandScale curl = ((StepValue.Vector) results.get(2).value()).operand();
        assertEquals("max|e|/h", curl.formula());
        assertEquals(maxE / h, curl.value(), 1e-9);
        assertEquals(maxE / h, ((StepValue.Scalar) results.get(3).value()).operand().value(), 1e-9);
        OperandScale laplacian = ((StepValue.Scalar) results.get(4).value()).operand();
        assertEquals("max|phi|/h²", laplacian.formula());
        assertEquals(maxPhi / (h * h), laplacian.value(), 1e-6);
        assertNull(((StepValue.Scalar) results.get(0).value()).operand(), "a field that is no derivative");
    }
}
