package org.fieldscore.runner.expr;

import java.util.List;

/**
 * A compiled expression over named variables, safe to evaluate from several threads at once: the program is
 * immutable and every thread evaluates on its own small stack, so evaluation neither boxes nor allocates.
 */
public final class Formula {

    private final String text;
    private final List<String> variables;
    private final Program program;
    private final ThreadLocal<double[]> stack;

    Formula(String text, List<String> variables, Program program) {
        this.text = text;
        this.variables = List.copyOf(variables);
        this.program = program;
        this.stack = ThreadLocal.withInitial(() -> new double[program.depth()]);
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
        return program.evaluate(values, stack.get());
    }

    @Override
    public String toString() {
        return text;
    }
}
