package org.fieldscore.runner.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.fieldscore.runner.step.StepTypes;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shipped JSON Schema describes exactly the keys the reader accepts. */
class ScenarioSchemaTest {

    private static JsonNode schema() throws Exception {
        try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream(
                "/org/fieldscore/runner/scenario.schema.json")) {
            assertNotNull(in, "scenario.schema.json is shipped in the runner's resources");
            return new ObjectMapper().readTree(in);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void topLevelKeysMatchTheReader() throws Exception {
        assertEquals(new TreeSet<>(ScenarioReader.TOP_KEYS), names(schema().get("properties")));
    }

    @Test
    void everyStepTypeHasExactlyItsKeys() throws Exception {
        List<String> inSchema = new ArrayList<>();
        for (JsonNode step : schema().get("$defs").get("step").get("anyOf")) {
            String type = step.get("properties").get("type").get("const").asText();
            inSchema.add(type);
            assertEquals(new TreeSet<>(StepTypes.keys(type)), names(step.get("properties")), "keys of " + type);
        }
        assertEquals(new HashSet<>(StepTypes.names()), new HashSet<>(inSchema), "step types");
    }
}
