package org.fieldscore.runner.text;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean …?" hints for misspelt keys, names and values, by the optimal-string-alignment distance
 * (Damerau–Levenshtein with adjacent transpositions; F. J. Damerau, Comm. ACM 7(3), 1964).
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * @param given what the user wrote
     * @param candidates the valid names
     * @return the closest candidate within an edit distance of max(1, length/3) that is also shorter than the given
     *     text (so that one-letter names get no arbitrary suggestion), or null when none is close
     */
    public static String closest(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String g = given.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(g, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int limit = Math.max(1, given.length() / 3);
        return bestDistance <= limit && bestDistance < given.length() ? best : null;
    }

    /**
     * @param given what the user wrote
     * @param candidates the valid names
     * @return " Did you mean 'x'?" or the empty string
     */
    public static String didYouMean(String given, Collection<String> candidates) {
        String c = closest(given, candidates);
        if (c == null) {
            return "";
        }
        return " Did you mean '" + c + "'?" + (c.equalsIgnoreCase(given) ? " (names are case-sensitive)" : "");
    }

    /**
     * @param a first string
     * @param b second string
     * @return the number of insertions, deletions, substitutions and adjacent transpositions turning a into b
     */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }

    /**
     * @param names valid names
     * @return "a, b or c"
     */
    public static String listing(Collection<String> names) {
        StringBuilder s = new StringBuilder();
        int i = 0;
        for (String n : names) {
            if (i > 0) {
                s.append(i == names.size() - 1 ? " or " : ", ");
            }
            s.append(n);
            i++;
        }
        return s.toString();
    }
}
