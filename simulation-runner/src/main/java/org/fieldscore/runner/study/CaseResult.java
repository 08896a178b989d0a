package org.fieldscore.runner.study;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fieldscore.runner.output.OutputDirectory;

/**
 * What a case run by another process sends back: its output files as bytes (paths relative to the case folder,
 * {@value OutputDirectory#SUMMARY_FILE} among them), or the message of its runtime failure. A failure is a value,
 * not an exception, so an engine that retries failed tasks does not retry a case that fails deterministically.
 * Serialisable; the files are not copied.
 *
 * @param id the case id
 * @param files relative path → content, empty for a failed case
 * @param failure the runtime failure's message, or null
 */
public record CaseResult(String id, Map<String, byte[]> files, String failure) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The largest total size of one case's files an engine sends to the driver: 64 MiB. A case with more output
     * is reported as failed; it runs with the local engine, or with fewer outputs (plots, VTK, CSV off).
     */
    public static final long MAX_BYTES = 64L << 20;

    /** Keeps the files in their order. */
    public CaseResult {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /**
     * @param id the case id
     * @param message why it failed
     * @return a failed case's result
     */
    public static CaseResult failed(String id, String message) {
        return new CaseResult(id, Map.of(), message);
    }

    /** @return the total size of the files in bytes */
    public long bytes() {
        long n = 0;
        for (byte[] b : files.values()) {
            n += b.length;
        }
        return n;
    }
}
