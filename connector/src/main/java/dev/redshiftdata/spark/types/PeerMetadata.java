package dev.redshiftdata.spark.types;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;

/**
 * The column metadata spark-redshift reads when it creates a table, honoured the same way here: a
 * DataFrame prepared for spark-redshift creates the same table. The connector's own {@code
 * redshift.*} keys and options win where both are given.
 */
public final class PeerMetadata {
  private PeerMetadata() {}

  /** A string column's VARCHAR length (bytes). */
  public static final String MAX_LENGTH = "maxlength";

  /** The column's Redshift type, as DDL text ({@code VARCHAR(12)}, {@code DECIMAL(10,2)}). */
  public static final String REDSHIFT_TYPE = "redshift_type";

  /** The column's compression encoding ({@code ZSTD}). */
  public static final String ENCODING = "encoding";

  /** The column's comment ({@code COMMENT ON COLUMN}). */
  public static final String DESCRIPTION = "description";

  /** A type name with an optional (n) or (p,s): nothing that could end the column definition. */
  private static final Pattern DDL_TYPE =
      Pattern.compile("[A-Za-z][A-Za-z0-9_ ]*(\\(\\s*(\\d+|MAX)\\s*(,\\s*\\d+\\s*)?\\))?");

  /** {@code redshift_type} of {@code f}, checked to be one type name, upper-cased. */
  static Optional<String> ddlType(StructField f) {
    Metadata m = f.metadata();
    if (!m.contains(REDSHIFT_TYPE)) {
      return Optional.empty();
    }
    String given = m.getString(REDSHIFT_TYPE).strip();
    if (!DDL_TYPE.matcher(given).matches()) {
      throw new IllegalArgumentException(
          "Cannot create column '"
              + f.name()
              + "': its field metadata '"
              + REDSHIFT_TYPE
              + "' is '"
              + given
              + "', not a Redshift type such as VARCHAR(12), DECIMAL(10,2) or DOUBLE PRECISION.");
    }
    return Optional.of(given.toUpperCase(Locale.ROOT).replaceAll("\\s+", " "));
  }

  /** {@code maxlength} of a string field, or 0 when unset. */
  static long maxLength(StructField f) {
    Metadata m = f.metadata();
    if (!m.contains(MAX_LENGTH)) {
      return 0;
    }
    long n = m.getLong(MAX_LENGTH);
    if (n < 1 || n > 65535) {
      throw new IllegalArgumentException(
          "Cannot create column '"
              + f.name()
              + "': its field metadata '"
              + MAX_LENGTH
              + "' is "
              + n
              + "; a Redshift VARCHAR holds 1 to 65535 bytes.");
    }
    return n;
  }
}
