package dev.redshiftdata.spark.write;

import java.io.Serializable;

/**
 * One Parquet file a task attempt wrote and committed.
 *
 * @param url the file as Hadoop reads it ({@code s3a://...})
 * @param rows the rows in it
 * @param bytes its length, for the manifest's {@code meta.content_length}
 */
public record StagedFile(String url, long rows, long bytes) implements Serializable {}
