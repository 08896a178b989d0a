package org.fieldscore.runner.input;

import java.io.Serializable;

/**
 * A place in a scenario file: file name, 1-based line and 1-based column. Immutable.
 *
 * @param file the file name as the user gave it (or a bundled scenario's name)
 * @param line line number, starting at 1 (0 when unknown)
 * @param column column number, starting at 1 (0 when unknown)
 */
public record SourcePosition(String file, int line, int column) implements Serializable {

    /**
     * @param file a file name
     * @return the position of the whole file (line 1, column 1)
     */
    public static SourcePosition startOf(String file) {
        return new SourcePosition(file, 1, 1);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
