package dev.redshiftdata.spark.compat;

import java.io.Serializable;

/**
 * A byte range of one file to read.
 *
 * @param url the file's Hadoop URL
 * @param start the first byte
 * @param length bytes from {@code start}
 * @param fileSize the whole file's size
 */
public record FileRange(String url, long start, long length, long fileSize)
    implements Serializable {}
