package org.fieldscore.runner.output.summary;

import com.fasterxml.jackson.annotation.JsonValue;

/** Outcome of a comparison against its tolerance; written as {@code "pass"} or {@code "fail"}. */
public enum Verdict {
    /** The error metric is within the tolerance. */
    PASS,
    /** The error metric exceeds the tolerance or is not a number. */
    FAIL;

    /** @return the lower-case name used in summary.json and the report */
    @JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
