package org.fieldscore.fields.parallel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

/**
 * Splits an index range into contiguous chunks and runs them on the common fork-join pool, whose workers and the
 * calling thread share the chunks.
 *
 * <p>The split depends only on the range and the grain, never on the number of threads, and each chunk writes
 * only its own indices, so results do not depend on scheduling or thread count. With one thread the same chunks
 * run in order on the calling thread. Inside {@link org.fieldscore.fields.Parallelism#call} the chunks run on that
 * call's pool; elsewhere on the common pool and the calling thread.
 */
public final class ParallelLoops {

    /** Most chunks one loop is split into: enough to balance two to a few dozen cores. */
    static final int MAX_CHUNKS = 64;

    private ParallelLoops() {
    }

    /**
     * @return the number of threads loops started here use, at least 1: the parallelism of the fork-join pool the
     *     calling thread works for, else the common pool's workers and the calling thread
     */
    public static int threads() {
        ForkJoinPool pool = ForkJoinTask.getPool();
        if (pool != null) {
            return pool.getParallelism();
        }
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
                ForkJoinPool.getCommonPoolParallelism() + 1));
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
