package dev.redshiftdata.spark.amazonml;

import java.util.Locale;
import java.util.Set;

/** The attribute types of an Amazon ML data schema ({@code attributeType}). */
public enum AttributeType {
  NUMERIC,
  BINARY,
  CATEGORICAL,
  TEXT;

  /**
   * The values Amazon ML reads as a BINARY attribute's two states (case-insensitive); the writer
   * renders booleans as {@code 1} and {@code 0}, the canonical pair.
   */
  static final Set<String> BINARY_VALUES =
      Set.of("0", "1", "y", "n", "yes", "no", "t", "f", "true", "false");

  /** Whether Amazon ML reads {@code value} as one of a BINARY attribute's states. */
  static boolean isBinaryValue(String value) {
    return BINARY_VALUES.contains(value.toLowerCase(Locale.ROOT));
  }

  /** The type named {@code name}, case-insensitively, or null. */
  static AttributeType parse(String name) {
    for (AttributeType t : values()) {
      if (t.name().equalsIgnoreCase(name.trim())) {
        return t;
      }
    }
    return null;
  }
}
