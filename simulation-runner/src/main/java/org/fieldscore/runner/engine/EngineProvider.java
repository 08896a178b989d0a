package org.fieldscore.runner.engine;

/**
 * Opens an {@link Engine} by name; implementations are found with {@link java.util.ServiceLoader} (a module on the
 * class path lists its provider in {@code META-INF/services/org.fieldscore.runner.engine.EngineProvider}), so the
 * runner itself depends on no engine.
 */
public interface EngineProvider {

    /** @return the name given to {@code --engine}, e.g. {@code spark} */
    String name();

    /**
     * Checks the options and connects; writes nothing.
     *
     * @param master where to run (an engine-specific URL), or null for the engine's default
     * @param application the application's name (the scenario's), shown by the cluster
     * @param threads the threads each task's parallel loops use where it runs ({@code --threads}), or null for all
     *     the cores of the JVM that runs it
     * @return the open engine
     * @throws EngineException when the options are invalid, the engine's libraries are missing, or the cluster
     *     cannot be reached
     */
    Engine open(String master, String application, Integer threads) throws EngineException;
}
