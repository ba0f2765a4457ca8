package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.Redaction;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import dev.redshiftdata.spark.dataapi.StatementRows;
import dev.redshiftdata.spark.sql.LoadErrorsQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.redshiftdata.model.Field;

/** Why a write's COPY failed, as Redshift recorded it in {@code stl_load_errors}. */
final class LoadErrors {
  private LoadErrors() {}

  private static final Logger LOG = LoggerFactory.getLogger(LoadErrors.class);

  /** Raw values in load errors are cut to this many characters. */
  static final int RAW_VALUE_CHARS = 40;

  /**
   * The first load errors of the files under {@code s3Prefix}, one line each, raw values cut and
   * redacted; empty when none are recorded or they cannot be read (logged, never thrown: the COPY's
   * own error is what the write reports).
   */
  static List<String> read(DataApi api, String s3Prefix) {
    List<String> out = new ArrayList<>();
    try {
      for (List<Field> r :
          api.query(StatementRequest.sql(LoadErrorsQuery.sql(s3Prefix))).records()) {
        out.add(describe(r));
      }
    } catch (RuntimeException e) {
      LOG.warn("Cannot read stl_load_errors after a failed COPY: {}", e.toString());
    }
    return out;
  }

  /** One record of {@link LoadErrorsQuery} as a sentence. */
  static String describe(List<Field> r) {
    String raw = text(r.get(4));
    if (raw.length() > RAW_VALUE_CHARS) {
      raw = raw.substring(0, RAW_VALUE_CHARS) + "...";
    }
    return "line "
        + text(r.get(0))
        + ", column '"
        + text(r.get(1))
        + "' ("
        + text(r.get(2))
        + "): "
        + text(r.get(3))
        + " [code "
        + text(r.get(5))
        + "], raw value '"
        + Redaction.redactSql(raw)
        + "'";
  }

  private static String text(Field f) {
    return Objects.toString(StatementRows.text(f), "");
  }
}
