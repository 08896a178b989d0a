package org.fieldscore.runner.output.vtk;

/** XML attribute escaping for the VTK writers. */
final class Xml {

    private Xml() {
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&apos;");
                default -> s.append(ch);
            }
        }
        return s.toString();
    }
}
