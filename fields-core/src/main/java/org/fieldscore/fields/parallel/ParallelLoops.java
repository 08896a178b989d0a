package org.fieldscore.fields.parallel;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Splits an index range into contiguous chunks and runs them on the common fork-join pool.
 *
 * <p>The split depends only on the range, the grain and the pool's parallelism, and each chunk writes only its
 * own indices, so results do not depend on scheduling. Ranges shorter than two grains run on the calling thread.
 * The number of threads is the common pool's parallelism (set it with the system property
 * {@code java.util.concurrent.ForkJoinPool.common.parallelism}, as the {@code --threads} option of the runner does).
 */
public final class ParallelLoops {

    private ParallelLoops() {
    }

    /** @return the number of threads loops use */
    public static int threads() {
        return Math.max(1, ForkJoinPool.getCommonPoolParallelism());
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
        int threads = threads();
        if (n <= 0) {
            return;
        }
        if (threads == 1 || n < 2 * grain) {
            body.run(from, to);
            return;
        }
        int chunks = (int) Math.min((long) threads * 4, n / Math.max(1, grain));
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int lo = from + (int) ((long) n * c / chunks);
            int hi = from + (int) ((long) n * (c + 1) / chunks);
            body.run(lo, hi);
        });
    }
}
