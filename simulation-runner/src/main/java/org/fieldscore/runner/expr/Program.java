package org.fieldscore.runner.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import net.objecthunter.exp4j.tokenizer.FunctionToken;
import net.objecthunter.exp4j.tokenizer.NumberToken;
import net.objecthunter.exp4j.tokenizer.OperatorToken;
import net.objecthunter.exp4j.tokenizer.Token;
import net.objecthunter.exp4j.tokenizer.VariableToken;

/**
 * A formula compiled from exp4j's reverse-Polish token list into flat arrays and evaluated on a primitive stack:
 * no boxing and no allocation per evaluation (exp4j itself keeps variables in a map of boxed doubles). Parameters
 * and constants are folded into numbers at compilation. Immutable; {@link #evaluate} needs a stack of
 * {@link #depth()} entries from its caller.
 */
final class Program {

    private static final byte NUMBER = 0;
    private static final byte VARIABLE = 1;
    private static final byte ADD = 2;
    private static final byte SUBTRACT = 3;
    private static final byte MULTIPLY = 4;
    private static final byte DIVIDE = 5;
    private static final byte POWER = 6;
    private static final byte MODULO = 7;
    private static final byte NEGATE = 8;
    private static final byte UNARY_PLUS = 9;
    private static final byte UNARY = 10;
    private static final byte BINARY = 11;

    private final byte[] code;
    private final double[] numbers;
    private final int[] slots;
    private final DoubleUnaryOperator[] unary;
    private final DoubleBinaryOperator[] binary;
    private final int depth;

    private Program(byte[] code, double[] numbers, int[] slots, DoubleUnaryOperator[] unary,
            DoubleBinaryOperator[] binary, int depth) {
        this.code = code;
        this.numbers = numbers;
        this.slots = slots;
        this.unary = unary;
        this.binary = binary;
        this.depth = depth;
    }

    /**
     * Checks the operand counts as exp4j's {@code Expression.validate} does (every function and operator finds its
     * arguments on the stack, one value is left at the end), with the same messages, refuses an empty token list,
     * and compiles.
     *
     * @param text the expression, for messages
     * @param rpn the tokens in reverse-Polish order, from exp4j's shunting-yard parser
     * @param variables the names whose values are passed at evaluation, in order
     * @param constants values of every other name (parameters and constants)
     * @param unaryFunctions one-argument functions by name
     * @param binaryFunctions two-argument functions by name
     * @return the program
     * @throws ExpressionException when an operator or function lacks operands, or operands lack an operator
     */
    static Program compile(String text, Token[] rpn, List<String> variables, Map<String, Double> constants,
            Map<String, DoubleUnaryOperator> unaryFunctions, Map<String, DoubleBinaryOperator> binaryFunctions)
            throws ExpressionException {
        int n = rpn.length;
        byte[] code = new byte[n];
        double[] numbers = new double[n];
        int[] slots = new int[n];
        DoubleUnaryOperator[] unary = new DoubleUnaryOperator[n];
        DoubleBinaryOperator[] binary = new DoubleBinaryOperator[n];
        int height = 0;
        int depth = 0;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Token t = rpn[i];
            if (t instanceof NumberToken number) {
                code[i] = NUMBER;
                numbers[i] = number.getValue();
                height++;
            } else if (t instanceof VariableToken variable) {
                int slot = variables.indexOf(variable.getName());
                if (slot >= 0) {
                    code[i] = VARIABLE;
                    slots[i] = slot;
                } else {
                    code[i] = NUMBER;
                    numbers[i] = requireValue(constants, variable.getName());
                }
                height++;
            } else if (t instanceof OperatorToken operator) {
                int operands = operator.getOperator().getNumOperands();
                code[i] = operatorCode(operator.getOperator().getSymbol(), operands);
                height -= operands - 1;
            } else if (t instanceof FunctionToken function) {
                String name = function.getFunction().getName();
                int arguments = function.getFunction().getNumArguments();
                if (arguments == 1 && unaryFunctions.containsKey(name)) {
                    code[i] = UNARY;
                    unary[i] = unaryFunctions.get(name);
                } else if (arguments == 2 && binaryFunctions.containsKey(name)) {
                    code[i] = BINARY;
                    binary[i] = binaryFunctions.get(name);
                } else {
                    throw new IllegalStateException("function '" + name + "' with " + arguments
                            + " arguments is not in the language's table");
                }
                if (arguments > height) {
                    errors.add("Not enough arguments for '" + name + "'");
                }
                height -= arguments - 1;
            } else {
                throw new IllegalStateException("unexpected token " + t.getClass().getSimpleName() + " in RPN");
            }
            if (height < 1) {
                errors.add("Too many operators");
                break;
            }
            depth = Math.max(depth, height);
        }
        if (n == 0) {
            errors.add("incomplete expression"); // "()", which exp4j accepts
        } else if (height > 1) {
            errors.add("Too many operands");
        }
        if (!errors.isEmpty()) {
            throw new ExpressionException(String.join("; ", errors)
                    + " (write operators between operands and give every function its arguments)");
        }
        return new Program(code, numbers, slots, unary, binary, depth);
    }

    private static double requireValue(Map<String, Double> constants, String name) {
        Double v = constants.get(name);
        if (v == null) {
            throw new IllegalStateException("no value for '" + name + "'");
        }
        return v;
    }

    private static byte operatorCode(String symbol, int operands) {
        if (operands == 1) {
            return switch (symbol) {
                case "-" -> NEGATE;
                case "+" -> UNARY_PLUS;
                default -> throw new IllegalStateException("unknown unary operator " + symbol);
            };
        }
        return switch (symbol) {
            case "+" -> ADD;
            case "-" -> SUBTRACT;
            case "*" -> MULTIPLY;
            case "/" -> DIVIDE;
            case "^" -> POWER;
            case "%" -> MODULO;
            default -> throw new IllegalStateException("unknown operator " + symbol);
        };
    }

    /** @return whether the program reads no variable: its value is known when it is compiled */
    boolean isConstant() {
        for (byte c : code) {
            if (c == VARIABLE) {
                return false;
            }
        }
        return true;
    }

    /**
     * Evaluates every part that reads no variable (a maximal constant sub-expression: the whole program, or an
     * operand combined with a variable part) and returns the first such value that is not finite, e.g. the
     * {@code 1/0} of {@code x + 1/0}. A constant part nested in a larger constant part counts only through the
     * larger one, so {@code atan(1/0)} = π/2 is fine.
     *
     * @return the first non-finite constant part's value, or empty when all are finite
     */
    java.util.OptionalDouble nonFiniteConstant() {
        double[] values = new double[code.length];
        boolean[] constant = new boolean[code.length];
        int sp = 0;
        for (int i = 0; i < code.length; i++) {
            int operands = switch (code[i]) {
                case NUMBER, VARIABLE -> 0;
                case NEGATE, UNARY_PLUS, UNARY -> 1;
                default -> 2;
            };
            boolean all = true;
            for (int k = sp - operands; k < sp; k++) {
                all &= constant[k];
            }
            if (!all) {
                for (int k = sp - operands; k < sp; k++) {
                    if (constant[k] && !Double.isFinite(values[k])) {
                        return java.util.OptionalDouble.of(values[k]);
                    }
                }
            }
            double a = operands >= 1 ? values[sp - operands] : 0;
            double b = operands == 2 ? values[sp - 1] : 0;
            sp -= operands;
            constant[sp] = all && code[i] != VARIABLE;
            values[sp] = constant[sp] ? apply(i, a, b) : Double.NaN;
            sp++;
        }
        return constant[0] && !Double.isFinite(values[0]) ? java.util.OptionalDouble.of(values[0])
                : java.util.OptionalDouble.empty();
    }

    /** One instruction on known operands (a = first, b = second), for {@link #nonFiniteConstant}. */
    private double apply(int i, double a, double b) {
        return switch (code[i]) {
            case NUMBER -> numbers[i];
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b;
            case POWER -> Math.pow(a, b);
            case MODULO -> a % b;
            case NEGATE -> -a;
            case UNARY_PLUS -> a;
            case UNARY -> unary[i].applyAsDouble(a);
            case BINARY -> binary[i].applyAsDouble(a, b);
            default -> throw new IllegalStateException("no value for instruction " + code[i]);
        };
    }

    /** @return the stack size {@link #evaluate} needs */
    int depth() {
        return depth;
    }

    /**
     * @param values the variables' values
     * @param stack scratch space of at least {@link #depth()} entries
     * @return the formula's value
     */
    double evaluate(double[] values, double[] stack) {
        int sp = 0;
        for (int i = 0; i < code.length; i++) {
            switch (code[i]) {
                case NUMBER -> stack[sp++] = numbers[i];
                case VARIABLE -> stack[sp++] = values[slots[i]];
                case ADD -> {
                    sp--;
                    stack[sp - 1] = stack[sp - 1] + stack[sp];
                }
                case SUBTRACT -> {
                    sp--;
                    stack[sp - 1] = stack[sp - 1] - stack[sp];
                }
                case MULTIPLY -> {
                    sp--;
                    stack[sp - 1] = stack[sp - 1] * stack[sp];
                }
                case DIVIDE -> {
                    sp--;
                    stack[sp - 1] = stack[sp - 1] / stack[sp];
                }
                case POWER -> {
                    sp--;
                    stack[sp - 1] = Math.pow(stack[sp - 1], stack[sp]);
                }
                case MODULO -> {
                    sp--;
                    stack[sp - 1] = stack[sp - 1] % stack[sp];
                }
                case NEGATE -> stack[sp - 1] = -stack[sp - 1];
                case UNARY_PLUS -> {
                    // +x is x
                }
                case UNARY -> stack[sp - 1] = unary[i].applyAsDouble(stack[sp - 1]);
                default -> {
                    sp--;
                    stack[sp - 1] = binary[i].applyAsDouble(stack[sp - 1], stack[sp]);
                }
            }
        }
        return stack[0];
    }
}
