package org.fieldscore.runner.output.summary;

/**
 * The machine a run executed on, for reproducibility records.
 *
 * @param javaVersion {@code java.version}
 * @param javaVendor {@code java.vendor}
 * @param osName {@code os.name}
 * @param osVersion {@code os.version}
 * @param osArch {@code os.arch}
 * @param cpuCount processors available to the JVM
 * @param maxHeapBytes the JVM's maximum heap
 */
public record MachineInfo(String javaVersion, String javaVendor, String osName, String osVersion, String osArch,
                          int cpuCount, long maxHeapBytes) {

    /** @return the description of the running JVM and machine */
    public static MachineInfo current() {
        Runtime runtime = Runtime.getRuntime();
        return new MachineInfo(System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                runtime.availableProcessors(), runtime.maxMemory());
    }
}
