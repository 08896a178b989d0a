package org.fieldscore.runner.input;

import java.util.List;
import java.util.function.Supplier;

import org.fieldscore.runner.expr.ExpressionLanguage;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A scenario file checked to be UTF-8 text and parsed as YAML with positions, ready to be read key by key. It
 * collects the problems found while reading, so that one pass reports as many as it can.
 */
public final class ScenarioDocument {

    private final ReadContext context;
    private final ScenarioNode root;

    private ScenarioDocument(ReadContext context, ScenarioNode root) {
        this.context = context;
        this.root = root;
    }

    /**
     * @param file the file name for messages
     * @param bytes the file's content
     * @return the parsed document
     * @throws InvalidScenarioException when the content is not text, not YAML, empty, or over a safety limit
     */
    public static ScenarioDocument parse(String file, byte[] bytes) throws InvalidScenarioException {
        String text = ScenarioText.decode(file, bytes);
        Node node = YamlLoader.compose(file, text);
        if (node == null) {
            throw new InvalidScenarioException(new Problem(SourcePosition.startOf(file), "",
                    "the file holds no YAML document; a scenario needs at least 'name:' and 'steps:'"));
        }
        ReadContext context = new ReadContext(file);
        try {
            return new ScenarioDocument(context, new ScenarioNode(node, "", context));
        } catch (ProblemException e) {
            throw new InvalidScenarioException(e.problem());
        }
    }

    /** @return the file name */
    public String file() {
        return context.file();
    }

    /** @return the document's root value */
    public ScenarioNode root() {
        return root;
    }

    /**
     * @param language the expression language (with the resolved parameters) used from now on to read numbers
     *     and formulas
     */
    public void useLanguage(ExpressionLanguage language) {
        context.useLanguage(language);
    }

    /**
     * Runs a reader, recording its problem instead of stopping when it fails.
     *
     * @param reader the reading action
     * @param <T> what it reads
     * @return what it read, or null when it failed
     */
    public <T> T attempt(Supplier<T> reader) {
        try {
            return reader.get();
        } catch (ProblemException e) {
            if (!e.isFollowUp()) {
                context.report(e.problem());
            }
            return null;
        }
    }

    /** @param problem a problem found outside a reader */
    public void report(Problem problem) {
        context.report(problem);
    }

    /** @return the problems found so far */
    public List<Problem> problems() {
        return List.copyOf(context.problems());
    }
}
