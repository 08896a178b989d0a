package org.fieldscore.fields;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

import org.fieldscore.fields.parallel.ParallelLoops;

/**
 * How many threads FieldScore's parallel loops use, as a setting passed to the code that runs them rather than a
 * JVM-wide property. {@link #call} runs a computation on a fork-join pool of {@link #threads()} workers; every
 * parallel loop inside it (in any FieldScore module) splits its work over those workers only. Outside such a call,
 * loops use the common pool and the calling thread.
 *
 * <p>Loops split their index ranges by range and grain only, never by thread count, so a computation gives the
 * same numbers for every setting; only the time changes. Immutable.
 */
public final class Parallelism {

    private final int threads;

    private Parallelism(int threads) {
        this.threads = threads;
    }

    /**
     * @param threads the number of threads, at least 1
     * @return the setting
     * @throws InvalidArgumentException when threads &lt; 1
     */
    public static Parallelism of(int threads) {
        if (threads < 1) {
            throw new InvalidArgumentException("threads", threads, "at least 1",
                    "the number of threads must be at least 1, got " + threads);
        }
        return new Parallelism(threads);
    }

    /** @return one thread per available processor */
    public static Parallelism available() {
        return new Parallelism(Runtime.getRuntime().availableProcessors());
    }

    /** @return the number of threads */
    public int threads() {
        return threads;
    }

    /**
     * Runs a computation with this many threads and waits for it.
     *
     * @param <T> the result type
     * @param computation the work; its parallel loops use this setting
     * @return its result
     * @throws Exception whatever the computation throws (unchecked exceptions and errors pass through as they are)
     */
    public <T> T call(Callable<T> computation) throws Exception {
        // the pool would rethrow a copy of a failure made on its own thread; keep the original instead
        Throwable[] failure = new Throwable[1];
        ForkJoinPool pool = new ForkJoinPool(threads);
        T result;
        try {
            result = pool.submit(() -> {
                try {
                    return computation.call();
                } catch (Exception | Error e) {
                    failure[0] = e;
                    return null;
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } finally {
            pool.shutdown();
        }
        if (failure[0] instanceof Exception e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        return result;
    }

    /**
     * Runs body over [from, to) in contiguous chunks of at least {@code grain} indices, on the threads of the
     * enclosing {@link #call} (or the common pool). The split depends on the range and the grain only, so a body that
     * writes only its own indices gives the same result on any thread count.
     *
     * @param from first index
     * @param to end index (exclusive)
     * @param grain the smallest chunk worth a task
     * @param body the work on one chunk
     */
    public static void forRange(int from, int to, int grain, Range body) {
        ParallelLoops.forRange(from, to, grain, body::run);
    }

    /** The work on one chunk [from, to) of a parallel loop. */
    @FunctionalInterface
    public interface Range {

        /**
         * @param from first index, inclusive
         * @param to last index, exclusive
         */
        void run(int from, int to);
    }

    @Override
    public String toString() {
        return threads + (threads == 1 ? " thread" : " threads");
    }
}
