package org.fieldscore.runner.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.expr.ExpressionLanguage;

/** State shared while one scenario file is read: its name, the problems found so far, the parameters. */
final class ReadContext {

    /** Most YAML nodes a scenario may have after aliases are expanded. */
    static final int MAX_NODES = 100_000;

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private ExpressionLanguage language = new ExpressionLanguage(Map.of());
    private int visited;

    ReadContext(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void report(Problem problem) {
        problems.add(problem);
    }

    List<Problem> problems() {
        return problems;
    }

    ExpressionLanguage language() {
        return language;
    }

    void useLanguage(ExpressionLanguage l) {
        this.language = l;
    }

    void visit(ScenarioNode node) {
        if (++visited > MAX_NODES) {
            throw node.problem("the scenario has more than " + MAX_NODES
                    + " values once aliases are expanded; valid scenarios are far smaller (alias bomb?)");
        }
    }
}
