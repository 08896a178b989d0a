package org.fieldscore.runner.step;

import org.fieldscore.runner.input.Problem;
import org.fieldscore.runner.input.ProblemException;
import org.fieldscore.runner.input.SourcePosition;

/**
 * A step's use of an earlier step's result, with where it is written. Immutable.
 *
 * @param id the id of the referenced step
 * @param position where the reference is written
 * @param keyPath its key path
 */
public record Reference(String id, SourcePosition position, String keyPath) {

    /**
     * @param message what is wrong and what would be valid
     * @return an exception located at the reference
     */
    public ProblemException problem(String message) {
        return new ProblemException(new Problem(position, keyPath, message));
    }
}
