package org.fieldscore.runner.study;

import java.io.Serializable;
import java.util.Map;

import org.fieldscore.runner.scenario.ScenarioCase;

/**
 * One case of a study: an id, the swept values, and the complete scenario case (text, overrides, seed) it runs.
 * Serialisable, so a case can be shipped to another process or machine.
 *
 * @param id the case's folder name under {@code cases/}
 * @param values swept parameter → value
 * @param scenario the self-contained unit of work
 */
public record StudyCase(String id, Map<String, String> values, ScenarioCase scenario) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the values. */
    public StudyCase {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
