package org.fieldscore.runner.step;

import org.fieldscore.runner.input.Problem;
import org.fieldscore.runner.input.ProblemException;
import org.fieldscore.runner.input.SourcePosition;

/**
 * What every step has: its id, its type and where it is declared. Immutable.
 *
 * @param id the step's unique id, used by later steps and in output file names
 * @param type the step type, e.g. {@code gradient}
 * @param position where the step's mapping starts
 * @param keyPath the step's key path, e.g. {@code steps[3]}
 */
public record StepHeader(String id, String type, SourcePosition position, String keyPath) {

    /**
     * @param key a key of the step, or empty for the step itself
     * @param message what is wrong and what would be valid
     * @return an exception located at the step
     */
    public ProblemException problem(String key, String message) {
        return new ProblemException(new Problem(position, key.isEmpty() ? keyPath : keyPath + "." + key,
                "step '" + id + "' (" + type + "): " + message));
    }
}
