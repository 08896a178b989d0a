package org.fieldscore.runner.scenario;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fieldscore.runner.input.InvalidScenarioException;
import org.fieldscore.runner.input.SourcePosition;

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
 * @param origins where an override other than {@code --set} is declared in the file, by parameter (the study
 *     sweep's key of that parameter), so that a refused value is reported there; an override without an entry came
 *     from {@code --set}
 */
public record ScenarioCase(String file, String text, String baseDirectory, Map<String, String> overrides,
        Long seed, Map<String, SourcePosition> origins) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the overrides, keeping their order. */
    public ScenarioCase {
        overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        origins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    /**
     * A case whose overrides all come from {@code --set}.
     *
     * @param file the file name used in messages
     * @param text the YAML text
     * @param baseDirectory the data folder, or null
     * @param overrides parameter overrides
     * @param seed the seed override, or null
     */
    public ScenarioCase(String file, String text, String baseDirectory, Map<String, String> overrides, Long seed) {
        this(file, text, baseDirectory, overrides, seed, Map.of());
    }

    /**
     * @param name a parameter
     * @return where its override is declared in the file (what {@link #swept} recorded), or null when it came from
     *     {@code --set}
     */
    public SourcePosition originOf(String name) {
        return origins.get(name);
    }

    /**
     * @param name a parameter
     * @param value its value
     * @param origin where the value is declared in the file (the study sweep's key of the parameter)
     * @return this case with one more override from that origin
     */
    public ScenarioCase swept(String name, String value, SourcePosition origin) {
        Map<String, String> o = new LinkedHashMap<>(overrides);
        o.put(name, value);
        Map<String, SourcePosition> from = new LinkedHashMap<>(origins);
        from.put(name, origin);
        return new ScenarioCase(file, text, baseDirectory, o, seed, from);
    }

    /**
     * @param name a parameter
     * @param value its value
     * @return this case with one more override
     */
    public ScenarioCase with(String name, String value) {
        Map<String, String> o = new LinkedHashMap<>(overrides);
        o.put(name, value);
        Map<String, SourcePosition> from = new LinkedHashMap<>(origins);
        from.remove(name);
        return new ScenarioCase(file, text, baseDirectory, o, seed, from);
    }

    /**
     * @return the checked scenario
     * @throws InvalidScenarioException when the text or the overrides are invalid
     */
    public Scenario read() throws InvalidScenarioException {
        return ScenarioReader.read(this, text.getBytes(StandardCharsets.UTF_8));
    }
}
