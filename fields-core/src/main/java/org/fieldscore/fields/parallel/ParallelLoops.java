package org.fieldscore.fields.parallel;

import java.util.stream.IntStream;

/**
 * Splits an index range into contiguous chunks and runs them on the common fork-join pool, whose workers and the
 * calling thread share the chunks.
 *
 * <p>The split depends only on the range and the grain, never on the number of threads, and each chunk writes
 * only its own indices, so results do not depend on scheduling or thread count. With one thread the same chunks
 * run in order on the calling thread. The number of threads is the system property {@value #THREADS_PROPERTY}
 * (default: the available processors); the runner's {@code --threads N} sets it together with the common pool's
 * parallelism N − 1 (the calling thread is the N-th).
 */
public final class ParallelLoops {

    /** System property holding the number of threads loops may use. */
    public static final String THREADS_PROPERTY = "fieldscore.threads";

    /** Most chunks one loop is split into: enough to balance two to a few dozen cores. */
    static final int MAX_CHUNKS = 64;

    private ParallelLoops() {
    }

    /** @return the number of threads loops use, at least 1 */
    public static int threads() {
        return Math.max(1, Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Runs body over [from, to) in chunks of at least {@code grain} indices.
     *
     * @param from first index
     * @param to end index (exclusive)
     * @param grain the smallest chunk worth a task
     * @param body the work on one chunk
     */
    public static void forRange(int from, int to, int grain, RangeBody body) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        int chunks = (int) Math.max(1, Math.min(MAX_CHUNKS, n / Math.max(1, (long) grain)));
        if (chunks == 1) {
            body.run(from, to);
            return;
        }
        if (threads() == 1) {
            for (int c = 0; c < chunks; c++) {
                runChunk(from, n, chunks, c, body);
            }
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> runChunk(from, n, chunks, c, body));
    }

    private static void runChunk(int from, int n, int chunks, int c, RangeBody body) {
        int lo = from + (int) ((long) n * c / chunks);
        int hi = from + (int) ((long) n * (c + 1) / chunks);
        body.run(lo, hi);
    }
}
