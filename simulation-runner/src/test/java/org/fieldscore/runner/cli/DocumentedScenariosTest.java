package org.fieldscore.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fieldscore.runner.testing.RunAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every scenario in the user documentation fenced as {@code ```yaml scenario} is valid and runs with its
 * comparisons passing; each has at least one comparison (the module's tests run in simulation-runner/, next to
 * docs/).
 */
class DocumentedScenariosTest {

    private static final List<String> PAGES = List.of("scenarios.md", "tutorial.md");

    @TempDir
    Path dir;

    static List<String> scenarios(Path page) throws IOException {
        List<String> blocks = new ArrayList<>();
        List<String> lines = Files.readAllLines(page);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("```yaml scenario")) {
                StringBuilder b = new StringBuilder();
                for (i++; !lines.get(i).strip().startsWith("```"); i++) {
                    b.append(lines.get(i)).append('\n');
                }
                blocks.add(b.toString());
            }
        }
        return blocks;
    }

    @Test
    void documentedScenariosValidateAndRun() throws IOException {
        int count = 0;
        for (String page : PAGES) {
            Path file = Path.of("..", "docs", page);
            assertTrue(Files.isRegularFile(file), file.toAbsolutePath() + " exists");
            for (String text : scenarios(file)) {
                Path yaml = dir.resolve(page.replace(".md", "") + "-" + count++ + ".yaml");
                Files.writeString(yaml, text);
                Path out = dir.resolve("out" + count);
                CliHarness.Result r = CliHarness.run("run", yaml.toString(), "--out", out.toString());
                assertEquals(ExitCodes.SUCCESS, r.exitCode(), page + "\n" + text + "\n" + r);
                RunAssertions.assertChecked(page + " scenario " + count, RunAssertions.readSummary(out), List.of());
            }
        }
        assertTrue(count >= 2, "documented scenarios found: " + count);
    }
}
