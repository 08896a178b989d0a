package org.fieldscore.runner.step;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fieldscore.runner.input.ProblemException;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.runner.output.table.CsvTable;

/**
 * Reads a numeric CSV data file named in a scenario, confined to the scenario's folder, and checks it while the
 * scenario is validated: the file must exist, be UTF-8 text, hold at least one data row, have the same number of
 * values on every row, and hold only finite numbers. An optional first row of column names is recognised when it
 * is not numeric. Lines that are empty or start with '#' are skipped. The file is parsed as RFC 4180 CSV by Apache
 * Commons CSV (quoted fields may hold separators, quotes and line breaks; {@code \n}, {@code \r\n} or {@code \r}
 * line ends), so it reads what {@link CsvTable} writes; the separator, ',', ';' or tab, is the first one found
 * outside quotes, and spaces around values are ignored.
 */
final class CsvData {

    /** Largest data file read, in bytes. */
    static final long MAX_BYTES = 256L << 20;

    private CsvData() {
    }

    /**
     * The table read from a file.
     *
     * @param columns column names (c0, c1, … when the file has no header)
     * @param values row-major values
     * @param rows the number of data rows
     */
    record Table(List<String> columns, double[] values, int rows) {
    }

    /**
     * @param node the {@code file} value (a path relative to the scenario's folder)
     * @param baseDirectory the scenario's folder, or null for a bundled scenario
     * @return the table
     */
    static Table read(ScenarioNode node, Path baseDirectory) {
        String given = node.string();
        if (baseDirectory == null) {
            throw node.problem("a bundled scenario cannot read data files; export it with 'fieldscore examples"
                    + " --export DIR' and put '" + given + "' next to it");
        }
        Path file;
        try {
            Path relative = Path.of(given);
            if (relative.isAbsolute() || given.startsWith("/") || given.startsWith("\\")) {
                throw node.problem("the data file '" + given + "' must be given relative to the scenario's folder "
                        + baseDirectory + " (absolute paths are not allowed)");
            }
            file = baseDirectory.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw node.problem("'" + given + "' is not a valid path: " + e.getReason());
        }
        if (!file.startsWith(baseDirectory)) {
            throw node.problem("the data file '" + given + "' lies outside the scenario's folder " + baseDirectory
                    + "; valid: a file in that folder or below it");
        }
        if (!Files.exists(file)) {
            throw node.problem("the data file '" + given + "' does not exist (looked for " + file
                    + "); valid: a CSV file in the scenario's folder or below it");
        }
        byte[] bytes;
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(baseDirectory.toRealPath())) {
                throw node.problem("the data file '" + given + "' is a link to " + real
                        + ", outside the scenario's folder; valid: a file inside it");
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw node.problem("'" + given + "' is not a regular file");
            }
            if (Files.size(real) > MAX_BYTES) {
                throw node.problem("the data file '" + given + "' has " + Files.size(real) + " bytes; at most "
                        + MAX_BYTES + " are read");
            }
            bytes = Files.readAllBytes(real);
        } catch (IOException e) {
            throw node.problem("the data file '" + given + "' cannot be read: " + e.getMessage());
        }
        return parse(node, given, bytes);
    }

    private static Table parse(ScenarioNode node, String name, byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                throw node.problem("the data file '" + name + "' contains NUL bytes: it is binary, not a CSV text"
                        + " file");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw node.problem("the data file '" + name + "' is not UTF-8 text");
        }
        List<String> columns = null;
        List<double[]> rows = new ArrayList<>();
        int width = -1;
        LineCounter lines = new LineCounter(text);
        CSVFormat format = CsvTable.FORMAT.builder().setDelimiter(delimiter(text)).setCommentMarker('#')
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a line of blanks
                }
                int line = lines.lineAt(record.getCharacterPosition());
                if (columns == null && rows.isEmpty() && !numeric(record)) {
                    columns = record.toList();
                    width = record.size();
                    continue;
                }
                if (width >= 0 && record.size() != width) {
                    throw node.problem("the data file '" + name + "' is ragged: line " + line + " has "
                            + record.size() + " values but "
                            + (columns != null ? "the header has " : "the first row has ") + width
                            + "; valid: the same number of values on every row");
                }
                width = record.size();
                double[] row = new double[width];
                for (int c = 0; c < width; c++) {
                    try {
                        row[c] = Double.parseDouble(record.get(c));
                    } catch (NumberFormatException e) {
                        row[c] = Double.NaN;
                    }
                    if (!Double.isFinite(row[c])) {
                        throw node.problem("the data file '" + name + "' has a non-number at line " + line
                                + ", column " + (c + 1) + ": '" + record.get(c)
                                + "'; valid: finite decimal numbers such as -1.5e3");
                    }
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw notCsv(node, name, e);
        } catch (UncheckedIOException e) {
            throw notCsv(node, name, e.getCause());
        }
        if (rows.isEmpty()) {
            throw node.problem("the data file '" + name + "' holds no data rows"
                    + (columns != null ? " (only a header)" : "") + "; valid: at least one row of numbers");
        }
        if (columns == null) {
            columns = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                columns.add("c" + c);
            }
        }
        double[] values = new double[rows.size() * width];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * width, width);
        }
        return new Table(List.copyOf(columns), values, rows.size());
    }

    private static ProblemException notCsv(ScenarioNode node, String name, IOException e) {
        return node.problem("the data file '" + name + "' is not valid CSV: " + e.getMessage()
                + "; valid: RFC 4180 text, each quoted value closed by a quote before the next separator or line end");
    }

    private static boolean numeric(CSVRecord record) {
        for (String cell : record) {
            try {
                Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the separator of the file: the first ',', ';' or tab outside quotes and comment lines, ',' when the
     *     file has none (a single column)
     */
    private static char delimiter(String text) {
        boolean quoted = false;
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (lineStart && c == '#') {
                i = text.indexOf('\n', i);
                if (i < 0) {
                    break;
                }
                continue;
            }
            lineStart = false;
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',' || c == ';' || c == '\t') {
                    return c;
                }
                lineStart = c == '\n' || c == '\r';
            }
        }
        return ',';
    }

    /** Line numbers (from 1) of character positions, for positions visited in increasing order. */
    private static final class LineCounter {
        private final String text;
        private int position;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        /** A line ends at "\n", "\r\n" or a lone "\r", as in the CSV parser. */
        int lineAt(long target) {
            for (; position < target; position++) {
                char c = text.charAt(position);
                if (c == '\n' || (c == '\r' && (position + 1 >= text.length() || text.charAt(position + 1) != '\n'))) {
                    line++;
                }
            }
            return line;
        }
    }
}
