package org.fieldscore.runner.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.fieldscore.fields.constants.PhysicalConstants;
import org.junit.jupiter.api.Test;

class ExpressionLanguageTest {

    private final ExpressionLanguage language = new ExpressionLanguage(parameters());

    private static Map<String, Double> parameters() {
        Map<String, Double> p = new java.util.LinkedHashMap<>();
        p.put("k", 2.5);
        p.put("n", 4.0);
        return p;
    }

    @Test
    void evaluatesNumbersParametersConstantsAndFunctions() throws Exception {
        assertEquals(2.5 * 4, language.evaluate("k*n"), 0);
        assertEquals(Math.PI, language.evaluate("pi"), 0);
        assertEquals(1 / PhysicalConstants.VACUUM_PERMITTIVITY, language.evaluate("1/eps0"), 0);
        assertEquals(4 * Math.PI * PhysicalConstants.GRAVITATIONAL_CONSTANT, language.evaluate("4*pi*G"), 0);
        assertEquals(Math.atan2(1, 2) + Math.hypot(3, 4), language.evaluate("atan2(1, 2) + hypot(3, 4)"), 1e-15);
        assertEquals(-4, language.evaluate("-2^2"), 0, "unary minus binds looser than ^");
        assertEquals(org.hipparchus.special.Erf.erf(0.5), language.evaluate("erf(0.5)"), 0);
        assertEquals(1, language.evaluate("step(0)") + language.evaluate("step(-1e-300)"), 0);
    }

    @Test
    void formulasTakeVariablesInTheirDeclaredOrder() throws Exception {
        Formula f = language.compile("x - 2*y + k*t", List.of("t", "x", "y"));
        assertEquals(List.of("t", "x", "y"), f.variables());
        assertEquals(1 - 2 * 3 + 2.5 * 10, f.evaluate(new double[] {10, 1, 3}), 1e-15);
    }

    @Test
    void reportsSyntaxErrorsAndUnknownNamesWithWhatIsValid() {
        ExpressionException paren = assertThrows(ExpressionException.class,
                () -> language.compile("sin(x", List.of("x")));
        assertTrue(paren.getMessage().contains("syntax error at character 4 of 'sin(x': '(' never closed by a ')'"), paren.getMessage());

        ExpressionException function = assertThrows(ExpressionException.class,
                () -> language.compile("sinn(x)", List.of("x")));
        assertTrue(function.getMessage().contains("unknown function 'sinn'")
                && function.getMessage().contains("Did you mean 'sin'?"), function.getMessage());

        ExpressionException variable = assertThrows(ExpressionException.class,
                () -> language.compile("x + kk", List.of("x")));
        assertTrue(variable.getMessage().contains("unknown variable 'kk'")
                && variable.getMessage().contains("parameters k, n"), variable.getMessage());

        ExpressionException implicit = assertThrows(ExpressionException.class,
                () -> language.compile("2 x", List.of("x")));
        assertTrue(implicit.getMessage().contains("syntax error"), implicit.getMessage());

        ExpressionException operands = assertThrows(ExpressionException.class,
                () -> language.compile("hypot(x) + 1", List.of("x")));
        assertTrue(operands.getMessage().contains("syntax error at character 1 of 'hypot(x) + 1': 'hypot' takes 2"
                + " arguments, given 1"), operands.getMessage());
        ExpressionException nested = assertThrows(ExpressionException.class,
                () -> language.compile("x + sin((x), 2)", List.of("x")));
        assertTrue(nested.getMessage().contains("syntax error at character 5 of 'x + sin((x), 2)': 'sin' takes 1"
                + " argument, given 2; valid: 'sin(a)'"), nested.getMessage());
        ExpressionException operators = assertThrows(ExpressionException.class,
                () -> language.compile("x +", List.of("x")));
        assertTrue(operators.getMessage().contains("syntax error at character 3 of 'x +': the operator '+' without its right operand"), operators.getMessage());
        ExpressionException nothing = assertThrows(ExpressionException.class, () -> language.compile("()", List.of()));
        assertTrue(nothing.getMessage().contains("syntax error at character 1 of '()': empty parentheses"), nothing.getMessage());

        assertThrows(ExpressionException.class, () -> language.compile("  ", List.of()));
        assertThrows(ExpressionException.class, () -> language.compile("x == 1", List.of("x")));
    }

    @Test
    void cannotReachJavaOrFiles() {
        for (String attack : new String[] {"java.lang.Runtime.getRuntime()", "exec(1)", "file(1)",
            "T(java.lang.System).exit(1)", "${x}", "#x"}) {
            assertThrows(ExpressionException.class, () -> language.compile(attack, List.of("x")), attack);
        }
    }

    @Test
    void namesThatClashWithConstantsOrFunctionsAreRefused() {
        assertTrue(ExpressionLanguage.checkName("sin") != null);
        assertTrue(ExpressionLanguage.checkName("pi") != null);
        assertTrue(ExpressionLanguage.checkName("2n") != null);
        assertEquals(null, ExpressionLanguage.checkName("n_points"));
    }

    @Test
    void oneFormulaEvaluatesCorrectlyFromManyThreadsAtOnce() throws Exception {
        Formula f = language.compile("sin(x)*cos(y) + k", List.of("x", "y"));
        double[] results = IntStream.range(0, 200_000).parallel()
                .mapToDouble(i -> f.evaluate(new double[] {i * 1e-3, i * 2e-3})).toArray();
        for (int i = 0; i < results.length; i++) {
            assertEquals(Math.sin(i * 1e-3) * Math.cos(i * 2e-3) + 2.5, results[i], 1e-12, "point " + i);
        }
    }

    /**
     * The runner's stack program computes exactly what exp4j's own evaluator computes, on seeded random formulas
     * (bit for bit: the same operations in the same order).
     */
    @Test
    void compiledProgramsAgreeWithExp4jOnRandomFormulas() throws Exception {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261127L);
        for (int trial = 0; trial < 300; trial++) {
            String text = randomExpression(random, 4);
            Formula f = language.compile(text, List.of("x", "y"));
            net.objecthunter.exp4j.Expression reference = new net.objecthunter.exp4j.ExpressionBuilder(text)
                    .implicitMultiplication(false).variables("x", "y", "k", "n").build();
            reference.setVariable("k", 2.5).setVariable("n", 4.0);
            for (int point = 0; point < 5; point++) {
                double x = random.nextDouble(-3, 3);
                double y = random.nextDouble(-3, 3);
                reference.setVariable("x", x).setVariable("y", y);
                double expected = reference.evaluate();
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(f.evaluate(new double[] {x, y})),
                        text + " at (" + x + ", " + y + "): exp4j " + expected);
            }
        }
    }

    private static String randomExpression(java.util.SplittableRandom random, int depth) {
        if (depth == 0 || random.nextInt(4) == 0) {
            return switch (random.nextInt(6)) {
                case 0 -> "x";
                case 1 -> "y";
                case 2 -> "k";
                case 3 -> "pi";
                case 4 -> "e";
                default -> String.valueOf(random.nextInt(1, 10) * 0.5);
            };
        }
        String a = randomExpression(random, depth - 1);
        String b = randomExpression(random, depth - 1);
        return switch (random.nextInt(12)) {
            case 0 -> "(" + a + " + " + b + ")";
            case 1 -> "(" + a + " - " + b + ")";
            case 2 -> a + "*" + b;
            case 3 -> a + "/(2 + " + b + "^2)";
            case 4 -> "(" + a + ")^2";
            case 5 -> "-" + a;
            case 6 -> "sin(" + a + ")";
            case 7 -> "exp(-abs(" + a + "))";
            case 8 -> "sqrt(1 + " + a + "^2)";
            case 9 -> "log(2 + cos(" + a + "))";
            case 10 -> "(" + a + ") % (3 + " + b + "^2)";
            default -> "tanh(" + a + ")*atan(" + b + ")";
        };
    }

    @Test
    void nonFiniteConstantPartsAreRefusedAndFiniteOnesKept() throws ExpressionException {
        for (String bad : new String[] {"1/0", "log(0)", "x + 1/0", "sqrt(-k)*x", "x*(0/0)"}) {
            ExpressionException e = assertThrows(ExpressionException.class, () -> language.compile(bad,
                    List.of("x")), bad);
            assertTrue(e.getMessage().contains("valid: a formula whose constant parts are finite numbers"),
                    e.getMessage());
        }
        assertEquals(Math.PI / 2, language.compile("atan(1/0)", List.of()).evaluate(new double[0]), 1e-15);
        assertEquals(0.0, language.compile("x*exp(-1/0)", List.of("x")).evaluate(new double[] {3}), 0.0);
        // a division by the variable is not constant and stays allowed
        assertTrue(Double.isInfinite(language.compile("1/x", List.of("x")).evaluate(new double[] {0})));
    }

    @Test
    void syntaxErrorsCarryTheirOffset() {
        String[][] cases = {{"sin(x", "3"}, {"x + 1)", "5"}, {"2 x", "2"}, {"x *", "2"}, {"* x", "0"},
            {"(x +)", "3"}};
        for (String[] c : cases) {
            ExpressionException e = assertThrows(ExpressionException.class, () -> language.compile(c[0],
                    List.of("x")), c[0]);
            assertEquals(Integer.parseInt(c[1]), e.offset(), c[0] + ": " + e.getMessage());
        }
        ExpressionException typo = assertThrows(ExpressionException.class,
                () -> language.compile("sn(x)", List.of("x")));
        assertTrue(typo.getMessage().contains("Did you mean 'sin'?"), typo.getMessage());
        assertEquals(0, typo.offset());
    }
}
