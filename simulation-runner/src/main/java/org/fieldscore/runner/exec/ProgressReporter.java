package org.fieldscore.runner.exec;

import java.time.Duration;

import org.fieldscore.fields.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Turns library progress reports into a progress bar on an interactive terminal, into log lines when the output is
 * not a terminal (CI logs, files), or into nothing when quiet. Short tasks show nothing: a bar appears once a task
 * has run {@link #BAR_AFTER}, and without a terminal a task that runs longer than {@link #LONG_TASK} gets exactly
 * two lines, one when it has run that long ("…: running, 3/10") and one when it ends ("…: finished in 4.2 s").
 * A bar counts the work the library reports (an iterative solve: decades of residual reduction, not its iteration
 * cap), so its fraction and time estimate follow the real work. Calls must not overlap (the libraries report one at
 * a time).
 */
public final class ProgressReporter implements ProgressListener {

    /** How long a task runs before its progress bar appears. */
    public static final Duration BAR_AFTER = Duration.ofMillis(500);
    /** How long a task runs before it is logged (without a terminal). */
    public static final Duration LONG_TASK = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

    /** How progress is shown. */
    public enum Mode {
        /** A progress bar on the terminal's error stream. */
        BAR,
        /** A start and a finish log line per long task. */
        LOG,
        /** Nothing. */
        SILENT
    }

    private final Mode mode;
    private final long barAfterNanos;
    private final long longTaskNanos;
    private ProgressBar bar;
    private String task = "";
    private long total;
    private long startedAt;
    private boolean announced;

    /**
     * @param mode how progress is shown
     */
    public ProgressReporter(Mode mode) {
        this(mode, BAR_AFTER, LONG_TASK);
    }

    /**
     * @param mode how progress is shown
     * @param barAfter how long a task runs before its bar appears
     * @param longTask how long a task runs before it is logged
     */
    ProgressReporter(Mode mode, Duration barAfter, Duration longTask) {
        this.mode = mode;
        this.barAfterNanos = barAfter.toNanos();
        this.longTaskNanos = longTask.toNanos();
    }

    /**
     * @param quiet whether the user asked for quiet output
     * @return a bar on an interactive terminal, log lines otherwise, nothing when quiet
     */
    public static ProgressReporter forConsole(boolean quiet) {
        if (quiet) {
            return new ProgressReporter(Mode.SILENT);
        }
        return new ProgressReporter(System.console() != null ? Mode.BAR : Mode.LOG);
    }

    @Override
    public void started(String taskName, long totalWork) {
        closeBar();
        this.task = taskName;
        this.total = totalWork;
        this.startedAt = System.nanoTime();
        this.announced = false;
    }

    @Override
    public void advanced(long workDone, String detail) {
        long elapsed = System.nanoTime() - startedAt;
        if (mode == Mode.BAR) {
            if (bar == null && elapsed >= barAfterNanos) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total > 0 ? total : -1)
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .setUpdateIntervalMillis(200).startsFrom(0, Duration.ofNanos(elapsed)).build();
            }
            if (bar != null) {
                bar.stepTo(workDone);
                bar.setExtraMessage(detail == null ? "" : detail);
            }
        } else if (mode == Mode.LOG && !announced && elapsed >= longTaskNanos) {
            announced = true;
            LOG.info("{}: running, {}{}{}", task, workDone, total > 0 ? "/" + total : "",
                    detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    @Override
    public void finished() {
        closeBar();
        if (mode == Mode.LOG && (announced || System.nanoTime() - startedAt >= longTaskNanos)) {
            LOG.info("{}: finished in {} s", task, String.format(java.util.Locale.ROOT, "%.1f",
                    (System.nanoTime() - startedAt) / 1e9));
        }
        announced = false;
    }

    /** @return whether a task has been logged as running and not yet as finished (for tests) */
    boolean announced() {
        return announced;
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
