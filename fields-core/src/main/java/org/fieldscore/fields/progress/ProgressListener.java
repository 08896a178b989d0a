package org.fieldscore.fields.progress;

/**
 * Receives progress of long computations (time stepping, solver iterations, sampling chains).
 *
 * <p>Library code never prints or logs to the console; it reports here, and applications turn the reports into
 * progress bars or log lines. Calls come from the computing thread; implementations must be cheap.
 */
public interface ProgressListener {

    /** A listener that ignores every report. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(String task, long totalWork) {
        }

        @Override
        public void advanced(long workDone, String detail) {
        }

        @Override
        public void finished() {
        }
    };

    /**
     * @param task a short description ("Crank–Nicolson, 400 steps")
     * @param totalWork the number of work units, or −1 when unknown
     */
    void started(String task, long totalWork);

    /**
     * @param workDone work units completed so far
     * @param detail a short status, e.g. the current residual; may be empty
     */
    void advanced(long workDone, String detail);

    /** The task ended (successfully or not). */
    void finished();
}
