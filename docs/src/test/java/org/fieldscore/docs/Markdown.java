package org.fieldscore.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads fenced code blocks out of the Markdown documentation. */
final class Markdown {

    /** A fenced block: its file, the line of its opening fence, and its text. */
    record Block(Path file, int line, String text) {
    }

    private Markdown() {
    }

    /** @return the documentation folder (the docs module's base directory) */
    static Path folder() {
        return Path.of(System.getProperty("fieldscore.docs", "."));
    }

    /** @return every Markdown file of the documentation, plus the README */
    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder())) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        Path readme = folder().resolve("../README.md").normalize();
        if (Files.exists(readme)) {
            docs.add(readme);
        }
        return docs;
    }

    /**
     * @param file a Markdown file
     * @param language the fence's language word, e.g. {@code java}
     * @param marker a second word the fence must carry, e.g. {@code runnable}
     * @return the blocks fenced as {@code ```language marker}
     */
    static List<Block> blocks(Path file, String language, String marker) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i).trim();
            if (fence.startsWith("```") && fence.substring(3).trim().equals(language + " " + marker)) {
                StringBuilder text = new StringBuilder();
                int start = i + 1;
                for (i = start; i < lines.size() && !lines.get(i).trim().startsWith("```"); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                blocks.add(new Block(file, start, text.toString()));
            }
        }
        return blocks;
    }
}
