package dev.redshiftdata.spark.amazonml;

import dev.redshiftdata.spark.config.AmazonMlOptions;
import dev.redshiftdata.spark.config.RedshiftOption;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.staging.StagingArea;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver side of a write's Amazon ML datasource, in three steps around the write's commit:
 *
 * <ol>
 *   <li>{@link #prepare}, before any task runs: checks the options, the columns and every request
 *       field that does not depend on the data; creates the write's private CSV staging prefix (a
 *       {@link StagingPrefix} under {@code tempdir}, so a crashed driver's files are swept);
 *   <li>{@link #check}, before the COPY: merges the committed attempts' reports, fails the write
 *       when more rows were dropped than {@code amazonMl.maxDroppedRows}, infers the schema and
 *       builds and validates the specs; nothing is published yet;
 *   <li>{@link #publish}, after the COPY committed (or at once with {@code amazonMl.s3Only}): moves
 *       the committed attempts' CSV files into the data location and writes the schema and spec
 *       files beside it; if any of that fails, what was published is deleted again.
 * </ol>
 *
 * {@link #discard} deletes the CSV staging prefix (after publishing, or when the write fails).
 * Files of failed or speculative attempts stay in the staging prefix and are never published,
 * because only files named by committed attempts' messages are moved.
 */
public final class AmazonMlEmission {

  private static final Logger LOG = LoggerFactory.getLogger(AmazonMlEmission.class);

  /**
   * A checked datasource, ready to publish.
   *
   * @param schema the inferred data schema (S3 form)
   * @param specs the request specs
   * @param files the committed attempts' CSV files (in the staging prefix)
   * @param rows observations in them
   * @param dropped rows left out of the CSV
   */
  public record Checked(
      DataSchema schema,
      List<RequestSpec> specs,
      List<CsvTaskFiles.CsvFile> files,
      long rows,
      long dropped) {}

  /**
   * A published datasource.
   *
   * @param specs the published request specs, each with its file; what a submission sends
   * @param dataLocation the CSV prefix (Hadoop URL), or null when only the Redshift form was
   *     emitted
   * @param files the CSV files published
   * @param rows observations in them
   * @param droppedRows rows left out of the CSV
   * @param schema the data schema
   */
  public record Result(
      List<RequestSpec> specs,
      String dataLocation,
      List<String> files,
      long rows,
      long droppedRows,
      DataSchema schema) {}

  private final AmazonMlOptions ml;
  private final TableName table;
  private final EmissionPlan plan;
  private final StructType csvSchema;
  private final StagingArea staging;
  private final Configuration conf;

  /** Null without {@code amazonMl.submit}. */
  private final AmazonMlSubmitter submitter;

  private AmazonMlEmission(
      AmazonMlOptions ml,
      TableName table,
      EmissionPlan plan,
      StructType csvSchema,
      StagingArea staging,
      Configuration conf,
      AmazonMlSubmitter submitter) {
    this.ml = ml;
    this.table = table;
    this.plan = plan;
    this.csvSchema = csvSchema;
    this.staging = staging;
    this.conf = conf;
    this.submitter = submitter;
  }

  /**
   * Checks what can be checked before the tasks run and reserves a CSV staging prefix.
   *
   * @param csvSchema the CSV's columns, in order: the columns written to the table
   */
  public static AmazonMlEmission prepare(
      RedshiftOptions options, TableName table, StructType csvSchema, Configuration conf) {
    AmazonMlOptions ml = options.amazonMl();
    String action = "emit an Amazon ML datasource for table " + table.quoted();
    String tempdir =
        options
            .staging()
            .tempdir()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Cannot "
                            + action
                            + ": option '"
                            + RedshiftOption.TEMPDIR
                            + "' is not set. Set it to an S3 prefix for the write's staging"
                            + " files, e.g. s3a://bucket/prefix/."));
    CsvValues.check(csvSchema, action);
    CsvLineEncoder.header(List.of(csvSchema.fieldNames()));
    SchemaInference.checkNames(csvSchema, ml);
    StagingArea staging = StagingArea.create(options.staging(), conf);
    EmissionPlan plan =
        EmissionPlan.of(
            ml,
            options.connection().target(),
            tempdir,
            table,
            List.of(csvSchema.fieldNames()),
            "rd-" + staging.id().toString().replace("-", ""));
    SpecValidation.checkLayout(plan);
    // Every field but the data-dependent schema can be checked now, before any task runs.
    DataSchema placeholder = SchemaInference.infer(csvSchema, null, ml);
    SpecValidation.checkAll(RequestSpecs.build(plan, placeholder));
    AmazonMlEmission emission =
        new AmazonMlEmission(
            ml,
            table,
            plan,
            csvSchema,
            staging,
            conf,
            ml.submit() ? new AmazonMlSubmitter(options) : null);
    if (plan.emits(RequestSpec.Kind.S3)) {
      emission.requireEmptyDataLocation();
    }
    // Tracked as every staging prefix is, until discard() releases it.
    staging.trackWrite(SparkSession.active(), emission);
    return emission;
  }

  /** What executors need. */
  public CsvWriterSettings writerSettings() {
    return new CsvWriterSettings(
        staging.url(),
        csvSchema,
        ml.header(),
        ml.newlines(),
        ml.maxRowBytes(),
        SchemaInference.statsLimit(ml));
  }

  public EmissionPlan plan() {
    return plan;
  }

  /** The write's private CSV staging prefix. */
  public String stagingPrefix() {
    return staging.url();
  }

  /**
   * Checks the committed attempts' output; publishes nothing.
   *
   * @param tasks the reports of committed attempts only
   * @throws IllegalStateException when more rows were dropped than {@code amazonMl.maxDroppedRows},
   *     or no row is left
   * @throws IllegalArgumentException when the schema or a spec breaks Amazon ML's rules
   */
  public Checked check(List<CsvTaskFiles> tasks) {
    long rows = 0;
    long newline = 0;
    long tooLarge = 0;
    List<CsvTaskFiles.CsvFile> files = new ArrayList<>();
    List<ColumnStats> stats =
        ColumnStats.forColumns(csvSchema.fields().length, SchemaInference.statsLimit(ml));
    for (CsvTaskFiles t : tasks) {
      rows += t.rows();
      newline += t.droppedNewline();
      tooLarge += t.droppedTooLarge();
      files.addAll(t.files());
      for (int i = 0; i < stats.size(); i++) {
        stats.get(i).merge(t.stats().get(i));
      }
    }
    long dropped = newline + tooLarge;
    if (dropped > ml.maxDroppedRows()) {
      throw new IllegalStateException(
          "Cannot emit an Amazon ML datasource for table "
              + table.quoted()
              + ": "
              + dropped
              + " rows would be left out of the CSV ("
              + newline
              + " with end-of-line characters, rejected by 'amazonMl.newlines'; "
              + tooLarge
              + " larger than "
              + ml.maxRowBytes()
              + " bytes), more than '"
              + RedshiftOption.AMAZON_ML_MAX_DROPPED_ROWS
              + "' ("
              + ml.maxDroppedRows()
              + "): Amazon ML would reject the whole datasource. Nothing was loaded or published.");
    }
    if (rows == 0) {
      throw new IllegalStateException(
          "Cannot emit an Amazon ML datasource for table "
              + table.quoted()
              + ": no row reached the CSV ("
              + dropped
              + " dropped), and Amazon ML cannot create a datasource without observations."
              + " Nothing was loaded or published.");
    }
    DataSchema schema = SchemaInference.infer(csvSchema, stats, ml);
    SpecValidation.schemaMatchesHeader(schema, List.of(csvSchema.fieldNames()));
    List<RequestSpec> specs = RequestSpecs.build(plan, schema);
    SpecValidation.checkAll(specs);
    return new Checked(schema, specs, files, rows, dropped);
  }

  /**
   * Moves the CSV files into the data location and writes the schema and spec files; on failure
   * deletes what it published and throws.
   */
  public Result publish(Checked checked) {
    List<Path> published = new ArrayList<>();
    List<String> dataFiles = new ArrayList<>();
    try {
      FileSystem fs = new Path(plan.dataLocation()).getFileSystem(conf);
      if (plan.emits(RequestSpec.Kind.S3)) {
        for (CsvTaskFiles.CsvFile f : checked.files()) {
          Path from = new Path(f.url());
          Path to = new Path(plan.dataLocation() + from.getName());
          if (!fs.rename(from, to)) {
            throw new IOException("cannot move " + from + " to " + to);
          }
          published.add(to);
          dataFiles.add(to.toString());
        }
        write(fs, plan.schemaLocation(), checked.schema().json(), published);
      }
      if (plan.emits(RequestSpec.Kind.REDSHIFT) && !plan.inlineSchema()) {
        write(
            fs,
            plan.redshiftSchemaLocation(),
            RequestSpecs.redshiftSchema(checked.schema()).json(),
            published);
      }
      for (RequestSpec spec : checked.specs()) {
        write(fs, spec.location(), spec.json(), published);
      }
    } catch (IOException | RuntimeException e) {
      unpublish(published);
      throw new IllegalStateException(
          "Cannot publish the Amazon ML datasource of table "
              + table.quoted()
              + " under "
              + plan.dataLocation()
              + (plan.emits(RequestSpec.Kind.REDSHIFT) || !ml.s3Only()
                  ? " (the table was written; nothing of the datasource was left): "
                  : " (nothing was left): ")
              + e.getMessage(),
          e);
    }
    LOG.info(
        "Published Amazon ML datasource {}: {} rows in {} CSV files under {}, {} rows dropped;"
            + " specs {}",
        plan.baseId(),
        checked.rows(),
        dataFiles.size(),
        plan.emits(RequestSpec.Kind.S3) ? plan.dataLocation() : "(none: Redshift form only)",
        checked.dropped(),
        checked.specs().stream().map(RequestSpec::location).toList());
    return new Result(
        checked.specs(),
        plan.emits(RequestSpec.Kind.S3) ? plan.dataLocation() : null,
        dataFiles,
        checked.rows(),
        checked.dropped(),
        checked.schema());
  }

  /**
   * With {@code amazonMl.submit}, submits the published specs and waits until every datasource is
   * COMPLETED; otherwise does nothing. The table and the published files stay as they are when
   * submission fails: they are a valid datasource on their own, and the error says so.
   *
   * @return the completed datasources (empty without {@code amazonMl.submit})
   */
  public List<AmazonMlSubmitter.Submitted> submitIfRequested(Result published) {
    if (submitter == null || published.specs().isEmpty()) {
      return List.of();
    }
    try {
      List<AmazonMlSubmitter.Submitted> done = submitter.submit(published.specs());
      LOG.info("Amazon ML datasources of table {} are COMPLETED: {}", table.quoted(), done);
      return done;
    } catch (AmazonMlSubmissionException e) {
      throw new AmazonMlSubmissionException(
          e.dataSourceId(),
          e.getMessage()
              + " (the table and the datasource files under "
              + plan.dataLocation()
              + " were written; resubmit the spec files, see README, Amazon ML datasources)",
          e);
    }
  }

  /** Deletes the CSV staging prefix, unless {@code keepStaging}. Never throws. */
  public void discard() {
    staging.release("Amazon ML emission ended");
  }

  private void requireEmptyDataLocation() {
    Path p = new Path(plan.dataLocation());
    try {
      FileSystem fs = p.getFileSystem(conf);
      if (fs.listFiles(p, true).hasNext()) {
        throw new IllegalArgumentException(
            "Cannot emit an Amazon ML datasource for table "
                + table.quoted()
                + ": the data location "
                + plan.dataLocation()
                + " (option '"
                + RedshiftOption.AMAZON_ML_LOCATION
                + "') already holds files, and Amazon ML reads every file under it. Use an"
                + " empty prefix.");
      }
    } catch (FileNotFoundException absent) {
      // empty, as it should be
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the Amazon ML data location " + p, e);
    }
  }

  private static void write(FileSystem fs, String url, String text, List<Path> published)
      throws IOException {
    Path p = new Path(url);
    try (OutputStream out = fs.create(p, true)) {
      published.add(p);
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private void unpublish(List<Path> published) {
    for (Path p : published) {
      try {
        p.getFileSystem(conf).delete(p, false);
      } catch (IOException | RuntimeException e) {
        LOG.warn("Cannot delete published Amazon ML file {}: {}", p, e.toString());
      }
    }
  }
}
