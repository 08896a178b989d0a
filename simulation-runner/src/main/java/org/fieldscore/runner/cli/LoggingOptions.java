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

    /** Sets the root log level: WARN when quiet, DEBUG when verbose, INFO otherwise. */
    void apply() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(quiet ? Level.WARN : verbose ? Level.DEBUG : Level.INFO);
    }
}
