package org.fieldscore.runner.input;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.fieldscore.runner.expr.ExpressionException;
import org.fieldscore.runner.expr.Formula;
import org.fieldscore.runner.text.Suggestions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One value of a scenario file with its key path and position, and typed readers that turn it into numbers,
 * names, lists or formulas or fail with a {@link ProblemException} naming file, line, key and what would be valid.
 *
 * <p>Numbers may be written as literals or as expressions over the scenario's parameters and the named constants
 * ({@code n}, {@code "2*n + 1"}, {@code "1/eps0"}).
 */
public final class ScenarioNode {

    private static final java.util.Set<Tag> PLAIN_TAGS = java.util.Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL,
            Tag.NULL, Tag.MAP, Tag.SEQ, Tag.TIMESTAMP);

    private final Node node;
    private final String path;
    private final ReadContext context;

    ScenarioNode(Node node, String path, ReadContext context) {
        this.node = node;
        this.path = path;
        this.context = context;
        context.visit(this);
        Tag tag = node.getTag();
        if (!PLAIN_TAGS.contains(tag)) {
            throw problem("the tag " + tag.getValue()
                    + " is not allowed; scenarios use plain YAML values (numbers, text, true/false, lists, mappings)");
        }
    }

    /** @return the key path, e.g. {@code steps[2].grid} */
    public String path() {
        return path;
    }

    /** @return where this value starts */
    public SourcePosition position() {
        return YamlLoader.position(context.file(), node.getStartMark());
    }

    /**
     * @param message what is wrong and what would be valid
     * @return an exception to throw, located at this value
     */
    public ProblemException problem(String message) {
        return new ProblemException(new Problem(position(), path, message));
    }

    /**
     * A problem inside this value's expression, located at the character the expression names: the column of the
     * file where that character is (for a value on one line), else the value's start.
     */
    private ProblemException problemAt(ExpressionException e, String message) {
        SourcePosition start = position();
        if (e.offset() < 0 || !(node instanceof ScalarNode s) || s.getValue().contains("\n")
                || node.getStartMark().getLine() != node.getEndMark().getLine()) {
            return problem(message);
        }
        int quote = s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN ? 0 : 1;
        SourcePosition at = new SourcePosition(start.file(), start.line(), start.column() + quote + e.offset());
        return new ProblemException(new Problem(at, path, message));
    }

    /** Records a problem at this value without stopping the reader. */
    void report(String message) {
        context.report(new Problem(position(), path, message));
    }

    /** @return whether the value is YAML null (~, null or nothing) */
    public boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /** @return whether the value is a mapping */
    public boolean isMap() {
        return node instanceof MappingNode;
    }

    /** @return whether the value is a list */
    public boolean isList() {
        return node instanceof SequenceNode;
    }

    /** @return whether the value is a single scalar (number, text, boolean) */
    public boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    /** @return whether the value is a number written as a literal (not an expression) */
    public boolean isNumberLiteral() {
        return node instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT));
    }

    /** @return the value read as a mapping */
    public MapNode map() {
        if (!(node instanceof MappingNode m)) {
            throw problem("expected a mapping of 'key: value' pairs, got " + kind());
        }
        return new MapNode(this, m, context);
    }

    /** @return the items of a list */
    public List<ScenarioNode> list() {
        if (!(node instanceof SequenceNode s)) {
            throw problem("expected a list ('- item' lines or [a, b, ...]), got " + kind());
        }
        List<ScenarioNode> items = new ArrayList<>();
        List<Node> values = s.getValue();
        for (int i = 0; i < values.size(); i++) {
            items.add(new ScenarioNode(values.get(i), path + "[" + i + "]", context));
        }
        return items;
    }

    /**
     * @param min fewest items
     * @param max most items
     * @return the items of a list with a length in [min, max]
     */
    public List<ScenarioNode> list(int min, int max) {
        List<ScenarioNode> items = list();
        if (items.size() < min || items.size() > max) {
            throw problem("expected a list of " + (min == max ? String.valueOf(min) : min + " to " + max)
                    + " items, got " + items.size());
        }
        return items;
    }

    /** @return the text of a scalar */
    public String string() {
        if (!(node instanceof ScalarNode s) || isNull()) {
            throw problem("expected a single value, got " + kind());
        }
        return s.getValue();
    }

    /** @return a name: letters, digits, '-' and '_', starting with a letter */
    public String identifier() {
        String s = string();
        if (!s.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw problem("'" + s + "' is not a valid name; valid names start with a letter and use letters, digits,"
                    + " '-' and '_'");
        }
        return s;
    }

    /** @return true or false */
    public boolean bool() {
        if (!(node instanceof ScalarNode s) || !s.getTag().equals(Tag.BOOL)) {
            throw problem("expected true or false, got " + kind());
        }
        return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT))
                || s.getValue().equalsIgnoreCase("yes") || s.getValue().equalsIgnoreCase("on");
    }

    /** @return a finite number (a literal or an expression over parameters and constants) */
    public double number() {
        if (!(node instanceof ScalarNode s) || isNull()) {
            throw problem("expected a number, got " + kind());
        }
        double v;
        if (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT)) {
            try {
                v = Double.parseDouble(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                throw problem("'" + s.getValue() + "' is not a number Java can read; write e.g. 42, 0.5 or 1e-3");
            }
        } else if (s.getTag().equals(Tag.BOOL)) {
            throw problem("expected a number, got the boolean " + s.getValue());
        } else {
            try {
                v = context.language().evaluate(s.getValue());
            } catch (ExpressionException e) {
                throw problemAt(e, "expected a number or an expression over parameters and constants: "
                        + e.getMessage());
            }
        }
        if (!Double.isFinite(v)) {
            throw problem("the value " + s.getValue() + " is not finite (" + v + "); valid: a finite number");
        }
        return v;
    }

    /** @return a number &gt; 0 */
    public double positive() {
        double v = number();
        if (!(v > 0)) {
            throw problem("must be > 0, got " + v);
        }
        return v;
    }

    /** @return a number ≥ 0 */
    public double nonNegative() {
        double v = number();
        if (!(v >= 0)) {
            throw problem("must be >= 0, got " + v);
        }
        return v;
    }

    /**
     * @param min smallest valid value
     * @param max largest valid value
     * @return an integer in [min, max]
     */
    public int integer(long min, long max) {
        double v = number();
        if (v != Math.rint(v)) {
            throw problem("expected a whole number, got " + v);
        }
        if (v < min || v > max) {
            throw problem("must be between " + min + " and " + max + ", got " + (long) v);
        }
        return (int) v;
    }

    /** @return a whole number (long range) */
    public long longValue() {
        double v = number();
        if (v != Math.rint(v) || Math.abs(v) > 9.007199254740992E15) {
            throw problem("expected a whole number below 2^53 in size, got " + v);
        }
        return (long) v;
    }

    /**
     * @param n how many numbers
     * @return a list of exactly n numbers, or a single number repeated n times
     */
    public double[] numbers(int n) {
        double[] out = new double[n];
        if (isScalar()) {
            java.util.Arrays.fill(out, number());
            return out;
        }
        List<ScenarioNode> items = list(n, n);
        for (int i = 0; i < n; i++) {
            out[i] = items.get(i).number();
        }
        return out;
    }

    /** @return a list of numbers of any length ≥ 1 */
    public double[] numbers() {
        List<ScenarioNode> items = list();
        if (items.isEmpty()) {
            throw problem("expected a non-empty list of numbers");
        }
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.get(i).number();
        }
        return out;
    }

    /**
     * @param valid the valid values
     * @return the value, which must be one of valid exactly as written (names are case-sensitive, as in the
     *     JSON schema); a value that differs only in case is refused with the right spelling
     */
    public String choice(Collection<String> valid) {
        String s = string();
        if (valid.contains(s)) {
            return s;
        }
        throw problem("'" + s + "' is not valid here; valid values are " + Suggestions.listing(valid) + "."
                + Suggestions.didYouMean(s, valid));
    }

    /**
     * @param variables the variables the formula may use besides parameters and constants
     * @return the compiled formula; a number literal is accepted too
     */
    public Formula formula(List<String> variables) {
        String text = string();
        try {
            return context.language().compile(text, variables);
        } catch (ExpressionException e) {
            throw problemAt(e, e.getMessage());
        }
    }

    String kind() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull()) {
            return "nothing (null)";
        }
        ScalarNode s = (ScalarNode) node;
        String v = s.getValue().length() > 40 ? s.getValue().substring(0, 40) + "..." : s.getValue();
        return (s.getTag().equals(Tag.STR) ? "the text '" : "'") + v + "'";
    }

    /**
     * @return the value as plain Java objects: maps (in key order), lists, strings, numbers (as written: Long or
     *     Double) and booleans, for records such as summary.json
     */
    public Object toTree() {
        if (node instanceof MappingNode) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            MapNode map = map();
            for (String key : map.keys()) {
                ScenarioNode v = map.get(key);
                m.put(key, v == null ? null : v.toTree());
            }
            return m;
        }
        if (node instanceof SequenceNode) {
            List<Object> items = new ArrayList<>();
            for (ScenarioNode item : list()) {
                items.add(item.toTree());
            }
            return items;
        }
        if (isNull()) {
            return null;
        }
        ScalarNode s = (ScalarNode) node;
        String v = s.getValue();
        if (s.getTag().equals(Tag.INT)) {
            try {
                return Long.parseLong(v.replace("_", ""));
            } catch (NumberFormatException e) {
                return v;
            }
        }
        if (s.getTag().equals(Tag.FLOAT)) {
            try {
                return Double.parseDouble(v.replace("_", ""));
            } catch (NumberFormatException e) {
                return v;
            }
        }
        if (s.getTag().equals(Tag.BOOL)) {
            return bool();
        }
        return v;
    }

    ReadContext context() {
        return context;
    }
}
