package org.fieldscore.runner.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Pattern;

import org.fieldscore.fields.constants.PhysicalConstants;
import org.fieldscore.runner.text.Suggestions;

import net.objecthunter.exp4j.function.Function;
import net.objecthunter.exp4j.function.Functions;
import net.objecthunter.exp4j.shuntingyard.ShuntingYard;
import net.objecthunter.exp4j.tokenizer.Token;
import net.objecthunter.exp4j.tokenizer.UnknownFunctionOrVariableException;

/**
 * The safe arithmetic language of scenario files: numbers, + − * / ^ %, parentheses, variables, named constants and
 * a fixed list of functions. Expressions cannot call code, read files or reach the network: exp4j's tokenizer and
 * shunting-yard parser turn them, once, into a reverse-Polish token list over this class's whitelist of functions
 * and nothing else, which {@link Program} checks and compiles.
 *
 * <p>Multiplication must be written ({@code 2*x}, not {@code 2x}), so that a forgotten operator is an error and not
 * a silent product. Unary minus binds tighter than addition but looser than {@code ^}: {@code -x^2 = -(x^2)}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ExpressionLanguage {

    /** Named constants, SI units (CODATA 2018 through {@link PhysicalConstants}). */
    public static final Map<String, Double> CONSTANTS;
    /** One-argument functions, with the same definitions as exp4j's built-ins of the same names. */
    private static final Map<String, DoubleUnaryOperator> UNARY;
    /** Two-argument functions. */
    private static final Map<String, DoubleBinaryOperator> BINARY;
    /** Names exp4j knows as built-in functions; the others are registered with it. */
    private static final Set<String> EXP4J_BUILTINS = Set.of("abs", "acos", "asin", "atan", "cbrt", "ceil", "cos",
            "cosh", "exp", "expm1", "floor", "log", "log10", "log1p", "log2", "signum", "sin", "sinh", "sqrt", "tan",
            "tanh");
    /** The functions that are not exp4j built-ins, by name, for exp4j's tokenizer. */
    private static final Map<String, Function> EXTRA_FUNCTIONS_BY_NAME;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A name in an expression; letters right after a digit or '.' belong to a number such as 1e-3. */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![A-Za-z0-9_.])[A-Za-z_][A-Za-z0-9_]*");

    static {
        Map<String, DoubleUnaryOperator> u = new LinkedHashMap<>();
        u.put("abs", Math::abs);
        u.put("acos", Math::acos);
        u.put("asin", Math::asin);
        u.put("atan", Math::atan);
        u.put("cbrt", Math::cbrt);
        u.put("ceil", Math::ceil);
        u.put("cos", Math::cos);
        u.put("cosh", Math::cosh);
        u.put("erf", org.hipparchus.special.Erf::erf);
        u.put("exp", Math::exp);
        u.put("expm1", Math::expm1);
        u.put("floor", Math::floor);
        u.put("log", Math::log);
        u.put("log10", Math::log10);
        u.put("log1p", Math::log1p);
        u.put("log2", v -> Math.log(v) / Math.log(2.0));
        u.put("signum", Math::signum);
        u.put("sin", Math::sin);
        u.put("sinh", Math::sinh);
        u.put("sq", v -> v * v);
        u.put("sqrt", Math::sqrt);
        u.put("step", v -> v < 0 ? 0.0 : 1.0);
        u.put("tan", Math::tan);
        u.put("tanh", Math::tanh);
        UNARY = Collections.unmodifiableMap(u);
        Map<String, DoubleBinaryOperator> b = new LinkedHashMap<>();
        b.put("atan2", Math::atan2);
        b.put("hypot", Math::hypot);
        b.put("max", Math::max);
        b.put("min", Math::min);
        b.put("pow", Math::pow);
        BINARY = Collections.unmodifiableMap(b);
        Map<String, Function> extra = new HashMap<>();
        u.forEach((name, f) -> {
            if (!EXP4J_BUILTINS.contains(name)) {
                extra.put(name, unary(name, f));
            }
        });
        b.forEach((name, f) -> extra.put(name, binary(name, f)));
        EXTRA_FUNCTIONS_BY_NAME = Map.copyOf(extra);
        Map<String, Double> c = new LinkedHashMap<>();
        c.put("pi", Math.PI);
        c.put("e", Math.E);
        c.put("eps0", PhysicalConstants.VACUUM_PERMITTIVITY);
        c.put("mu0", PhysicalConstants.VACUUM_PERMEABILITY);
        c.put("c0", PhysicalConstants.SPEED_OF_LIGHT);
        c.put("G", PhysicalConstants.GRAVITATIONAL_CONSTANT);
        c.put("qe", PhysicalConstants.ELEMENTARY_CHARGE);
        c.put("kB", PhysicalConstants.BOLTZMANN_CONSTANT);
        CONSTANTS = Collections.unmodifiableMap(c);
    }

    /** exp4j's built-in constant φ, the golden ratio (1 + √5)/2. */
    private static final double GOLDEN_RATIO = 1.61803398874989484820;

    private final Map<String, Double> parameters;

    /**
     * @param parameters named numbers usable in every expression (scenario parameters)
     */
    public ExpressionLanguage(Map<String, Double> parameters) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** @return the parameters every expression can use */
    public Map<String, Double> parameters() {
        return parameters;
    }

    /** @return the number of arguments the function {@code name} takes, or -1 when no function has that name */
    private static int arity(String name) {
        return UNARY.containsKey(name) ? 1 : BINARY.containsKey(name) ? 2 : -1;
    }

    /** @return the names of every function an expression may call, alphabetically */
    public static List<String> functionNames() {
        List<String> names = new ArrayList<>(UNARY.keySet());
        names.addAll(BINARY.keySet());
        Collections.sort(names);
        return names;
    }

    /**
     * @param name a proposed variable or parameter name
     * @return null when the name is usable, else why it is not
     */
    public static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            return "'" + name + "' is not a valid name (letters, digits and _, starting with a letter or _)";
        }
        if (CONSTANTS.containsKey(name)) {
            return "'" + name + "' is a built-in constant";
        }
        if (functionNames().contains(name)) {
            return "'" + name + "' is a built-in function";
        }
        return null;
    }

    /**
     * Compiles an expression over the given variables (plus this language's parameters and constants).
     *
     * @param text the expression
     * @param variables the names whose values are passed to {@link Formula#evaluate(double[])}
     * @return the compiled formula
     * @throws ExpressionException for a syntax error or an unknown name, with what would be valid
     */
    public Formula compile(String text, List<String> variables) throws ExpressionException {
        if (text == null || text.isBlank()) {
            throw new ExpressionException("the expression is empty; write a formula such as '2*x + 1'");
        }
        Set<String> declared = new LinkedHashSet<>(variables);
        declared.addAll(parameters.keySet());
        declared.addAll(CONSTANTS.keySet());
        java.util.regex.Matcher names = IDENTIFIER.matcher(text);
        List<String> functions = functionNames();
        while (names.find()) {
            if (!declared.contains(names.group()) && !functions.contains(names.group())) {
                throw unknownName(text, names.group(), names.start(), variables);
            }
        }
        Map<String, Double> constants = new HashMap<>(CONSTANTS);
        constants.putAll(parameters);
        constants.put("\u03c0", Math.PI);
        constants.put("\u03c6", GOLDEN_RATIO);
        Set<String> known = new HashSet<>(declared);
        known.addAll(constants.keySet());
        for (String name : known) {
            if (Functions.getBuiltinFunction(name) != null || EXTRA_FUNCTIONS_BY_NAME.containsKey(name)) {
                throw new ExpressionException("syntax error in '" + text + "': A variable can not have the same name"
                        + " as a function [" + name + "]");
            }
        }
        Token[] rpn;
        try {
            rpn = ShuntingYard.convertToRPN(text, EXTRA_FUNCTIONS_BY_NAME, Map.of(), known, false);
        } catch (UnknownFunctionOrVariableException e) {
            throw unknownName(text, e.getToken(), e.getPosition(), variables);
        } catch (IllegalArgumentException | java.util.EmptyStackException e) {
            throw syntaxError(text, describe(e));
        }
        Program program;
        try {
            program = Program.compile(text, rpn, variables, constants, UNARY, BINARY);
        } catch (ExpressionException e) {
            throw syntaxError(text, e.getMessage());
        }
        java.util.OptionalDouble notFinite = program.nonFiniteConstant();
        if (notFinite.isPresent()) {
            throw new ExpressionException("'" + text + "' " + (program.isConstant() ? "is constant" : "has a part"
                    + " that does not depend on " + String.join(", ", variables)) + " and evaluates to "
                    + notFinite.getAsDouble() + " (a division by zero, log(0), sqrt of a negative number?); valid: a"
                    + " formula whose constant parts are finite numbers");
        }
        return new Formula(text, variables, program);
    }

    /**
     * @param text an expression over parameters and constants only
     * @return its value
     * @throws ExpressionException for a syntax error or an unknown name
     */
    public double evaluate(String text) throws ExpressionException {
        return compile(text, List.of()).evaluate(new double[0]);
    }

    /** A syntax error with the place where the scanner sees it, when it finds one. */
    private static ExpressionException syntaxError(String text, String what) {
        SyntaxLocator.Location at = SyntaxLocator.locate(text);
        if (at == null) {
            at = SyntaxLocator.wrongArity(text, ExpressionLanguage::arity);
        }
        if (at == null) {
            return new ExpressionException("syntax error in '" + text + "': " + what);
        }
        return new ExpressionException("syntax error at character " + (at.offset() + 1) + " of '" + text + "': "
                + at.what() + "; valid: " + at.valid(),
                at.offset());
    }

    private ExpressionException unknownName(String text, String fragment, int at, List<String> variables) {
        // exp4j may split an unknown name after a known prefix ("sinn" -> "sin" + "n"): report the whole name
        int position = Math.max(0, Math.min(at, text.length() - 1));
        int start = position;
        while (start > 0 && isNameChar(text.charAt(start - 1))) {
            start--;
        }
        int end = position;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        String token = end > start ? text.substring(start, end) : fragment;
        position = end > start ? start : at;
        boolean call = position + token.length() < text.length() && text.charAt(position + token.length()) == '(';
        // a call can only mean a function, a bare name only a value
        List<String> known = new ArrayList<>();
        if (call) {
            known.addAll(functionNames());
        } else {
            known.addAll(variables);
            known.addAll(parameters.keySet());
            known.addAll(CONSTANTS.keySet());
        }
        String hint = Suggestions.didYouMean(token, known);
        StringBuilder valid = new StringBuilder();
        valid.append(" Valid names here: variables ").append(variables.isEmpty() ? "(none)" : String.join(", ", variables));
        if (!parameters.isEmpty()) {
            valid.append("; parameters ").append(String.join(", ", parameters.keySet()));
        }
        valid.append("; constants ").append(String.join(", ", CONSTANTS.keySet()));
        valid.append("; functions ").append(String.join(", ", functionNames())).append('.');
        return new ExpressionException("unknown " + (call ? "function" : "variable") + " '" + token + "' at character "
                + (position + 1) + " of '" + text + "'." + hint + valid, position);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String describe(RuntimeException e) {
        String m = e.getMessage();
        if (m == null) {
            return "incomplete expression";
        }
        if (m.startsWith("Mismatched parentheses")) {
            return "mismatched parentheses (valid: every '(' closed by a ')')";
        }
        if (m.startsWith("Operator is unknown")) {
            return "unknown operator (valid: + - * / ^ %)";
        }
        return m;
    }

    private static Function binary(String name, DoubleBinaryOperator op) {
        return new Function(name, 2) {
            @Override
            public double apply(double... args) {
                return op.applyAsDouble(args[0], args[1]);
            }
        };
    }

    private static Function unary(String name, DoubleUnaryOperator op) {
        return new Function(name, 1) {
            @Override
            public double apply(double... args) {
                return op.applyAsDouble(args[0]);
            }
        };
    }
}
