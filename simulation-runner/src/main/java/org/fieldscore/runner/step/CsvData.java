package org.fieldscore.runner.step;

import java.io.IOException;
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

import org.fieldscore.runner.input.ScenarioNode;

/**
 * Reads a numeric CSV data file named in a scenario, confined to the scenario's folder, and checks it while the
 * scenario is validated: the file must exist, be UTF-8 text, hold at least one data row, have the same number of
 * values on every row, and hold only finite numbers. An optional first row of column names is recognised when it
 * is not numeric. Lines that are empty or start with '#' are skipped.
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
        String[] lines = text.split("\r?\n", -1);
        int width = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s*[,;\\t]\\s*", -1);
            if (columns == null && rows.isEmpty() && !numeric(cells)) {
                columns = new ArrayList<>();
                for (String c : cells) {
                    columns.add(c.strip().replaceAll("^\"|\"$", ""));
                }
                width = cells.length;
                continue;
            }
            if (width >= 0 && cells.length != width) {
                throw node.problem("the data file '" + name + "' is ragged: line " + (i + 1) + " has " + cells.length
                        + " values but " + (columns != null ? "the header has " : "the first row has ") + width
                        + "; valid: the same number of values on every row");
            }
            width = cells.length;
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                try {
                    row[c] = Double.parseDouble(cells[c].strip());
                } catch (NumberFormatException e) {
                    row[c] = Double.NaN;
                }
                if (!Double.isFinite(row[c])) {
                    throw node.problem("the data file '" + name + "' has a non-number at line " + (i + 1) + ", column "
                            + (c + 1) + ": '" + cells[c].strip() + "'; valid: finite decimal numbers such as -1.5e3");
                }
            }
            rows.add(row);
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

    private static boolean numeric(String[] cells) {
        for (String c : cells) {
            try {
                Double.parseDouble(c.strip());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}
