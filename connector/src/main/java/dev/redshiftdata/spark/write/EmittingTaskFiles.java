package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.amazonml.CsvTaskFiles;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * The commit message of a task attempt that also writes an Amazon ML CSV: its Parquet files (null
 * with {@code amazonMl.s3Only}, which loads nothing) and its CSV report.
 */
record EmittingTaskFiles(StagedFiles parquet, CsvTaskFiles csv) implements WriterCommitMessage {}
