package org.fieldscore.runner.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The FieldScore version, from the build (resource {@code org/fieldscore/runner/version.properties}). */
public final class Version {

    private static final String VERSION = load();

    private Version() {
    }

    /** @return e.g. {@code 0.1.0-SNAPSHOT} */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/org/fieldscore/runner/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the runner's resources");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
