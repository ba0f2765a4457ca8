package dev.redshiftdata.local.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Times repeated runs of a workload and the peak heap used while they ran. */
final class Measurement {

  interface Workload {
    void run() throws Exception;
  }

  record Result(String name, List<Double> seconds, long peakHeapBytes) {
    double median() {
      List<Double> s = new ArrayList<>(seconds);
      Collections.sort(s);
      int n = s.size();
      return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Interquartile range (nearest-rank quartiles). */
    double iqr() {
      List<Double> s = new ArrayList<>(seconds);
      Collections.sort(s);
      int n = s.size();
      return s.get((3 * (n - 1)) / 4) - s.get((n - 1) / 4);
    }

    double spread() {
      return Collections.max(seconds) - Collections.min(seconds);
    }
  }

  /**
   * One warm-up run of each, then {@code runs} measured runs alternated (baseline, subject, ...),
   * so that machine noise hits both alike. Returns {baseline, subject}.
   */
  static Result[] alternate(
      String baselineName, Workload baseline, String subjectName, Workload subject, int runs)
      throws Exception {
    baseline.run();
    subject.run();
    List<Double> b = new ArrayList<>();
    List<Double> s = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      b.add(time(baseline));
      s.add(time(subject));
      System.err.printf(
          java.util.Locale.ROOT,
          "  %s / %s: run %d of %d%n",
          baselineName,
          subjectName,
          i + 1,
          runs);
    }
    return new Result[] {new Result(baselineName, b, 0), new Result(subjectName, s, 0)};
  }

  private static double time(Workload w) throws Exception {
    long t0 = System.nanoTime();
    w.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  static Result measure(String name, int runs, Workload workload) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    List<Double> seconds = new ArrayList<>();
    System.gc();
    sampler.start();
    try {
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        workload.run();
        seconds.add((System.nanoTime() - t0) / 1e9);
      }
    } finally {
      sampler.interrupt();
      sampler.join();
    }
    return new Result(name, seconds, peak.get());
  }
}
