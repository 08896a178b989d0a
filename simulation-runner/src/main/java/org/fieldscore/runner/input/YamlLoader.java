package org.fieldscore.runner.input;

import java.io.StringReader;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses scenario text into a YAML node tree with line and column marks, safely: only the compose step runs (no
 * object is ever constructed from the document), anchors and aliases to collections are limited (against "billion
 * laughs" alias bombs), and so are nesting depth and size.
 */
final class YamlLoader {

    /** Aliases to collections allowed in one document. */
    static final int MAX_COLLECTION_ALIASES = 20;
    /** Deepest nesting of mappings and sequences allowed. */
    static final int MAX_NESTING_DEPTH = 24;

    private YamlLoader() {
    }

    /**
     * @param file file name for messages
     * @param text the YAML text
     * @return the root node, or null for an empty document
     * @throws InvalidScenarioException for a YAML syntax error or a limit exceeded
     */
    static Node compose(String file, String text) throws InvalidScenarioException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(ScenarioText.MAX_BYTES);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMergeOnCompose(false);
        try {
            return new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            throw new InvalidScenarioException(new Problem(position(file, mark), "",
                    "YAML syntax error: " + firstLine(problem) + context
                            + ". Valid YAML uses 'key: value' pairs indented with spaces (no tabs) and '- item' lists"));
        } catch (YAMLException e) {
            throw new InvalidScenarioException(new Problem(SourcePosition.startOf(file), "", limitMessage(e)));
        }
    }

    static SourcePosition position(String file, Mark mark) {
        return mark == null ? SourcePosition.startOf(file)
                : new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String limitMessage(YAMLException e) {
        String m = firstLine(String.valueOf(e.getMessage()));
        if (m.contains("aliases")) {
            return "the document uses more than " + MAX_COLLECTION_ALIASES + " aliases to collections (" + m
                    + "); this looks like an alias bomb. Valid: at most " + MAX_COLLECTION_ALIASES
                    + " aliases (*name) to mappings or lists";
        }
        if (m.contains("Nesting Depth")) {
            return "the document nests mappings and lists too deeply (" + m + "); valid: at most "
                    + MAX_NESTING_DEPTH + " levels";
        }
        if (m.contains("code points")) {
            return "the document is too large (" + m + "); valid: at most " + ScenarioText.MAX_BYTES + " characters";
        }
        return "the YAML cannot be read: " + m;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
