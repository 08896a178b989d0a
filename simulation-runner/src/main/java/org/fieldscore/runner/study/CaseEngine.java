package org.fieldscore.runner.study;

import java.io.IOException;
import java.util.List;

/**
 * Runs study cases somewhere other than this JVM's thread pool (e.g. as the tasks of a Spark job). Every case runs
 * with {@link CaseExecution#run} wherever the engine puts it, so its numbers are those of the local engine; the
 * engine hands each case's {@link CaseResult} back to the caller exactly once, even when it ran a case twice
 * after losing a worker.
 */
public interface CaseEngine {

    /**
     * Runs the cases and delivers their results, on the calling thread, as they finish.
     *
     * @param cases the cases to run (none of them finished before)
     * @param results receives (index in {@code cases}, result) once per case
     * @throws IOException when the engine fails (lost its cluster, or a result could not be written)
     */
    void run(List<StudyCase> cases, ResultSink results) throws IOException;

    /** Receives case results on the thread that called {@link #run}. */
    @FunctionalInterface
    interface ResultSink {

        /**
         * @param index the case's index in the list given to {@link #run}
         * @param result its result
         * @throws IOException when the result cannot be written
         */
        void accept(int index, CaseResult result) throws IOException;
    }
}
