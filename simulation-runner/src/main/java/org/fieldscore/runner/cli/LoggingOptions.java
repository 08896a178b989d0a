package org.fieldscore.runner.cli;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import picocli.CommandLine.Option;

/** {@code --quiet} and {@code --verbose}, shared by every command. */
public final class LoggingOptions {

    @Option(names = {"-q", "--quiet"}, description = "Only warnings and errors on stderr; no progress bars.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Debug details on stderr, and stack traces of failures.")
    boolean verbose;

    /** The root level the Logback configuration gave (INFO from logback.xml; WARN in tests), read once. */
    private static Level configured;

    /** Sets the root log level: WARN when quiet, DEBUG when verbose, else the configured level. */
    void apply() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        synchronized (LoggingOptions.class) {
            if (configured == null) {
                configured = root.getLevel() == null ? Level.INFO : root.getLevel();
            }
        }
        root.setLevel(quiet ? Level.WARN : verbose ? Level.DEBUG : configured);
    }
}
