package org.fieldscore.runner.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Without a terminal, only long tasks are logged: one line when they have run long, one when they end. */
class ProgressReporterTest {

    @Test
    void aShortTaskLogsNothingAndALongOneIsAnnouncedOnceUntilItEnds() {
        ProgressReporter patient = new ProgressReporter(ProgressReporter.Mode.LOG, Duration.ZERO, Duration.ofHours(1));
        patient.started("multigrid cycles", 10);
        patient.advanced(3, "residual 1e-3");
        assertFalse(patient.announced(), "a task shorter than the threshold is not logged");
        patient.finished();

        ProgressReporter eager = new ProgressReporter(ProgressReporter.Mode.LOG, Duration.ZERO, Duration.ZERO);
        eager.started("writing 90 files", 90);
        eager.advanced(1, "");
        assertTrue(eager.announced(), "a long task gets its start line");
        eager.advanced(2, "");
        eager.finished();
        assertFalse(eager.announced(), "and its finish line closes it");
    }

    @Test
    void silentModeNeverAnnounces() {
        ProgressReporter silent = new ProgressReporter(ProgressReporter.Mode.SILENT, Duration.ZERO, Duration.ZERO);
        silent.started("t", 1);
        silent.advanced(1, "");
        assertFalse(silent.announced());
        silent.finished();
    }
}
