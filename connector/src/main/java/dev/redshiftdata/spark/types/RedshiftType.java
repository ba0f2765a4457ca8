package dev.redshiftdata.spark.types;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;

/**
 * One Redshift column's type as the Data API reports it, normalized so that DescribeTable and
 * GetStatementResult metadata give the same value.
 *
 * <p>DescribeTable fills {@code length} (= precision for character types); GetStatementResult
 * reports {@code length} 0 and carries the declared character length in {@code precision}. {@link
 * #of(ColumnMetadata)} sets {@link #length()} from whichever holds it, so for {@code
 * varchar}/{@code bpchar} it is always the declared length in bytes.
 *
 * @param name column name (label is not used: DescribeTable has none; GetStatementResult's name
 *     equals the label)
 * @param typeName Redshift's internal type name, lower case, SQL spellings folded to it ({@code
 *     character varying} -> {@code varchar}, {@code integer} -> {@code int4}, ...)
 * @param precision numeric precision, or the declared length for character types
 * @param scale numeric scale
 * @param length declared length for character types (bytes), else 0
 * @param nullable 0 NOT NULL, 1 nullable, 2 unknown (JDBC's columnNoNulls/columnNullable/Unknown)
 * @param caseInsensitive a character column Redshift reports as not case-sensitive ({@code
 *     isCaseSensitive} false: a {@code CASE_INSENSITIVE} collation), whose values compare equal
 *     ignoring case
 */
public record RedshiftType(
    String name,
    String typeName,
    int precision,
    int scale,
    int length,
    int nullable,
    boolean caseInsensitive) {

  public static final int NOT_NULL = 0;
  public static final int NULLABLE = 1;
  public static final int NULLABLE_UNKNOWN = 2;

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("text", "varchar"),
          Map.entry("character varying", "varchar"),
          Map.entry("nvarchar", "varchar"),
          Map.entry("character", "bpchar"),
          Map.entry("nchar", "bpchar"),
          Map.entry("smallint", "int2"),
          Map.entry("integer", "int4"),
          Map.entry("int", "int4"),
          Map.entry("bigint", "int8"),
          Map.entry("real", "float4"),
          Map.entry("double precision", "float8"),
          Map.entry("float", "float8"),
          Map.entry("boolean", "bool"),
          Map.entry("decimal", "numeric"),
          Map.entry("timestamp without time zone", "timestamp"),
          Map.entry("timestamp with time zone", "timestamptz"),
          Map.entry("time without time zone", "time"),
          Map.entry("time with time zone", "timetz"),
          Map.entry("varbinary", "varbyte"),
          Map.entry("binary varying", "varbyte"));

  public RedshiftType {
    Objects.requireNonNull(name, "name");
    typeName = normalize(Objects.requireNonNull(typeName, "typeName"));
  }

  /** A column of the usual, case-sensitive collation. */
  public RedshiftType(
      String name, String typeName, int precision, int scale, int length, int nullable) {
    this(name, typeName, precision, scale, length, nullable, false);
  }

  /**
   * A column from DescribeTable ({@code ColumnList}) or result metadata ({@code ColumnMetadata}).
   */
  public static RedshiftType of(ColumnMetadata c) {
    String type = c.typeName() == null ? "" : c.typeName();
    int precision = orZero(c.precision());
    int length = orZero(c.length());
    String normalized = normalize(type);
    if (isCharacter(normalized)) {
      if (length <= 0) {
        length = precision; // GetStatementResult: length 0, precision = declared length
      }
    } else {
      length = 0;
    }
    Integer nullable = c.nullable();
    return new RedshiftType(
        c.name() == null ? "" : c.name(),
        normalized,
        precision,
        orZero(c.scale()),
        length,
        nullable == null ? NULLABLE_UNKNOWN : nullable,
        isCharacter(normalized) && Boolean.FALSE.equals(c.isCaseSensitive()));
  }

  /** True unless the column is reported NOT NULL ({@code nullable} 0). */
  public boolean isNullable() {
    return nullable != NOT_NULL;
  }

  static boolean isCharacter(String normalizedTypeName) {
    return switch (normalizedTypeName) {
      case "varchar", "bpchar", "char", "name" -> true;
      default -> false;
    };
  }

  static String normalize(String typeName) {
    String t = typeName.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("\"") && t.endsWith("\"") && t.length() >= 2) {
      t = t.substring(1, t.length() - 1);
    }
    return ALIASES.getOrDefault(t, t);
  }

  private static int orZero(Integer v) {
    return v == null ? 0 : v;
  }
}
