package org.fieldscore.runner.scenario;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fieldscore.runner.input.InvalidScenarioException;

/**
 * One self-contained unit of work: the scenario text, where it came from, the parameter overrides and the seed.
 * Reading it gives the same {@link Scenario} on any machine, and running that scenario gives the same numbers,
 * so studies can run cases in parallel, on other machines, and resume. Immutable and serialisable.
 *
 * @param file the file name used in messages (or the bundled scenario's name)
 * @param text the scenario's YAML text
 * @param baseDirectory the folder relative data paths are resolved against (absolute path as text), or null for
 *     a bundled scenario
 * @param overrides parameter overrides name → value (as given to --set), in order
 * @param seed the seed override, or null to use the scenario's own
 */
public record ScenarioCase(String file, String text, String baseDirectory, Map<String, String> overrides,
        Long seed) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the overrides, keeping their order. */
    public ScenarioCase {
        overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /**
     * @param name a parameter
     * @param value its value
     * @return this case with one more override
     */
    public ScenarioCase with(String name, String value) {
        Map<String, String> o = new LinkedHashMap<>(overrides);
        o.put(name, value);
        return new ScenarioCase(file, text, baseDirectory, o, seed);
    }

    /**
     * @return the checked scenario
     * @throws InvalidScenarioException when the text or the overrides are invalid
     */
    public Scenario read() throws InvalidScenarioException {
        return ScenarioReader.read(this, text.getBytes(StandardCharsets.UTF_8));
    }
}
