package org.fieldscore.runner.input;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks that the bytes of a scenario file are text before any YAML parsing: no NUL bytes (binary files), valid
 * UTF-8, not larger than {@link #MAX_BYTES}. A leading byte-order mark is dropped.
 */
public final class ScenarioText {

    /** Largest scenario file accepted, in bytes (1 MiB: scenarios are short; data belongs in CSV files). */
    public static final int MAX_BYTES = 1 << 20;

    private ScenarioText() {
    }

    /**
     * @param file the file name, for messages
     * @param bytes the file's content
     * @return the decoded text
     * @throws InvalidScenarioException when the content is not UTF-8 text or too large
     */
    public static String decode(String file, byte[] bytes) throws InvalidScenarioException {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidScenarioException(new Problem(SourcePosition.startOf(file), "",
                    "the file has " + bytes.length + " bytes; a scenario may have at most " + MAX_BYTES
                            + " (put large data into a CSV file and reference it from a 'data' step)"));
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new InvalidScenarioException(new Problem(positionOf(file, bytes, i), "",
                        "the file contains a NUL byte at offset " + i + ": it is a binary file, not a YAML text"
                                + " scenario (valid: a UTF-8 text file)"));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new InvalidScenarioException(new Problem(positionOf(file, bytes, offset), "",
                    "the file is not valid UTF-8 (bad byte 0x"
                            + String.format("%02x", bytes[offset] & 0xff) + " at offset " + offset
                            + "); save the scenario as UTF-8 text"));
        }
        try {
            decoder.flush(out);
        } catch (IllegalStateException e) {
            throw new AssertionError(e);
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static SourcePosition positionOf(String file, byte[] bytes, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new SourcePosition(file, line, column);
    }
}
