package org.fieldscore.runner.step;

import java.util.Map;

import org.fieldscore.runner.input.Problem;
import org.fieldscore.runner.input.ProblemException;
import org.fieldscore.runner.input.SourcePosition;

/**
 * What every step has: its id, its type and where it and its keys are declared. Immutable.
 *
 * @param id the step's unique id, used by later steps and in output file names
 * @param type the step type, e.g. {@code gradient}
 * @param position where the step's mapping starts
 * @param keyPath the step's key path, e.g. {@code steps[3]}
 * @param keyPositions where each of the step's keys is written
 */
public record StepHeader(String id, String type, SourcePosition position, String keyPath,
        Map<String, SourcePosition> keyPositions) {

    /** Copies the positions. */
    public StepHeader {
        keyPositions = Map.copyOf(keyPositions);
    }

    /**
     * @param key a key of the step (or a dotted path inside one), or empty for the step itself
     * @param message what is wrong and what would be valid
     * @return an exception located at the key's line when the step declares it, else at the step
     */
    public ProblemException problem(String key, String message) {
        SourcePosition at = key.isEmpty() ? position
                : keyPositions.getOrDefault(key.split("\\.", 2)[0], position);
        return new ProblemException(new Problem(at, key.isEmpty() ? keyPath : keyPath + "." + key,
                "step '" + id + "' (" + type + "): " + message));
    }
}
