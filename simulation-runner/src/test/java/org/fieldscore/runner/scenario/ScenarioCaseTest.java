package org.fieldscore.runner.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;

import org.fieldscore.runner.cli.BundledScenarios;
import org.fieldscore.runner.input.InvalidScenarioException;
import org.junit.jupiter.api.Test;

/** A case (scenario text, overrides, seed) is a self-contained unit of work that survives serialisation. */
class ScenarioCaseTest {

    @Test
    void aSerialisedCaseReadsBackToTheSameScenario() throws Exception {
        ScenarioCase original = BundledScenarios.caseOf("tour", Map.of("n", "41"), 77L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        ScenarioCase copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ScenarioCase) in.readObject();
        }
        assertEquals(original, copy);
        Scenario a = original.read();
        Scenario b = copy.read();
        assertEquals(77, b.seed());
        assertEquals(41.0, b.parameters().get("n"));
        assertEquals(a.resolved(), b.resolved());
        assertEquals(a.plans().keySet(), b.plans().keySet());
        assertEquals(a.estimatedBytes(), b.estimatedBytes());
    }

    @Test
    void overridesAreCheckedLikeTheFile() throws Exception {
        ScenarioCase bad = BundledScenarios.caseOf("tour", Map.of(), null).with("n", "1");
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, bad::read);
        assertTrue(e.getMessage().contains("shape[0]") && e.getMessage().contains(">= 2"), e.getMessage());
    }
}
