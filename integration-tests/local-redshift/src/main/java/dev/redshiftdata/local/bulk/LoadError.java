package dev.redshiftdata.local.bulk;

/** One row of {@code stl_load_errors} / {@code sys_load_error_detail}. */
public record LoadError(
    String fileUrl,
    long lineNumber,
    String columnName,
    String columnType,
    int columnLength,
    int position,
    String rawLine,
    String rawFieldValue,
    int errorCode,
    String reason) {

  /**
   * Redshift's load error codes used by the local Redshift (see REDSHIFT_REFERENCE.md section 6).
   */
  public static final int TOO_LONG = 1204;

  public static final int BAD_DATE_OR_TIME = 1205;
  public static final int INVALID_DIGIT = 1207;
  public static final int MISSING_COLUMNS = 1214;
  public static final int NULL_IN_NOT_NULL = 1213;
  public static final int INVALID_UTF8 = 1220;
  public static final int OTHER = 1216;
}
