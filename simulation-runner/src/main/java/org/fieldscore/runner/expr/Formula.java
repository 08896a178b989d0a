package org.fieldscore.runner.expr;

import java.util.List;

import net.objecthunter.exp4j.Expression;

/**
 * A compiled expression over named variables, safe to evaluate from several threads at once.
 *
 * <p>The underlying exp4j {@link Expression} keeps its variables in mutable state and is not thread-safe, so every
 * thread evaluates its own copy. The variable order is fixed at compilation: {@link #evaluate(double[])} takes
 * the values in that order. Immutable apart from the per-thread copies.
 */
public final class Formula {

    private final String text;
    private final List<String> variables;
    private final String[] names;
    private final ThreadLocal<Expression> perThread;

    Formula(String text, List<String> variables, Expression prototype) {
        this.text = text;
        this.variables = List.copyOf(variables);
        this.names = variables.toArray(new String[0]);
        this.perThread = ThreadLocal.withInitial(() -> new Expression(prototype));
    }

    /** @return the expression as written */
    public String text() {
        return text;
    }

    /** @return the variable names, in the order {@link #evaluate(double[])} takes their values */
    public List<String> variables() {
        return variables;
    }

    /**
     * @param values one value per variable, in the order of {@link #variables()} (the array is only read)
     * @return the value of the expression
     */
    public double evaluate(double[] values) {
        Expression e = perThread.get();
        for (int i = 0; i < names.length; i++) {
            e.setVariable(names[i], values[i]);
        }
        return e.evaluate();
    }

    @Override
    public String toString() {
        return text;
    }
}
