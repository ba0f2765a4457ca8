package dev.redshiftdata.local.bulk;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Feeds rows to several {@link RowSink}s, each on its own thread, in batches through bounded queues
 * (so memory stays flat however many rows pass). The first failure of any sink is rethrown to the
 * producer.
 */
final class ParallelWriters implements AutoCloseable {

  interface RowSink extends AutoCloseable {
    void write(Object[] row) throws IOException;

    @Override
    void close() throws IOException;
  }

  private static final int BATCH = 1024;
  private static final List<Object[]> END = new ArrayList<>();

  private final RowSink[] sinks;
  private final List<BlockingQueue<List<Object[]>>> queues = new ArrayList<>();
  private final List<List<Object[]>> pending = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private boolean finished;

  ParallelWriters(RowSink[] sinks) {
    this.sinks = sinks;
    for (int i = 0; i < sinks.length; i++) {
      BlockingQueue<List<Object[]>> queue = new ArrayBlockingQueue<>(4);
      queues.add(queue);
      pending.add(new ArrayList<>(BATCH));
      RowSink sink = sinks[i];
      Thread t = new Thread(() -> drain(queue, sink), "unload-slice-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void drain(BlockingQueue<List<Object[]>> queue, RowSink sink) {
    try {
      while (true) {
        List<Object[]> batch = queue.take();
        if (batch == END) {
          return;
        }
        if (failure.get() == null) {
          for (Object[] row : batch) {
            sink.write(row);
          }
        }
      }
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
      queue.clear(); // unblock the producer
    }
  }

  void write(int sink, Object[] row) throws IOException {
    List<Object[]> batch = pending.get(sink);
    batch.add(row);
    if (batch.size() >= BATCH) {
      put(sink, batch);
      pending.set(sink, new ArrayList<>(BATCH));
    }
  }

  private void put(int sink, List<Object[]> batch) throws IOException {
    rethrow();
    try {
      queues.get(sink).put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while unloading");
    }
  }

  /** Flushes the last batches, waits for every writer and closes the sinks. */
  void finish() throws IOException {
    for (int i = 0; i < sinks.length; i++) {
      if (!pending.get(i).isEmpty()) {
        put(i, pending.get(i));
        pending.set(i, new ArrayList<>());
      }
    }
    stopThreads();
    finished = true;
    closeSinks();
    rethrow();
  }

  private void stopThreads() throws IOException {
    try {
      for (BlockingQueue<List<Object[]>> q : queues) {
        q.put(END);
      }
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while unloading");
    }
  }

  private void closeSinks() throws IOException {
    IOException first = null;
    for (RowSink s : sinks) {
      try {
        s.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private void rethrow() throws IOException {
    Throwable t = failure.get();
    if (t instanceof IOException io) {
      throw io;
    }
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    if (t != null) {
      throw new IOException(t);
    }
  }

  @Override
  public void close() throws IOException {
    if (!finished) {
      for (Thread t : threads) {
        t.interrupt();
      }
      for (Thread t : threads) {
        try {
          t.join(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      closeSinks();
    }
  }
}
