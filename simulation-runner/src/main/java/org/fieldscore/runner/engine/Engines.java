package org.fieldscore.runner.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the engine named by {@code --engine}. {@value #LOCAL} is this JVM's thread pool and needs nothing; any other
 * name is looked up among the {@link EngineProvider}s on the class path.
 */
public final class Engines {

    /** The default engine: the cases and chains run on this JVM's threads. */
    public static final String LOCAL = "local";

    private Engines() {
    }

    /**
     * @param name the engine's name
     * @param master the engine's master URL, or null
     * @param application the application's name
     * @param threads the threads of each task where it runs ({@code --threads}), or null
     * @return the open engine, or null for {@value #LOCAL}
     * @throws EngineException when the name is unknown, the engine is not on the class path, or it cannot open
     */
    public static Engine open(String name, String master, String application, Integer threads)
            throws EngineException {
        if (LOCAL.equals(name)) {
            if (master != null) {
                throw new EngineException("--master " + master + " needs a cluster engine: add --engine spark",
                        true, null);
            }
            return null;
        }
        List<String> known = new ArrayList<>(List.of(LOCAL));
        try {
            for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
                if (p.name().equals(name)) {
                    return p.open(master, application, threads);
                }
                known.add(p.name());
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new EngineException("the engine '" + name + "' could not be loaded (" + e.getMessage() + "); its"
                    + " libraries are incomplete on the class path", true, e);
        }
        if ("spark".equals(name)) {
            throw new EngineException("the Spark engine is not on the class path: run through ./fieldscore, which"
                    + " builds simulation-runner/spark-engine with its Spark class path on first use, or use"
                    + " spark-submit as docs/studies.md shows", true, null);
        }
        if (!known.contains("spark")) {
            known.add("spark");
        }
        throw new EngineException("unknown engine '" + name + "'; valid: " + String.join(", ", known), true, null);
    }
}
