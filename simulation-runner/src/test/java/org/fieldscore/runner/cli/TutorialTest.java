package org.fieldscore.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the commands of docs/tutorial.md and compares what they print with the tutorial's {@code text} blocks,
 * line by line: a {@code ...} line stands for any lines, {@code /home/you/fieldscore} for the folder the commands
 * run in. The scenario file {@code my.yaml} is, at each command, the last complete scenario (a {@code yaml} block
 * starting with {@code name:}) shown before it.
 */
class TutorialTest {

    private static final String HOME = "/home/you/fieldscore";
    private static final Pattern BLOCK = Pattern.compile("```([a-z]*)[^\\n]*\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path work;

    @Test
    void everyShownOutputIsWhatTheCommandPrints() throws IOException {
        String tutorial = Files.readString(Path.of("..", "docs", "tutorial.md"));
        Matcher m = BLOCK.matcher(tutorial);
        List<String[]> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(new String[] {m.group(1), m.group(2)});
        }
        Path scenario = work.resolve("my.yaml");
        int compared = 0;
        for (int i = 0; i < blocks.size(); i++) {
            String kind = blocks.get(i)[0];
            String body = blocks.get(i)[1];
            if (kind.equals("yaml") && body.startsWith("name:")) {
                Files.writeString(scenario, body);
            }
            if (!kind.equals("bash") || i + 1 >= blocks.size() || !blocks.get(i + 1)[0].equals("text")) {
                continue;
            }
            String[] commands = body.strip().split("\\n");
            String command = commands[commands.length - 1].replaceAll("\\s+#.*$", "").strip();
            assertTrue(command.startsWith("./fieldscore "), command);
            List<String> args = new ArrayList<>(Arrays.asList(command.substring("./fieldscore ".length()).split(" +")));
            args.replaceAll(a -> a.equals("my.yaml") ? scenario.toString() : a);
            if (args.get(0).equals("run") && !args.contains("--out")) {
                String name = args.get(1).equals(scenario.toString()) ? "my-wind" : args.get(1);
                args.addAll(List.of("--out", work.resolve("out").resolve(name).toString()));
            }
            CliHarness.Result r = CliHarness.run(args.toArray(String[]::new));
            String printed = (r.out() + r.err()).replace(scenario.toString(), "my.yaml")
                    .replace(work.toString(), HOME);
            assertMatches(blocks.get(i + 1)[1], printed, command);
            compared++;
        }
        assertEquals(3, compared, "the tutorial shows the output of three commands");
    }

    /** Each expected line equals the printed one; a "..." line skips printed lines up to the next expected one. */
    private static void assertMatches(String expected, String printed, String command) {
        List<String> want = Arrays.asList(expected.stripTrailing().split("\\n"));
        List<String> got = Arrays.asList(printed.stripTrailing().split("\\n"));
        int g = 0;
        for (int w = 0; w < want.size(); w++) {
            String line = want.get(w);
            if (line.strip().equals("...")) {
                String next = w + 1 < want.size() ? want.get(w + 1) : null;
                while (g < got.size() && (next == null || !got.get(g).equals(next))) {
                    g++;
                }
                continue;
            }
            assertTrue(g < got.size(), command + ": the tutorial shows '" + line + "' but the output ends\n" + printed);
            assertEquals(line, got.get(g), command + ": line " + (g + 1) + " differs\n" + printed);
            g++;
        }
        assertEquals(got.size(), g, command + ": the output has more lines than the tutorial shows\n" + printed);
    }
}
