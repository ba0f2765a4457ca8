package dev.redshiftdata.local.aml;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds one datasource as Amazon ML would: reads the schema (inline or from S3), gets the data
 * (the objects under DataLocationS3, or the SelectSqlQuery unloaded into S3StagingLocation), checks
 * every observation against the schema and the CSV rules, and marks the datasource COMPLETED with
 * its statistics or FAILED with the reason.
 */
final class DataSourceProcessor {
  private static final Logger LOG = Logger.getLogger(DataSourceProcessor.class.getName());

  private final S3Reader s3;
  private final RedshiftUnloader unloader;
  private final AmazonMlSettings settings;
  private final Clock clock;

  DataSourceProcessor(
      S3Reader s3, RedshiftUnloader unloader, AmazonMlSettings settings, Clock clock) {
    this.s3 = s3;
    this.unloader = unloader;
    this.settings = settings;
    this.clock = clock;
  }

  void process(DataSource ds) {
    if (!ds.start(clock.instant())) {
      return; // deleted while pending
    }
    DataSourceRequest r = ds.request();
    try {
      String schemaText =
          r.dataSchema() != null ? r.dataSchema() : s3.readText(r.dataSchemaLocation());
      AmlSchema schema = AmlSchema.parse(schemaText);
      DataStatistics stats =
          r.kind() == DataSourceRequest.Kind.S3 ? fromS3(r, schema) : fromRedshift(r, schema);
      ds.complete(schemaText, stats, clock.instant());
    } catch (DataSourceFailure e) {
      ds.fail(e.getMessage(), clock.instant());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "datasource " + r.dataSourceId() + " failed unexpectedly", e);
      ds.fail("Amazon ML could not read the data: " + e, clock.instant());
    }
  }

  private DataStatistics fromS3(DataSourceRequest r, AmlSchema schema)
      throws DataSourceFailure, IOException {
    List<S3Reader.S3File> files = s3.dataFiles(r.dataLocationS3(), r.dataSchemaLocation());
    return check(files, schema, schema.dataFileContainsHeader(), false, r);
  }

  private DataStatistics fromRedshift(DataSourceRequest r, AmlSchema schema)
      throws DataSourceFailure, IOException {
    String staging = r.redshift().s3StagingLocation();
    String prefix = (staging.endsWith("/") ? staging : staging + "/") + r.dataSourceId() + "/";
    unloader.unload(r.redshift(), prefix);
    List<S3Reader.S3File> files =
        s3.dataFiles(prefix, null).stream().filter(f -> !f.url().endsWith("manifest")).toList();
    // The unloaded files carry Redshift's (lower-cased) column names as their header.
    return check(files, schema, true, true, r);
  }

  private DataStatistics check(
      List<S3Reader.S3File> files,
      AmlSchema schema,
      boolean header,
      boolean headerIgnoresCase,
      DataSourceRequest r)
      throws DataSourceFailure, IOException {
    DataChecker checker =
        new DataChecker(
            schema,
            header,
            headerIgnoresCase,
            settings.maxObservationBytes(),
            settings.maxRejectedObservations(),
            r.computeStatistics());
    for (S3Reader.S3File f : files) {
      try (InputStream in = s3.open(f.url())) {
        checker.file(f.url(), in, f.size());
      }
    }
    return checker.finish(r.dataRearrangement());
  }
}
