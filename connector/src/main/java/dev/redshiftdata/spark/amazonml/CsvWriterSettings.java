package dev.redshiftdata.spark.amazonml;

import dev.redshiftdata.spark.config.AmazonMlOptions.Newlines;
import java.io.Serializable;
import org.apache.spark.sql.types.StructType;

/**
 * What executors need to write Amazon ML CSV: no option map and no credentials.
 *
 * @param stagingPrefix the write's private CSV prefix (Hadoop URL ending in '/')
 * @param schema the CSV columns, in order (rows arrive in this shape)
 * @param header whether each file starts with a header line
 * @param newlines what end-of-line characters inside values do
 * @param maxRowBytes the largest observation written
 * @param statsLimit distinct values each column's {@link ColumnStats} keeps
 */
public record CsvWriterSettings(
    String stagingPrefix,
    StructType schema,
    boolean header,
    Newlines newlines,
    long maxRowBytes,
    int statsLimit)
    implements Serializable {}
