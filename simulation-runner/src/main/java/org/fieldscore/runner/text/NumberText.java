package org.fieldscore.runner.text;

import java.util.Locale;

/** Numbers written for people: whole numbers without a decimal point, others with up to 12 significant digits. */
public final class NumberText {

    private NumberText() {
    }

    /**
     * @param v a number
     * @return {@code 41} for 41.0, {@code 0.1} for 0.1, {@code 1e-12} for 1e-12
     */
    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.12g", v).replaceAll("0+(e|$)", "$1").replaceAll("\\.(e|$)", "$1");
    }

    /** A decimal number as Java writes a double: digits, a point, digits, an optional exponent. */
    private static final java.util.regex.Pattern JAVA_DOUBLE = java.util.regex.Pattern.compile(
            "(?<![\\w.])\\d+\\.\\d+(?:E-?\\d+)?(?![\\w.])");

    /**
     * Rewrites every number in a text that Java wrote as a double ({@code 10.0}, {@code 1.0E-9}) in the
     * {@link #plain} form ({@code 10}, {@code 1e-9}), for descriptions assembled from doubles.
     *
     * @param text a line of text
     * @return the same text with its doubles written plainly
     */
    public static String plainNumbers(String text) {
        java.util.regex.Matcher m = JAVA_DOUBLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, plain(Double.parseDouble(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
