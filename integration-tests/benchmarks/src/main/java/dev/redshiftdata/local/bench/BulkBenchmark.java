package dev.redshiftdata.local.bench;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.bulk.CopyExecutor;
import dev.redshiftdata.local.bulk.CopyParser;
import dev.redshiftdata.local.bulk.LoadContext;
import dev.redshiftdata.local.bulk.LoadErrorTable;
import dev.redshiftdata.local.bulk.S3Objects;
import dev.redshiftdata.local.bulk.UnloadCommand;
import dev.redshiftdata.local.bulk.UnloadExecutor;
import dev.redshiftdata.local.bulk.UnloadParser;
import dev.redshiftdata.local.bulk.UnloadSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The local Redshift's bulk-path benchmark, each workload as a ratio against a baseline in the same
 * JVM: UNLOAD of N rows to Parquet against the floor any UNLOAD pays (streaming the same SELECT
 * through a JDBC cursor), and COPY of those files back against moving the same rows inside
 * PostgreSQL. Not run by CI.
 *
 * <pre>
 * mvn -o -q -pl integration-tests/benchmarks -am compile -Pbench \
 *   -Dbench.main=dev.redshiftdata.local.bench.BulkBenchmark -Dbench.rows=1000000 -Dbench.runs=3
 * </pre>
 */
public final class BulkBenchmark {
  private BulkBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = Long.getLong("bench.rows", 1_000_000);
    int runs = Integer.getInteger("bench.runs", 3);
    try (LocalRedshift redshift = LocalRedshift.start(LocalRedshiftConfig.defaults())) {
      String pgDb = redshift.config().defaultCluster().postgresDatabase("dev");
      try (Connection c = redshift.postgres().connect(pgDb, "awsuser")) {
        long t0 = System.nanoTime();
        BenchData.create(c, "bench_rows", rows);
        System.err.printf(
            Locale.ROOT, "generated %d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
      }
      S3Objects s3 = new S3Objects(redshift.connectionInfo().s3aSettings());
      UnloadExecutor unload = new UnloadExecutor(s3, new UnloadSettings());
      List<Variant> results = new ArrayList<>();
      int[] run = {0};

      results.add(
          measure(
              "baseline: JDBC cursor scan",
              runs,
              () -> {
                try (Connection c = redshift.postgres().connect(pgDb, "awsuser")) {
                  c.setAutoCommit(false);
                  try (Statement st = c.createStatement()) {
                    st.setFetchSize(5000);
                    try (ResultSet rs = st.executeQuery("select * from bench_rows")) {
                      int n = rs.getMetaData().getColumnCount();
                      while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                          rs.getObject(i);
                        }
                      }
                    }
                  }
                }
              }));
      results.add(
          measure(
              "UNLOAD to Parquet (MANIFEST VERBOSE)",
              runs,
              () -> {
                UnloadCommand cmd =
                    UnloadParser.parse(
                        "UNLOAD ('select * from bench_rows') TO 's3://"
                            + redshift.config().bucket()
                            + "/bench/unload-"
                            + (run[0]++)
                            + "/' IAM_ROLE default FORMAT PARQUET MANIFEST VERBOSE");
                try (Connection c = redshift.postgres().connect(pgDb, "awsuser")) {
                  unload.execute(c, cmd, cmd.selectSql());
                }
              }));
      print(rows, results);

      // COPY: the Parquet files of one UNLOAD loaded back, against moving the same rows inside
      // PostgreSQL.
      CopyExecutor copy = new CopyExecutor(s3);
      String manifest = "s3://" + redshift.config().bucket() + "/bench/unload-0/manifest";
      List<Variant> copies = new ArrayList<>();
      copies.add(
          measure(
              "baseline: INSERT INTO ... SELECT",
              runs,
              () -> {
                try (Connection c = redshift.postgres().connect(pgDb, "awsuser");
                    Statement st = c.createStatement()) {
                  st.execute("DROP TABLE IF EXISTS bench_copy");
                  st.execute("CREATE TABLE bench_copy (" + BenchData.COLUMNS + ")");
                  st.execute("INSERT INTO bench_copy SELECT * FROM bench_rows");
                }
              }));
      copies.add(
          measure(
              "COPY from Parquet (MANIFEST)",
              runs,
              () -> {
                try (Connection c = redshift.postgres().connect(pgDb, "awsuser")) {
                  try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS bench_copy");
                    st.execute("CREATE TABLE bench_copy (" + BenchData.COLUMNS + ")");
                  }
                  LoadContext context =
                      new LoadContext(
                          "awsuser",
                          0,
                          "dev",
                          0,
                          0,
                          false,
                          LoadErrorTable.sink(redshift.postgres(), pgDb));
                  copy.execute(
                      c,
                      CopyParser.parse(
                          "COPY bench_copy FROM '"
                              + manifest
                              + "' IAM_ROLE default FORMAT PARQUET MANIFEST"),
                      context);
                }
              }));
      print(rows, copies);
    }
  }

  /** One warm-up run, then {@code runs} timed runs with the peak heap over them. */
  private static Variant measure(String name, int runs, Rounds.Workload workload) throws Exception {
    try (HeapMonitor heap = new HeapMonitor()) {
      Rounds.Timer timer =
          w -> {
            heap.reset();
            long t0 = System.nanoTime();
            w.run();
            return new Run(
                (System.nanoTime() - t0) / 1e9,
                0,
                null,
                heap.peakUsedBytes(),
                heap.peakAfterGcBytes());
          };
      return Rounds.run(
              timer,
              (variant, round, total, r) ->
                  System.err.printf(
                      Locale.ROOT,
                      "  %s: %s %.2f s%n",
                      variant,
                      round < 0 ? "warm-up" : "run",
                      r.seconds()),
              1,
              runs,
              List.of(Rounds.named(name, workload)))
          .get(0);
    }
  }

  private static void print(long rows, List<Variant> results) {
    double baseline = results.get(0).seconds().median();
    System.out.printf(
        Locale.ROOT,
        "%n%-40s %10s %10s %8s %12s%n",
        "workload (" + rows + " rows)",
        "median s",
        "IQR s",
        "ratio",
        "peak heap MB");
    for (Variant r : results) {
      System.out.printf(
          Locale.ROOT,
          "%-40s %10.2f %10.2f %8.2f %12d%n",
          r.name(),
          r.seconds().median(),
          r.seconds().iqr(),
          r.seconds().median() / baseline,
          Goals.mb(r.peakHeapBytes()));
    }
  }
}
