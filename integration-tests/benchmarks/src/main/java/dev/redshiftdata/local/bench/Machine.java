package dev.redshiftdata.local.bench;

import java.lang.management.ManagementFactory;

/** The machine a run was measured on. */
public record Machine(
    int cores,
    long memoryBytes,
    long maxHeapBytes,
    String jdk,
    String jvm,
    String jvmArguments,
    String spark,
    String os,
    double loadAverageAtStart) {

  static Machine current(String sparkVersion) {
    var os = ManagementFactory.getOperatingSystemMXBean();
    long memory =
        os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        memory,
        Runtime.getRuntime().maxMemory(),
        System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())
            .replaceAll("--add-opens=\\S+ ?", ""),
        sparkVersion,
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        os.getSystemLoadAverage());
  }
}
