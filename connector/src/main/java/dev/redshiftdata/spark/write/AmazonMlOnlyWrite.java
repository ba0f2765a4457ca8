package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.amazonml.AmazonMlEmission;
import dev.redshiftdata.spark.amazonml.CsvTaskFiles;
import dev.redshiftdata.spark.amazonml.RequestSpec;
import dev.redshiftdata.spark.compat.SessionInternals;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.staging.SerializableHadoopConf;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructType;

/**
 * A write with {@code amazonMl.s3Only}: tasks write only the Amazon ML CSV, in the DataFrame's
 * column order; the commit checks and publishes the S3 datasource. No statement runs in Redshift
 * and the save mode changes nothing.
 */
final class AmazonMlOnlyWrite implements BatchWrite {

  private final AmazonMlEmission emission;
  private final StagedWriterFactory factory;
  private AmazonMlEmission.Result published;

  private AmazonMlOnlyWrite(AmazonMlEmission emission, StagedWriterFactory factory) {
    this.emission = emission;
    this.factory = factory;
  }

  static AmazonMlOnlyWrite prepare(RedshiftOptions options, TableName target, StructType input) {
    Configuration conf = SessionInternals.hadoopConf(SparkSession.active());
    AmazonMlEmission emission = AmazonMlEmission.prepare(options, target, input, conf);
    StagedWriterFactory factory =
        new StagedWriterFactory(
                new SerializableHadoopConf(conf), null, input, input, FileRows.AS_IS, 0)
            .emitting(emission.writerSettings(), false);
    return new AmazonMlOnlyWrite(emission, factory);
  }

  /** The request specs this write published (empty before the commit). */
  List<RequestSpec> publishedSpecs() {
    return published == null ? List.of() : published.specs();
  }

  AmazonMlEmission.Result amazonMlResult() {
    return published;
  }

  @Override
  public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
    return factory;
  }

  @Override
  public void commit(WriterCommitMessage[] messages) {
    List<CsvTaskFiles> csv = new ArrayList<>();
    for (WriterCommitMessage m : messages) {
      if (m instanceof EmittingTaskFiles e) {
        csv.add(e.csv());
      }
    }
    try {
      published = emission.publish(emission.check(csv));
      emission.submitIfRequested(published);
    } finally {
      emission.discard();
    }
  }

  @Override
  public void abort(WriterCommitMessage[] messages) {
    emission.discard();
  }
}
