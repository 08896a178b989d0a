package org.fieldscore.runner.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.fieldscore.runner.input.ProblemException;
import org.fieldscore.runner.input.ScenarioDocument;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.runner.output.table.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CsvData} reads what {@link CsvTable} writes, and locates what is wrong in a data file. */
class CsvDataTest {

    @TempDir
    Path dir;

    /** The {@code file: table.csv} value of a scenario, as the data step passes it. */
    private static ScenarioNode fileNode() throws Exception {
        return ScenarioDocument.parse("data.yaml", "file: table.csv\n".getBytes(StandardCharsets.UTF_8)).root()
                .map().get("file");
    }

    private CsvData.Table read(String csv) throws Exception {
        Files.writeString(dir.resolve("table.csv"), csv);
        return CsvData.read(fileNode(), dir);
    }

    private String problem(String csv) {
        return assertThrows(ProblemException.class, () -> read(csv)).problem().message();
    }

    @Test
    void readsBackWhatCsvTableWritesWithQuotesCommasAndLineBreaksInNames() throws Exception {
        List<String> names = List.of("plain", "with, comma", "say \"hi\"", "two\nlines", "crlf\r\ninside",
                " padded ", "# not a comment");
        double[][] rows = {{0.1, -2.5e-300, Double.MIN_VALUE, 1e300, -0.0, 3, 7},
            {1, 2, 3, 4, 5, 6, Math.PI}};
        CsvTable.Builder builder = CsvTable.builder(names.toArray(String[]::new));
        for (double[] row : rows) {
            builder.row(row);
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("table.csv"))) {
            builder.build().writeTo(out);
        }
        CsvData.Table table = CsvData.read(fileNode(), dir);
        assertEquals(names, table.columns());
        assertEquals(2, table.rows());
        // Double.toString and Double.parseDouble round-trip exactly, so the values must be bit-identical
        assertArrayEquals(rows[0], Arrays.copyOfRange(table.values(), 0, 7), 0);
        assertArrayEquals(rows[1], Arrays.copyOfRange(table.values(), 7, 14), 0);
    }

    @Test
    void crlfLineEndsSeparatorsAndCommentsAreAccepted() throws Exception {
        CsvData.Table crlf = read("# measured\r\nx,\"y, in m\"\r\n\r\n1.5,2\r\n3,-4e-3\r\n");
        assertEquals(List.of("x", "y, in m"), crlf.columns());
        assertArrayEquals(new double[] {1.5, 2, 3, -4e-3}, crlf.values(), 0);
        CsvData.Table semicolons = read("x ; y\n1 ; 2\n");
        assertEquals(List.of("x", "y"), semicolons.columns());
        assertArrayEquals(new double[] {1, 2}, semicolons.values(), 0);
        CsvData.Table tabs = read("1\t2\n3\t4\n");
        assertEquals(List.of("c0", "c1"), tabs.columns());
        assertArrayEquals(new double[] {1, 2, 3, 4}, tabs.values(), 0);
    }

    @Test
    void problemsNameTheLineWhereTheRecordStarts() {
        // the header spans lines 1 and 2, so the short record is on line 4
        assertTrue(problem("\"x\nwith a break\",y\n1,2\n3\n").contains("ragged: line 4 has 1 values but the header"
                + " has 2"), "ragged");
        String crlf = problem("x,y\r\n1,2\r\n3,lots\r\n");
        assertTrue(crlf.contains("non-number at line 3, column 2: 'lots'"), crlf);
        String quote = problem("x,y\n1,\"2\n");
        assertTrue(quote.contains("'table.csv' is not valid CSV") && quote.contains("line"), quote);
    }
}
