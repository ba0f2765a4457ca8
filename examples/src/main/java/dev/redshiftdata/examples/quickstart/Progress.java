package dev.redshiftdata.examples.quickstart;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Prints "still running" every few seconds while a long step runs, so the user sees it move. */
final class Progress implements AutoCloseable {
  private static final long EVERY_SECONDS = 5;

  private final ScheduledExecutorService timer;
  private final ScheduledFuture<?> ticks;

  Progress(PrintStream out) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "quickstart-progress");
              t.setDaemon(true);
              return t;
            });
    long start = System.nanoTime();
    ticks =
        timer.scheduleAtFixedRate(
            () ->
                out.printf(
                    "      ... still running (%d s)%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)),
            EVERY_SECONDS,
            EVERY_SECONDS,
            TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    ticks.cancel(false);
    timer.shutdownNow();
  }
}
