package org.fieldscore.runner.expr;

/**
 * Finds where an expression's syntax breaks, for messages: the first ')' without its '(', the first '(' never
 * closed, an operator without an operand, or two operands without an operator between them. A small scanner of its
 * own, because exp4j's parser reports these problems without a position.
 */
final class SyntaxLocator {

    /**
     * Where the syntax breaks and how.
     *
     * @param offset 0-based character in the expression
     * @param what what is wrong there
     * @param valid what would be valid instead
     */
    record Location(int offset, String what, String valid) {

        /** Where the structure breaks: the valid form is operands joined by operators, parentheses closed. */
        Location(int offset, String what) {
            this(offset, what, "operands joined by + - * / ^ %, e.g. '2*(x + 1)', every '(' closed by a ')'");
        }
    }

    private SyntaxLocator() {
    }

    /**
     * @param text an expression
     * @return the first syntax problem, or null when this scanner sees none
     */
    static Location locate(String text) {
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        boolean expectOperand = true;
        int lastOperator = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || c == '.') {
                if (!expectOperand) {
                    return new Location(i, "an operand without an operator before it");
                }
                i = endOfNumber(text, i);
                expectOperand = false;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                i = endOfName(text, i);
                if (!expectOperand) {
                    return new Location(start, "an operand without an operator before it");
                }
                int next = i;
                while (next < n && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                // a function call: its '(' follows and opens the argument list
                expectOperand = next < n && text.charAt(next) == '(';
            } else if (c == '(') {
                if (!expectOperand) {
                    return new Location(i, "'(' right after an operand (write '2*(x+1)', not '2(x+1)')");
                }
                open.push(i);
                i++;
            } else if (c == ')') {
                if (open.isEmpty()) {
                    return new Location(i, "')' without a matching '('");
                }
                if (expectOperand) {
                    return lastOperator > open.peek() ? new Location(lastOperator, "the operator '"
                            + text.charAt(lastOperator) + "' without its right operand")
                            : new Location(open.peek(), "empty parentheses; write a value or arguments inside");
                }
                open.pop();
                i++;
                expectOperand = false;
            } else if (c == ',') {
                if (expectOperand) {
                    return new Location(i, "a missing argument before ','");
                }
                expectOperand = true;
                i++;
            } else if ("+-*/^%".indexOf(c) >= 0) {
                if (expectOperand && c != '+' && c != '-') {
                    return new Location(i, "the operator '" + c + "' without its left operand");
                }
                lastOperator = i;
                expectOperand = true;
                i++;
            } else {
                return new Location(i, "the character '" + c + "', which is not part of the language");
            }
        }
        if (!open.isEmpty()) {
            return new Location(open.peekLast(), "'(' never closed by a ')'");
        }
        if (expectOperand && lastOperator >= 0) {
            return new Location(lastOperator, "the operator '" + text.charAt(lastOperator)
                    + "' without its right operand");
        }
        return null;
    }

    /**
     * Finds the first function call whose number of arguments differs from the function's, for an expression whose
     * parentheses balance.
     *
     * @param text an expression
     * @param arity the number of arguments a name takes, or -1 when the name is not a function
     * @return the call's name and position with what it takes, or null when every call has its arity
     */
    static Location wrongArity(String text, java.util.function.ToIntFunction<String> arity) {
        record Call(String name, int offset, int[] commas) {
        }
        java.util.ArrayDeque<Call> calls = new java.util.ArrayDeque<>();
        int i = 0;
        int n = text.length();
        String pendingName = null;
        int pendingStart = -1;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                i = endOfName(text, i);
                pendingName = text.substring(start, i);
                pendingStart = start;
                continue;
            }
            if (c == '(') {
                calls.push(new Call(pendingName, pendingStart, new int[1]));
            } else if (c == ',' && !calls.isEmpty()) {
                calls.peek().commas()[0]++;
            } else if (c == ')' && !calls.isEmpty()) {
                Call call = calls.pop();
                int expected = call.name() == null ? -1 : arity.applyAsInt(call.name());
                int given = call.commas()[0] + 1;
                if (expected >= 0 && given != expected) {
                    return new Location(call.offset(), "'" + call.name() + "' takes " + expected + " argument"
                            + (expected == 1 ? "" : "s") + ", given " + given, "'" + call.name() + "("
                            + (expected == 1 ? "a" : "a, b") + ")'");
                }
            }
            if (!Character.isWhitespace(c)) {
                pendingName = null;
            }
            i++;
        }
        return null;
    }

    private static int endOfName(String text, int start) {
        int i = start;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private static int endOfNumber(String text, int start) {
        int i = start;
        int n = text.length();
        while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            if (j < n && Character.isDigit(text.charAt(j))) {
                i = j;
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }
}
