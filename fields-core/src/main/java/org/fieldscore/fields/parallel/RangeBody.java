package org.fieldscore.fields.parallel;

/** The body of a parallel loop: processes the indices [from, to). */
@FunctionalInterface
public interface RangeBody {

    /**
     * @param from first index, inclusive
     * @param to last index, exclusive
     */
    void run(int from, int to);
}
