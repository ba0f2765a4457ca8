package dev.redshiftdata.spark.types;

import software.amazon.awssdk.services.redshiftdata.model.Field;

/**
 * Decodes one Data API {@code Field} of a column into Spark's internal value ({@code null} for
 * {@code isNull}). Made once per column by {@link Decoders#field}; no per-value type dispatch.
 */
@FunctionalInterface
public interface FieldDecoder {
  Object decode(Field field);
}
