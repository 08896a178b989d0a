package org.fieldscore.runner.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.input.InvalidScenarioException;
import org.fieldscore.runner.input.ScenarioText;
import org.fieldscore.runner.scenario.ScenarioCase;

/**
 * The scenarios shipped in the runner's resources under {@value #FOLDER}, listed in the file {@code index}
 * (one name per line).
 */
public final class BundledScenarios {

    /** Resource folder of the bundled scenarios. */
    public static final String FOLDER = "/org/fieldscore/runner/scenarios/";

    /** Former names that still run, each mapped to the scenario it now names. */
    private static final Map<String, String> ALIASES = Map.of("seed-tour", "tour");

    private BundledScenarios() {
    }

    /** @return the names of the bundled scenarios, in the index's order */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String line : read("index").split("\n")) {
            String n = line.strip();
            if (!n.isEmpty() && !n.startsWith("#")) {
                names.add(n);
            }
        }
        return names;
    }

    /**
     * @param name a bundled scenario's name or a former name of one
     * @return whether it names a bundled scenario
     */
    public static boolean contains(String name) {
        return names().contains(canonical(name));
    }

    /**
     * @param name a bundled scenario's name or a former name of one
     * @return the scenario's current name
     */
    public static String canonical(String name) {
        return ALIASES.getOrDefault(name, name);
    }

    /**
     * @param name a bundled scenario's name (or a former name of one)
     * @return its YAML text
     */
    public static String text(String name) {
        String current = canonical(name);
        if (!names().contains(current)) {
            throw new IllegalArgumentException("no bundled scenario named '" + name + "'; bundled: " + names());
        }
        return read(current + ".yaml");
    }

    /**
     * @param name a bundled scenario's name
     * @param overrides parameter overrides
     * @param seed seed override, or null
     * @return the case
     * @throws InvalidScenarioException when the bundled text is not valid text (a packaging error)
     */
    public static ScenarioCase caseOf(String name, Map<String, String> overrides, Long seed)
            throws InvalidScenarioException {
        String file = canonical(name) + ".yaml";
        String text = ScenarioText.decode(file, text(name).getBytes(StandardCharsets.UTF_8));
        return new ScenarioCase(file, text, null, overrides, seed);
    }

    private static String read(String resource) {
        try (InputStream in = BundledScenarios.class.getResourceAsStream(FOLDER + resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + FOLDER + resource + " is missing from the runner");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
