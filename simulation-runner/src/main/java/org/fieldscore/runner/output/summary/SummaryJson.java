package org.fieldscore.runner.output.summary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@link RunSummary} as pretty-printed JSON (summary.json).
 *
 * <p>Doubles are written in Java's shortest round-trip decimal form, so a summary read back holds the same numbers
 * bit for bit. Non-finite numbers are written as the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"} (plain JSON has no literal for them) and read back as the same doubles. Unknown properties
 * are refused on reading, so a summary from a newer version is not silently misread.
 */
public final class SummaryJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SummaryJson() {
    }

    /**
     * @param summary the summary
     * @param out the stream to write to (left open)
     * @throws IOException when writing fails
     */
    public static void write(RunSummary summary, OutputStream out) throws IOException {
        MAPPER.writeValue(out, summary);
    }

    /**
     * @param in a stream holding summary.json
     * @return the summary it holds
     * @throws IOException when the stream cannot be read or does not hold a summary
     */
    public static RunSummary read(InputStream in) throws IOException {
        return MAPPER.readValue(in, RunSummary.class);
    }
}
