package dev.redshiftdata.spark;

import dev.redshiftdata.spark.compat.ScalaCollections;
import dev.redshiftdata.spark.config.RedshiftOptions;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * The part of a session's configuration the connector reads: {@code
 * spark.datasource.redshift-data.*} (options for every read, write and statement of the session)
 * and {@code spark.redaction.regex} (which option values are hidden).
 */
public final class SessionConf {
  private SessionConf() {}

  /** The connector's keys of {@code spark}'s configuration. */
  public static Map<String, String> of(SparkSession spark) {
    return select(ScalaCollections.toJava(spark.conf().getAll()));
  }

  /** The connector's keys of a whole configuration; other keys are left out. Pure. */
  static Map<String, String> select(Map<String, String> all) {
    Map<String, String> out = new TreeMap<>();
    String prefix = RedshiftOptions.SESSION_CONF_PREFIX.toLowerCase(Locale.ROOT);
    all.forEach(
        (key, value) -> {
          if (key.toLowerCase(Locale.ROOT).startsWith(prefix)
              || key.equals(RedshiftOptions.SPARK_REDACTION_REGEX_KEY)) {
            out.put(key, value);
          }
        });
    return out;
  }
}
