package org.fieldscore.runner.cli;

import org.fieldscore.runner.exec.Version;

import picocli.CommandLine.IVersionProvider;

/** Answers {@code --version}. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"fieldscore " + Version.get(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
