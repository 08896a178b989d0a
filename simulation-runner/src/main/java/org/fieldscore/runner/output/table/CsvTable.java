package org.fieldscore.runner.output.table;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * A table with a header row and rows of numbers or text, written as CSV (RFC 4180, UTF-8, {@code \n} line ends).
 *
 * <p>Doubles are written with {@link Double#toString(double)}, whose decimal form parses back to the identical
 * double ({@code NaN}, {@code Infinity} and {@code -Infinity} included), so tables round-trip exactly through
 * {@link Double#parseDouble(String)}, Python's {@code float} or pandas. Integers are written as integers. Text
 * cells are quoted, by Apache Commons CSV, when they contain a comma, quote or line break, and also when they start
 * with a space, {@code !}, {@code "} or {@code #} or end with a space (so that no reader mistakes them for comments
 * or trims them). Instances are immutable; build them with {@link #builder(String...)}.
 */
public final class CsvTable {

    /**
     * The dialect written: RFC 4180 with {@code \n} line ends and minimal quoting (Apache Commons CSV
     * {@link QuoteMode#MINIMAL}).
     */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
            .setQuoteMode(QuoteMode.MINIMAL).get();

    private final List<String> header;
    /** Each row is a {@code double[]} (numeric rows, kept unboxed) or an {@code Object[]} of Double, Long, String. */
    private final List<Object> rows;
    /** For a table of numeric columns: columns[c][r]; null for a table of rows. */
    private final double[][] columns;

    private CsvTable(List<String> header, List<Object> rows) {
        this.header = header;
        this.rows = rows;
        this.columns = null;
    }

    private CsvTable(List<String> header, double[][] columns) {
        this.header = header;
        this.rows = List.of();
        this.columns = columns;
    }

    /**
     * A table of numeric columns of equal length, kept as they are (not copied, so they must not change): the
     * cheap form of a large table, e.g. a field with its grid coordinates.
     *
     * @param names the column names
     * @param columns columns[c][r] is row r of column c
     * @return the table
     */
    public static CsvTable ofColumns(List<String> names, double[][] columns) {
        if (names.isEmpty() || names.size() != columns.length) {
            throw new IllegalArgumentException("a CSV table needs one name per column and at least one column, got "
                    + names.size() + " names for " + columns.length + " columns");
        }
        for (double[] column : columns) {
            if (column.length != columns[0].length) {
                throw new IllegalArgumentException("the columns of a CSV table must have one length, got "
                        + column.length + " and " + columns[0].length);
            }
        }
        return new CsvTable(List.copyOf(names), columns);
    }

    /**
     * @param columns column names, at least one
     * @return a builder for a table with these columns
     */
    public static Builder builder(String... columns) {
        return new Builder(columns);
    }

    /** @return the column names */
    public List<String> header() {
        return header;
    }

    /** @return the number of data rows */
    public int rowCount() {
        return columns != null ? columns[0].length : rows.size();
    }

    /**
     * @param row row index
     * @param column column index
     * @return the cell: a {@link Double}, {@link Long} or {@link String}
     */
    public Object cell(int row, int column) {
        if (columns != null) {
            return columns[column][row];
        }
        Object r = rows.get(row);
        return r instanceof double[] numbers ? (Object) numbers[column] : ((Object[]) r)[column];
    }

    /**
     * Writes the table as CSV.
     *
     * @param out the stream (left open)
     * @throws IOException when writing fails
     */
    public void writeTo(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        // not closed: closing the printer would close the caller's stream
        CSVPrinter printer = new CSVPrinter(w, FORMAT);
        printer.printRecord(header);
        printer.flush();
        StringBuilder line = new StringBuilder(256);
        if (columns != null) {
            writeColumns(out);
        }
        for (Object row : rows) {
            if (row instanceof double[] numbers) {
                // numbers never need quoting: their text has digits, '.', '-', 'E', "NaN" or "Infinity" only
                line.setLength(0);
                for (int c = 0; c < numbers.length; c++) {
                    line.append(c == 0 ? "" : ",").append(numbers[c]);
                }
                w.append(line).append('\n');
            } else {
                for (Object cell : (Object[]) row) {
                    printer.print(cell instanceof String text ? text : cell.toString());
                }
                printer.println();
                printer.flush();
            }
        }
        printer.flush();
    }

    /** Collects rows of a {@link CsvTable}. Not thread-safe. */
    /**
     * Writes the numeric columns as ASCII bytes straight to the stream. Each column keeps the text of recently
     * written values in a small direct-mapped cache, so grid coordinates, which repeat every few rows, are formatted
     * once per distinct value (formatting a double is the costly part of writing a table).
     */
    private void writeColumns(OutputStream out) throws IOException {
        int rowCount = columns[0].length;
        NumberTexts[] texts = new NumberTexts[columns.length];
        for (int c = 0; c < texts.length; c++) {
            texts[c] = new NumberTexts();
        }
        byte[] buffer = new byte[1 << 16];
        int used = 0;
        for (int r = 0; r < rowCount; r++) {
            if (used > buffer.length - 32 * columns.length - 1) {
                out.write(buffer, 0, used);
                used = 0;
            }
            for (int c = 0; c < columns.length; c++) {
                if (c > 0) {
                    buffer[used++] = ',';
                }
                String text = texts[c].of(columns[c][r]);
                for (int i = 0; i < text.length(); i++) {
                    buffer[used++] = (byte) text.charAt(i);
                }
            }
            buffer[used++] = '\n';
        }
        out.write(buffer, 0, used);
    }

    /** Double.toString of recently seen values (at most 25 characters each), by their bits, direct-mapped. */
    private static final class NumberTexts {
        private static final int SIZE = 512;
        private final long[] bits = new long[SIZE];
        private final String[] texts = new String[SIZE];

        String of(double v) {
            long b = Double.doubleToRawLongBits(v);
            int slot = (int) (b ^ (b >>> 21) ^ (b >>> 42)) & (SIZE - 1);
            String t = texts[slot];
            if (t != null && bits[slot] == b) {
                return t;
            }
            t = Double.toString(v);
            bits[slot] = b;
            texts[slot] = t;
            return t;
        }
    }

    public static final class Builder {

        private final List<String> header;
        private final List<Object> rows = new ArrayList<>();

        private Builder(String[] columns) {
            if (columns.length == 0) {
                throw new IllegalArgumentException("a CSV table needs at least one column");
            }
            for (int c = 0; c < columns.length; c++) {
                Objects.requireNonNull(columns[c], "name of column " + c);
            }
            this.header = List.of(columns);
        }

        /**
         * Adds a row of numbers (copied, kept unboxed).
         *
         * @param values one value per column
         * @return this builder
         * @throws IllegalArgumentException when the number of values differs from the number of columns
         */
        public Builder row(double... values) {
            requireWidth(values.length);
            rows.add(values.clone());
            return this;
        }

        /**
         * Adds a row of mixed cells.
         *
         * @param cells one cell per column: a {@link Number} (integers — {@link Integer}, {@link Long},
         *     {@link Short}, {@link Byte} — are kept integral, other numbers are written as doubles) or a
         *     {@link CharSequence}
         * @return this builder
         * @throws IllegalArgumentException when the width is wrong or a cell is null or of another type
         */
        public Builder mixedRow(Object... cells) {
            requireWidth(cells.length);
            Object[] row = new Object[cells.length];
            for (int c = 0; c < cells.length; c++) {
                row[c] = normalise(cells[c], c);
            }
            rows.add(row);
            return this;
        }

        /** @return the table holding the rows added so far */
        public CsvTable build() {
            return new CsvTable(header, List.copyOf(rows));
        }

        private Object normalise(Object cell, int column) {
            if (cell instanceof Integer || cell instanceof Long || cell instanceof Short || cell instanceof Byte) {
                return ((Number) cell).longValue();
            }
            if (cell instanceof Number n) {
                return n.doubleValue();
            }
            if (cell instanceof CharSequence s) {
                return s.toString();
            }
            throw new IllegalArgumentException("cell in column '" + header.get(column) + "' of row " + rows.size()
                    + " must be a number or text, got " + (cell == null ? "null" : cell.getClass().getName()));
        }

        private void requireWidth(int width) {
            if (width != header.size()) {
                throw new IllegalArgumentException("row " + rows.size() + " has " + width + " cells but the table has "
                        + header.size() + " columns " + header);
            }
        }
    }
}
