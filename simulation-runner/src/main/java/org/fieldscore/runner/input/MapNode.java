package org.fieldscore.runner.input;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fieldscore.runner.text.Suggestions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A mapping of a scenario file: its keys in file order, with checks for duplicate and unknown keys (with "did
 * you mean") and for missing required keys.
 */
public final class MapNode {

    private final ScenarioNode self;
    private final Map<String, ScenarioNode> entries = new LinkedHashMap<>();
    private final Map<String, ScenarioNode> keyNodes = new LinkedHashMap<>();

    MapNode(ScenarioNode self, MappingNode mapping, ReadContext context) {
        this.self = self;
        for (NodeTuple t : mapping.getValue()) {
            ScenarioNode key = new ScenarioNode(t.getKeyNode(), self.path(), context);
            if (!(t.getKeyNode() instanceof ScalarNode k) || key.isNull()) {
                throw key.problem("keys must be plain names, got " + key.kind());
            }
            String name = k.getValue();
            String childPath = self.path().isEmpty() ? name : self.path() + "." + name;
            if (entries.containsKey(name)) {
                throw new ScenarioNode(t.getKeyNode(), childPath, context).problem("duplicate key '" + name
                        + "' (first given at line " + keyNodes.get(name).position().line()
                        + "); each key may appear once in a mapping");
            }
            entries.put(name, new ScenarioNode(t.getValueNode(), childPath, context));
            keyNodes.put(name, new ScenarioNode(t.getKeyNode(), childPath, context));
        }
    }

    /** @return the mapping itself as a node */
    public ScenarioNode node() {
        return self;
    }

    /**
     * Reports every key that is not one of the valid keys, suggesting the closest valid one.
     *
     * @param valid the keys this mapping may have
     * @return this
     */
    public MapNode allow(String... valid) {
        return allow(Arrays.asList(valid));
    }

    /**
     * @param valid the keys this mapping may have
     * @return this
     */
    public MapNode allow(List<String> valid) {
        for (Map.Entry<String, ScenarioNode> e : keyNodes.entrySet()) {
            if (!valid.contains(e.getKey())) {
                e.getValue().report("unknown key '" + e.getKey() + "'." + Suggestions.didYouMean(e.getKey(), valid)
                        + " Valid keys here: " + String.join(", ", valid) + ".");
            }
        }
        return this;
    }

    /** @return the keys in file order */
    public Set<String> keys() {
        return entries.keySet();
    }

    /** @return where each key is written, in file order */
    public Map<String, SourcePosition> keyPositions() {
        Map<String, SourcePosition> positions = new LinkedHashMap<>();
        keyNodes.forEach((name, node) -> positions.put(name, node.position()));
        return positions;
    }

    /**
     * @param key a key
     * @return whether it is present (with a non-null value)
     */
    public boolean has(String key) {
        ScenarioNode n = entries.get(key);
        return n != null && !n.isNull();
    }

    /**
     * @param key a key
     * @return its value, or null when absent or null
     */
    public ScenarioNode get(String key) {
        ScenarioNode n = entries.get(key);
        return n == null || n.isNull() ? null : n;
    }

    /**
     * @param key a key
     * @param what what the value should be, for the message (e.g. "the grid name or an inline grid")
     * @return its value
     * @throws ProblemException when the key is missing
     */
    public ScenarioNode require(String key, String what) {
        ScenarioNode n = get(key);
        if (n == null) {
            throw self.problem("missing required key '" + key + "': " + what);
        }
        return n;
    }

    /** @return the node of a key itself (for problems about the key rather than its value) */
    ScenarioNode keyNode(String key) {
        return keyNodes.get(key);
    }

    /**
     * @param key a key
     * @param fallback value when absent
     * @return the number
     */
    public double number(String key, double fallback) {
        ScenarioNode n = get(key);
        return n == null ? fallback : n.number();
    }

    /**
     * @param key a key
     * @param fallback value when absent
     * @return the positive number
     */
    public double positive(String key, double fallback) {
        ScenarioNode n = get(key);
        return n == null ? fallback : n.positive();
    }

    /**
     * @param key a key
     * @param fallback value when absent
     * @return the boolean
     */
    public boolean bool(String key, boolean fallback) {
        ScenarioNode n = get(key);
        return n == null ? fallback : n.bool();
    }

    /**
     * @param key a key
     * @param fallback value when absent
     * @return the text
     */
    public String string(String key, String fallback) {
        ScenarioNode n = get(key);
        return n == null ? fallback : n.string();
    }

    /**
     * @param key a key
     * @param valid the valid values
     * @param fallback value when absent
     * @return one of the valid values
     */
    public String choice(String key, List<String> valid, String fallback) {
        ScenarioNode n = get(key);
        return n == null ? fallback : n.choice(valid);
    }

    /**
     * @param key a key
     * @param min smallest valid value
     * @param max largest valid value
     * @param fallback value when absent
     * @return the integer
     */
    public int integer(String key, long min, long max, int fallback) {
        ScenarioNode n = get(key);
        return n == null ? fallback : n.integer(min, max);
    }
}
