/**
 * Where staging prefixes go and when they are deleted.
 *
 * <p>{@link dev.redshiftdata.spark.staging.StagingArea} is one prefix of a read's UNLOAD, a write's
 * Parquet and COPY manifest, or an Amazon ML emission's CSV: created, named ({@link
 * dev.redshiftdata.spark.staging.StagingPrefix}: {@code
 * <tempdir>/redshift-data-<yyyyMMdd'T'HHmmss'Z'>-<uuid>/}), written and released in one place.
 * {@link dev.redshiftdata.spark.staging.StagingLifecycle} deletes a read's prefix when the plan
 * that reads it can no longer run (failure, a one-shot action, or the plan becoming unreachable); a
 * write's when the write releases it after its commit or abort; and any of them when the
 * SparkContext stops and at JVM shutdown; {@link dev.redshiftdata.spark.staging.StagingSweeper}
 * removes prefixes that crashed drivers left behind, judged by the time in their names. Deletion
 * goes through Hadoop's {@code FileSystem}; the Hadoop configuration carries credentials and is
 * never logged.
 */
package dev.redshiftdata.spark.staging;
