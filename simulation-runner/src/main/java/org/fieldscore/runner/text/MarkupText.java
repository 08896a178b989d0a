package org.fieldscore.runner.text;

/** Escaping of text for HTML and XML files (the report, VTK's XML formats). */
public final class MarkupText {

    private MarkupText() {
    }

    /**
     * @param text any text
     * @return the text with {@code & < > " '} replaced by character references, safe in element content and in
     *     quoted attributes of both HTML and XML
     */
    public static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(ch);
            }
        }
        return s.toString();
    }
}
