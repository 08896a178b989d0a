package org.fieldscore.fields.progress;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts finished items (chains, particles) of a parallel loop and reports every hundredth of the total to a
 * {@link ProgressListener}, one report at a time, from whichever thread finishes the item. Thread-safe.
 */
public final class ItemCounter {

    private final ProgressListener listener;
    private final AtomicLong done = new AtomicLong();
    private final long reportEvery;

    /**
     * @param listener receives the reports
     * @param total the number of items
     */
    public ItemCounter(ProgressListener listener, long total) {
        this.listener = listener;
        this.reportEvery = Math.max(1, total / 100);
    }

    /** One more item finished. */
    public void finishedOne() {
        long n = done.incrementAndGet();
        if (n % reportEvery == 0) {
            synchronized (listener) {
                listener.advanced(n, "");
            }
        }
    }
}
