/**
 * Where staging prefixes go and when they are deleted.
 *
 * <p>{@link dev.redshiftdata.spark.staging.StagingPrefix} names a prefix {@code
 * <tempdir>/redshift-data-<yyyyMMdd'T'HHmmss'Z'>-<uuid>/}; {@link
 * dev.redshiftdata.spark.staging.StagingLifecycle} deletes a read's prefix when the plan that reads
 * it can no longer run (failure, a one-shot action, or the plan becoming unreachable), when the
 * SparkContext stops and at JVM shutdown; {@link dev.redshiftdata.spark.staging.StagingSweeper}
 * removes prefixes that crashed drivers left behind, judged by the time in their names. Deletion
 * goes through Hadoop's {@code FileSystem}; the Hadoop configuration carries credentials and is
 * never logged.
 */
package dev.redshiftdata.spark.staging;
