package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.compat.FileRange;
import dev.redshiftdata.spark.compat.ParquetReaders;
import dev.redshiftdata.spark.compat.SessionInternals;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import dev.redshiftdata.spark.sql.StagingUrls;
import dev.redshiftdata.spark.sql.UnloadStatement;
import dev.redshiftdata.spark.staging.StagingArea;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unload path: while Spark plans, the driver UNLOADs the select to Parquet under a new staging
 * prefix and plans partitions from the manifest; executors read the files with Spark's Parquet
 * reader. One UNLOAD per batch, however often Spark asks for the partitions.
 */
final class RedshiftUnloadBatch implements Batch, RanStatements {

  private static final Logger LOG = LoggerFactory.getLogger(RedshiftUnloadBatch.class);

  private final RedshiftOptions options;
  private final String innerSelect;
  private final UnloadColumns columns;
  private final Object owner;
  private final CallStats stats;
  private InputPartition[] partitions;
  private String prefix;
  private String statementId;

  /**
   * @param owner the object whose lifetime bounds the staging files' (the Scan: every copy of the
   *     scan node Spark plans shares it, and a Dataset re-running its plan keeps it reachable)
   * @param stats counts the UNLOAD (the scan reports it as driver metrics)
   */
  RedshiftUnloadBatch(
      RedshiftOptions options,
      String innerSelect,
      UnloadColumns columns,
      Object owner,
      CallStats stats) {
    this.options = options;
    this.innerSelect = innerSelect;
    this.columns = columns;
    this.owner = owner;
    this.stats = stats;
  }

  /** The UNLOAD statement for {@code target}, an {@code s3://} prefix. */
  String unloadSql(String target) {
    return unloadSql(options, columns.select(innerSelect), target);
  }

  /** The UNLOAD of {@code select} to {@code target}, an {@code s3://} prefix, with the options. */
  static String unloadSql(RedshiftOptions options, String select, String target) {
    return new UnloadStatement(
            select,
            target,
            options.staging().iamRole().orElseThrow(),
            maxFileSizeMb(options.read().unloadMaxFileSize()),
            options.read().unloadEncrypted(),
            options.read().unloadKmsKeyId().orElse(null),
            options.staging().tempdirRegion().orElse(null),
            false)
        .sql();
  }

  static int maxFileSizeMb(long bytes) {
    long mb = bytes / (1024 * 1024);
    return (int)
        Math.max(UnloadStatement.MIN_FILE_SIZE_MB, Math.min(UnloadStatement.MAX_FILE_SIZE_MB, mb));
  }

  synchronized String prefix() {
    return prefix;
  }

  @Override
  public synchronized List<String> statementIds() {
    return statementId == null ? List.of() : List.of(statementId);
  }

  @Override
  public synchronized InputPartition[] planInputPartitions() {
    if (partitions == null) {
      options.staging().require("read with the unload path");
      SparkSession spark = SparkSession.active();
      Configuration conf = hadoopConf(spark);
      // Tracked before the UNLOAD runs, so a failed UNLOAD's partial files are deleted too.
      StagingArea staging = StagingArea.create(options.staging(), conf).trackRead(spark, owner);
      String newPrefix = staging.url();
      String sql = unloadSql(staging.s3Url());
      prefix = newPrefix;
      statementId = options.dataApi().withStats(stats).execute(StatementRequest.sql(sql)).id();
      UnloadManifest manifest = readManifest(newPrefix, conf);
      manifest.checkTotals(newPrefix + "manifest");
      partitions = partitions(manifest, StagingUrls.scheme(newPrefix), spark);
      LOG.info(
          "Unloaded {} rows in {} files to {} (statement {}); {} partitions",
          manifest.entryRecords(),
          manifest.files().size(),
          newPrefix,
          statementId,
          partitions.length);
    }
    return partitions.clone();
  }

  private static UnloadManifest readManifest(String prefix, Configuration conf) {
    Path path = new Path(prefix + "manifest");
    try (InputStream in = path.getFileSystem(conf).open(path)) {
      return UnloadManifest.parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), path.toString());
    } catch (FileNotFoundException e) {
      // Redshift may write neither files nor manifest for an empty result.
      return UnloadManifest.EMPTY;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the UNLOAD manifest " + path, e);
    }
  }

  private static InputPartition[] partitions(
      UnloadManifest manifest, String scheme, SparkSession spark) {
    Map<String, UnloadManifest.Entry> byUrl = new HashMap<>();
    List<SplitPlanner.FileSize> files = new ArrayList<>();
    for (UnloadManifest.Entry e : manifest.files()) {
      String url = StagingUrls.toHadoop(e.url(), scheme);
      byUrl.put(url, e);
      files.add(new SplitPlanner.FileSize(url, e.contentLength()));
    }
    SessionInternals.FileSplitSettings settings = SessionInternals.fileSplits(spark);
    List<List<SplitPlanner.Split>> planned =
        SplitPlanner.plan(
            files,
            settings.maxPartitionBytes(),
            settings.openCostInBytes(),
            settings.minPartitions());
    InputPartition[] out = new InputPartition[planned.size()];
    for (int i = 0; i < out.length; i++) {
      List<FileRange> ranges = new ArrayList<>();
      List<UnloadInputPartition.FileCheck> checks = new ArrayList<>();
      for (SplitPlanner.Split s : planned.get(i)) {
        ranges.add(new FileRange(s.url(), s.start(), s.length(), s.fileSize()));
        if (s.start() == 0) {
          UnloadManifest.Entry e = byUrl.get(s.url());
          checks.add(
              new UnloadInputPartition.FileCheck(
                  s.url(), e.contentLength(), e.recordCount(), s.length() == s.fileSize()));
        }
      }
      out[i] = new UnloadInputPartition(List.copyOf(ranges), List.copyOf(checks));
    }
    return out;
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    SparkSession spark = SparkSession.active();
    ParquetReaders parquet =
        ParquetReaders.create(
            spark,
            hadoopConf(spark),
            columns.fileSchema(),
            columns.readFileSchema(),
            PARQUET_OPTIONS);
    return new UnloadReaderFactory(parquet, columns, owner);
  }

  /**
   * Redshift writes proleptic Gregorian dates and timestamps (as the direct path's text does), and
   * every listed file must be read: missing or corrupt files fail the query whatever the session
   * says.
   */
  private static final Map<String, String> PARQUET_OPTIONS =
      Map.of(
          "datetimeRebaseMode", "CORRECTED",
          "int96RebaseMode", "CORRECTED",
          "ignoreMissingFiles", "false",
          "ignoreCorruptFiles", "false");

  private static Configuration hadoopConf(SparkSession spark) {
    return SessionInternals.hadoopConf(spark);
  }
}
