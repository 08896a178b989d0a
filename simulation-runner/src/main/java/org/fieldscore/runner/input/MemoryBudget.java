package org.fieldscore.runner.input;

/**
 * The heap a scenario may fill, checked before anything is allocated: a field of n points takes 8n bytes per
 * component, and the scenario's fields plus the largest step's workspace must fit into {@link #FRACTION} of the
 * JVM's maximum heap.
 */
public final class MemoryBudget {

    /** Share of the maximum heap a scenario may plan to use; the rest is left to the JVM and the outputs. */
    public static final double FRACTION = 0.8;

    private MemoryBudget() {
    }

    /** @return the bytes a scenario may use, {@link #FRACTION} of {@code Runtime.maxMemory()} */
    public static long available() {
        return (long) (FRACTION * Runtime.getRuntime().maxMemory());
    }

    /**
     * @param bytes a number of bytes
     * @return e.g. "1.5 GB"
     */
    public static String format(double bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB"};
        int u = 0;
        while (bytes >= 1000 && u < units.length - 1) {
            bytes /= 1000;
            u++;
        }
        return u == 0 ? String.format(java.util.Locale.ROOT, "%.0f bytes", bytes)
                : String.format(java.util.Locale.ROOT, "%.3g %s", bytes, units[u]);
    }

    /**
     * @param node where the size was declared
     * @param points the number of grid points
     * @param what what is being sized, for the message
     * @throws ProblemException when 8·points bytes exceed the budget
     */
    public static void requireFits(ScenarioNode node, double points, String what) {
        double bytes = 8.0 * points;
        if (bytes > available()) {
            throw node.problem(String.format(java.util.Locale.ROOT,
                    "%s needs %s (%.4g points x 8 bytes) but the JVM may use only %s (%.0f%% of -Xmx %s); refused"
                            + " before allocating. Valid: fewer points, or a larger -Xmx",
                    what, format(bytes), points, format(available()), 100 * FRACTION,
                    format(Runtime.getRuntime().maxMemory())));
        }
    }
}
