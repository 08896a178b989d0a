package org.fieldscore.fields;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fieldscore.fields.parallel.ParallelLoops;
import org.junit.jupiter.api.Test;

/** The thread count is a setting of a computation: loops inside {@link Parallelism#call} see it, results do not. */
class ParallelismTest {

    /** Sums of sin over chunks, one per chunk, in chunk order: the chunking must not depend on the thread count. */
    private static double[] chunkSums() {
        double[] sums = new double[100_000];
        ParallelLoops.forRange(0, sums.length, 1000, (from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                s += Math.sin(i);
                sums[i] = s;
            }
        });
        return sums;
    }

    @Test
    void loopsSeeTheCallsThreadCountAndGiveTheSameNumbers() throws Exception {
        for (int threads : new int[] {1, 2, 3}) {
            assertEquals(threads, (int) Parallelism.of(threads).call(ParallelLoops::threads));
        }
        double[] one = Parallelism.of(1).call(ParallelismTest::chunkSums);
        assertArrayEquals(one, Parallelism.of(3).call(ParallelismTest::chunkSums));
        assertArrayEquals(one, chunkSums());
    }

    @Test
    void threeThreadsRunOnThreeWorkers() throws Exception {
        Set<String> names = ConcurrentHashMap.newKeySet();
        Parallelism.of(3).call(() -> {
            ParallelLoops.forRange(0, 64, 1, (from, to) -> {
                names.add(Thread.currentThread().getName());
                long end = System.nanoTime() + 2_000_000;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            });
            return null;
        });
        // 64 chunks of 2 ms each on a pool of three: every worker takes some (at most three distinct threads)
        assertTrue(names.size() >= 2 && names.size() <= 3, names.toString());
    }

    @Test
    void aBadCountIsRefusedWithItsRange() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> Parallelism.of(0));
        assertEquals("threads", e.argument());
        assertEquals(0, e.value());
        assertEquals("at least 1", e.validRange());
    }

    @Test
    void exceptionsOfTheComputationPassThroughUnwrapped() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Parallelism.of(2).call(() -> {
                    throw new IllegalStateException("boom");
                }));
        assertEquals("boom", e.getMessage());
    }
}
