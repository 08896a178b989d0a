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
 * Turns library progress reports into a progress bar on an interactive terminal, or into plain log lines at most
 * every {@link #LOG_INTERVAL} when the output is not a terminal (CI logs, files), or into nothing when quiet.
 */
public final class ProgressReporter implements ProgressListener {

    /** Smallest time between two progress log lines. */
    public static final Duration LOG_INTERVAL = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

    /** How progress is shown. */
    public enum Mode {
        /** A progress bar on the terminal's error stream. */
        BAR,
        /** Periodic log lines. */
        LOG,
        /** Nothing. */
        SILENT
    }

    private final Mode mode;
    private ProgressBar bar;
    private String task = "";
    private long total;
    private long lastLog;

    /**
     * @param mode how progress is shown
     */
    public ProgressReporter(Mode mode) {
        this.mode = mode;
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
        this.task = taskName;
        this.total = totalWork;
        this.lastLog = System.nanoTime();
        if (mode == Mode.BAR) {
            bar = new ProgressBarBuilder().setTaskName(taskName).setInitialMax(Math.max(totalWork, -1))
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(200).build();
        } else if (mode == Mode.LOG) {
            LOG.info("{}: started{}", taskName, totalWork > 0 ? " (" + totalWork + " units)" : "");
        }
    }

    @Override
    public void advanced(long workDone, String detail) {
        if (mode == Mode.BAR && bar != null) {
            bar.stepTo(workDone);
            bar.setExtraMessage(detail == null ? "" : detail);
        } else if (mode == Mode.LOG) {
            long now = System.nanoTime();
            if (now - lastLog >= LOG_INTERVAL.toNanos()) {
                lastLog = now;
                LOG.info("{}: {}{}{}", task, workDone, total > 0 ? "/" + total : "",
                        detail == null || detail.isEmpty() ? "" : " " + detail);
            }
        }
    }

    @Override
    public void finished() {
        if (bar != null) {
            bar.close();
            bar = null;
        } else if (mode == Mode.LOG) {
            LOG.debug("{}: finished", task);
        }
    }
}
