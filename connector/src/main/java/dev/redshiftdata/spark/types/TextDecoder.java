package dev.redshiftdata.spark.types;

/**
 * Decodes one column value from Redshift's text form (a Data API {@code stringValue} or a
 * GetStatementResultV2 CSV cell) into Spark's internal value. The text is never null: callers map
 * SQL NULL themselves. Made once per column by {@link Decoders#text}.
 */
@FunctionalInterface
public interface TextDecoder {
  Object decode(String text);
}
