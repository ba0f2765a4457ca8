package dev.redshiftdata.spark.sql;

/** The query of a failed COPY's first load errors in {@code stl_load_errors}. Pure. */
public final class LoadErrorsQuery {
  private LoadErrorsQuery() {}

  /** How many load errors a failed COPY reports. */
  public static final int SHOWN = 5;

  /**
   * Line, column, type, reason, raw value and error code of the first {@link #SHOWN} load errors of
   * the files under {@code s3Prefix} (an {@code s3://} URL), in load order.
   */
  public static String sql(String s3Prefix) {
    return "SELECT line_number, trim(colname), trim(type), trim(err_reason), trim(raw_field_value),"
        + " err_code FROM stl_load_errors WHERE trim(filename) LIKE "
        + Literals.string(s3Prefix + "%")
        + " ORDER BY starttime, line_number LIMIT "
        + SHOWN;
  }
}
