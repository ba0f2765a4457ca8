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

    double spread() {
      return Collections.max(seconds) - Collections.min(seconds);
    }
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
