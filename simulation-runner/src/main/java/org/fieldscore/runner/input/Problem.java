package org.fieldscore.runner.input;

import java.io.Serializable;

/**
 * One thing wrong with a scenario: where it is, which key, what is wrong and what would be valid. Immutable.
 *
 * @param position file, line and column
 * @param keyPath the key path, e.g. {@code steps[2].grid.shape[0]}; empty for the whole file
 * @param message what is wrong and what would be valid
 */
public record Problem(SourcePosition position, String keyPath, String message) implements Serializable {

    /** @return one line: {@code file:line:column: key 'path': message} */
    public String format() {
        String key = keyPath == null || keyPath.isEmpty() ? "" : "key '" + keyPath + "': ";
        return position + ": " + key + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
