package org.fieldscore.runner.output.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    /** Reads the table back with Apache Commons CSV in the dialect it is written in. */
    static List<List<String>> parse(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(csv, CsvTable.FORMAT)) {
            return parser.stream().map(CSVRecord::toList).toList();
        }
    }

    private static String text(CsvTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void columnTablesWriteLikeRowTables() throws Exception {
        double[][] columns = {{0.0, 0.5, 1.0}, {0.1, Double.NaN, -1.0E-5}};
        CsvTable byColumns = CsvTable.ofColumns(java.util.List.of("x", "value"), columns);
        CsvTable byRows = CsvTable.builder("x", "value").row(0.0, 0.1).row(0.5, Double.NaN).row(1.0, -1.0E-5).build();
        java.io.ByteArrayOutputStream a = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        byColumns.writeTo(a);
        byRows.writeTo(b);
        org.junit.jupiter.api.Assertions.assertEquals("x,value\n0.0,0.1\n0.5,NaN\n1.0,-1.0E-5\n", a.toString());
        org.junit.jupiter.api.Assertions.assertEquals(b.toString(), a.toString());
        org.junit.jupiter.api.Assertions.assertEquals(3, byColumns.rowCount());
        org.junit.jupiter.api.Assertions.assertEquals(0.5, byColumns.cell(1, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CsvTable.ofColumns(java.util.List.of("x"), new double[][] {{1}, {2}}));
    }

    @Test
    void numbersRoundTripBitForBit() throws IOException {
        SplittableRandom random = new SplittableRandom(2026);
        CsvTable.Builder builder = CsvTable.builder("h", "error", "order");
        List<double[]> written = new ArrayList<>();
        for (int r = 0; r < 500; r++) {
            double[] row = {random.nextDouble(), Math.scalb(random.nextDouble() - 0.5, random.nextInt(-1070, 1020)),
                Double.longBitsToDouble(random.nextLong())};
            if (Double.isNaN(row[2])) {
                row[2] = Double.MIN_VALUE;
            }
            written.add(row);
            builder.row(row);
        }
        builder.row(Double.NaN, Double.POSITIVE_INFINITY, -0.0);
        written.add(new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.0});
        List<List<String>> rows = parse(text(builder.build()));
        assertEquals(List.of("h", "error", "order"), rows.get(0));
        assertEquals(written.size() + 1, rows.size());
        for (int r = 0; r < written.size(); r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(Double.doubleToRawLongBits(written.get(r)[c]),
                        Double.doubleToRawLongBits(Double.parseDouble(rows.get(r + 1).get(c))),
                        "row " + r + " column " + c);
            }
        }
    }

    @Test
    void mixedCellsAndQuoting() throws IOException {
        CsvTable table = CsvTable.builder("solver", "n", "time [s]", "note")
                .mixedRow("multigrid", 65, 0.25, "V-cycle, 2+2 smoothing")
                .mixedRow("cg", 129L, 1.5f, "said \"fine\"\nnext line")
                .build();
        String csv = text(table);
        assertEquals("solver,n,time [s],note\nmultigrid,65,0.25,\"V-cycle, 2+2 smoothing\"\n"
                + "cg,129,1.5,\"said \"\"fine\"\"\nnext line\"\n", csv);
        List<List<String>> rows = parse(csv);
        assertEquals(List.of("cg", "129", "1.5", "said \"fine\"\nnext line"), rows.get(2));
        assertEquals(2, table.rowCount());
        assertEquals(65L, table.cell(0, 1));
    }

    /** Numbers and plain names are written exactly as before Apache Commons CSV took over the quoting. */
    @Test
    void ordinaryContentIsWrittenUnquoted() throws IOException {
        CsvTable table = CsvTable.builder("t", "u-mean", "solver").mixedRow(0.5, 3, "cg")
                .mixedRow(Double.NaN, -1L, "V-cycle (2+2)").row(-0.0, Double.NEGATIVE_INFINITY, 1e-300).build();
        assertEquals("t,u-mean,solver\n0.5,3,cg\nNaN,-1,V-cycle (2+2)\n-0.0,-Infinity,1.0E-300\n", text(table));
    }

    @Test
    void badRowsAreRefused() {
        CsvTable.Builder b = CsvTable.builder("a", "b");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.row(1.0));
        assertEquals("row 0 has 1 cells but the table has 2 columns [a, b]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.mixedRow("x", null));
        assertThrows(IllegalArgumentException.class, () -> b.mixedRow("x", new Object()));
        assertThrows(IllegalArgumentException.class, CsvTable::builder);
    }
}
