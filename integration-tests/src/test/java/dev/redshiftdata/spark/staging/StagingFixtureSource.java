package dev.redshiftdata.spark.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.SQLExecution;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Test fixture: a DSv2 source that stages like the UNLOAD path does. Its {@code
 * planInputPartitions} writes {@code files} objects under a new {@link StagingPrefix} of {@code
 * tempdir} (once per Scan) and hands the prefix to {@link StagingLifecycle#track}; each partition
 * reads one object back (so a deleted prefix fails the read) and returns its number as the one
 * column {@code value}. Option {@code fail=true} makes every reader throw; {@code keep=true} is
 * {@code keepStaging}. Plans are recorded per {@code tag}, with the id of the SQL execution they
 * ran in (-1 for none).
 */
public final class StagingFixtureSource implements TableProvider {

  static final StructType SCHEMA = new StructType().add("value", DataTypes.LongType, false);

  /** One staging of a read: the QueryExecution it ran in (-1 for none) and its prefix. */
  record Plan(long executionId, String prefix) {}

  /** tag -> the plans of reads with that tag, in order. */
  static final Map<String, List<Plan>> PLANS = new ConcurrentHashMap<>();

  static List<Plan> plans(String tag) {
    return PLANS.getOrDefault(tag, List.of());
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return SCHEMA;
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> props) {
    return new FixtureTable();
  }

  private static final class FixtureTable implements SupportsRead {
    @Override
    public String name() {
      return "staging_fixture";
    }

    @Override
    public StructType schema() {
      return SCHEMA;
    }

    @Override
    public Set<TableCapability> capabilities() {
      return Set.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
      return () -> new FixtureScan(options);
    }
  }

  /**
   * Plans (stages) once per Scan, as the UNLOAD path must: Spark 4.1 calls {@code toBatch} and
   * {@code planInputPartitions} on more than one copy of a scan node per query (once in the planner
   * strategy, again on AQE's copy), and only the Scan is shared by all copies. The Scan is also the
   * owner handed to {@link StagingLifecycle#track}: every plan that can read the files holds it.
   */
  private static final class FixtureScan implements Scan {
    private final String tempdir;
    private final String tag;
    private final int files;
    private final boolean fail;
    private final boolean keep;
    private InputPartition[] planned;

    FixtureScan(CaseInsensitiveStringMap options) {
      this.tempdir = options.get("tempdir");
      this.tag = options.getOrDefault("tag", "");
      this.files = options.getInt("files", 3);
      this.fail = options.getBoolean("fail", false);
      this.keep = options.getBoolean("keep", false);
    }

    @Override
    public StructType readSchema() {
      return SCHEMA;
    }

    @Override
    public Batch toBatch() {
      return new Batch() {
        @Override
        public InputPartition[] planInputPartitions() {
          return planOnce();
        }

        @Override
        public PartitionReaderFactory createReaderFactory() {
          return new FixtureReaderFactory();
        }
      };
    }

    private synchronized InputPartition[] planOnce() {
      if (planned != null) {
        return planned;
      }
      SparkSession spark = SparkSession.active();
      Configuration conf = spark.sparkContext().hadoopConfiguration();
      StagingPrefix prefix = StagingPrefix.create(tempdir, Instant.now());
      List<InputPartition> parts = new ArrayList<>();
      try {
        FileSystem fs = new Path(prefix.url()).getFileSystem(conf);
        for (int i = 0; i < files; i++) {
          String url = prefix.url() + "part-" + i;
          try (OutputStream out = fs.create(new Path(url))) {
            out.write(Integer.toString(i).getBytes(StandardCharsets.UTF_8));
          }
          parts.add(new FilePartition(url, fail, this));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      StagingLifecycle.get().track(spark, this, prefix.url(), conf, keep);
      PLANS
          .computeIfAbsent(tag, t -> new CopyOnWriteArrayList<>())
          .add(new Plan(currentExecutionId(spark), prefix.url()));
      planned = parts.toArray(new InputPartition[0]);
      return planned;
    }
  }

  private static long currentExecutionId(SparkSession spark) {
    String id = spark.sparkContext().getLocalProperty(SQLExecution.EXECUTION_ID_KEY());
    QueryExecution qe = id == null ? null : SQLExecution.getQueryExecution(Long.parseLong(id));
    return qe == null ? -1 : qe.id();
  }

  /**
   * One staged object. On the driver it also holds the Scan (transient, so never shipped): the RDD
   * Spark builds keeps its partitions, so a {@code toLocalIterator()} still being consumed keeps
   * the owner, and with it the files, alive after its Dataset is gone.
   */
  private static final class FilePartition implements InputPartition {
    private final String url;
    private final boolean fail;
    private final transient Object owner;

    FilePartition(String url, boolean fail, Object owner) {
      this.url = url;
      this.fail = fail;
      this.owner = owner;
    }

    String url() {
      return url;
    }

    boolean fail() {
      return fail;
    }
  }

  private static final class FixtureReaderFactory implements PartitionReaderFactory {
    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
      FilePartition p = (FilePartition) partition;
      if (p.fail()) {
        throw new IllegalStateException("fixture reader fails on purpose");
      }
      long value;
      Path path = new Path(p.url());
      // Local mode: the executor shares the driver's JVM and SparkContext.
      Configuration conf = SparkContext.getOrCreate().hadoopConfiguration();
      try (InputStream in = path.getFileSystem(conf).open(path)) {
        value = Long.parseLong(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new PartitionReader<>() {
        private boolean done;

        @Override
        public boolean next() {
          boolean has = !done;
          done = true;
          return has;
        }

        @Override
        public InternalRow get() {
          return new GenericInternalRow(new Object[] {value});
        }

        @Override
        public void close() {}
      };
    }
  }
}
