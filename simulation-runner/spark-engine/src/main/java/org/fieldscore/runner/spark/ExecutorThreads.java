package org.fieldscore.runner.spark;

import java.util.function.Supplier;

import org.fieldscore.fields.Parallelism;

/**
 * Runs a task's computation on an executor with the run's {@code --threads}: its parallel loops then use that many
 * threads, as on the local engine; without the option they use the executor JVM's cores. The numbers do not depend on
 * it (parallel loops split work deterministically).
 */
final class ExecutorThreads {

    private ExecutorThreads() {
    }

    /**
     * @param threads the threads, or null for the executor's cores
     * @param computation the task's work
     * @param <T> its result
     * @return the result
     */
    static <T> T run(Integer threads, Supplier<T> computation) {
        if (threads == null) {
            return computation.get();
        }
        try {
            return Parallelism.of(threads).call(computation::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the task was interrupted: " + e, e);
        }
    }
}
