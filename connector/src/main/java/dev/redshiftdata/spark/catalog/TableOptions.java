package dev.redshiftdata.spark.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redshiftdata.spark.RedshiftDataSource;
import dev.redshiftdata.spark.config.RedshiftOption;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.Column;
import org.apache.spark.sql.connector.catalog.TableCatalog;

/**
 * The options of one catalog table: the catalog's options, then the table properties of a {@code
 * CREATE TABLE} (TBLPROPERTIES, OPTIONS, COMMENT and column comments), then the per-query options
 * of a read or write, later ones winning. Table properties may only be the options that shape a
 * table or a write ({@code distStyle}, {@code sortKey}, ...): the connection is the catalog's.
 * Pure.
 */
final class TableOptions {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Options a table property or a per-query option cannot change: what the catalog connects to. */
  static final Set<RedshiftOption> CATALOG_ONLY =
      EnumSet.of(
          RedshiftOption.DATABASE,
          RedshiftOption.CLUSTER_IDENTIFIER,
          RedshiftOption.WORKGROUP_NAME,
          RedshiftOption.SECRET_ARN,
          RedshiftOption.DB_USER,
          RedshiftOption.REGION,
          RedshiftOption.ENDPOINT,
          RedshiftOption.PROFILE,
          RedshiftOption.ASSUME_ROLE_ARN,
          RedshiftOption.ASSUME_ROLE_SESSION_NAME,
          RedshiftOption.CASE_SENSITIVE_IDENTIFIERS,
          RedshiftOption.DBTABLE,
          RedshiftOption.QUERY);

  /** Properties Spark adds by itself; they carry nothing for Redshift. */
  private static final Set<String> IGNORED =
      Set.of(
          TableCatalog.PROP_OWNER,
          TableCatalog.PROP_IS_MANAGED_LOCATION,
          TableCatalog.PROP_EXTERNAL,
          "table_type"); // TableCatalog.PROP_TABLE_TYPE from Spark 4.1

  private TableOptions() {}

  /**
   * The connector options a {@code CREATE TABLE}'s properties and column comments ask for.
   *
   * @throws IllegalArgumentException naming the property for a LOCATION, another provider, or a
   *     property that is not a table or write option
   */
  static Map<String, String> ofCreateTable(
      String table, Map<String, String> properties, Column[] columns) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : properties.entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      if (IGNORED.contains(key) || value == null) {
        continue;
      }
      if (key.equals(TableCatalog.PROP_PROVIDER)) {
        if (!value.equalsIgnoreCase(RedshiftDataSource.SHORT_NAME)) {
          throw new IllegalArgumentException(
              "Cannot create table "
                  + table
                  + " USING "
                  + value
                  + ": a Redshift catalog table is always a Redshift table. Remove USING or use"
                  + " USING "
                  + RedshiftDataSource.SHORT_NAME
                  + ".");
        }
        continue;
      }
      if (key.equals(TableCatalog.PROP_LOCATION)) {
        throw new IllegalArgumentException(
            "Cannot create table "
                + table
                + " with LOCATION: Redshift stores the table itself. Remove LOCATION.");
      }
      if (key.equals(TableCatalog.PROP_COMMENT)) {
        out.put(RedshiftOption.TABLE_COMMENT.optionName(), value);
        continue;
      }
      String name =
          key.regionMatches(
                  true, 0, TableCatalog.OPTION_PREFIX, 0, TableCatalog.OPTION_PREFIX.length())
              ? key.substring(TableCatalog.OPTION_PREFIX.length())
              : key;
      out.put(tableOption(table, key, name).optionName(), value);
    }
    ObjectNode comments = JSON.createObjectNode();
    for (Column c : columns) {
      if (c.comment() != null) {
        comments.put(c.name(), c.comment());
      }
    }
    if (!comments.isEmpty()) {
      try {
        out.put(RedshiftOption.COLUMN_COMMENTS.optionName(), JSON.writeValueAsString(comments));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  private static RedshiftOption tableOption(String table, String key, String name) {
    Optional<RedshiftOption> option = RedshiftOption.fromName(name);
    if (option.isEmpty() || CATALOG_ONLY.contains(option.get())) {
      throw new IllegalArgumentException(
          "Cannot create table "
              + table
              + " with property '"
              + key
              + "': "
              + (option.isEmpty()
                  ? "it is not an option of the connector"
                  : "the catalog's options set the connection and table name")
              + ". Table properties may be the table and write options, e.g. distStyle, distKey,"
              + " sortKey, sortKeyStyle, columnEncodings, tableComment, columnComments.");
    }
    return option.get();
  }

  /**
   * {@code base} with {@code overrides} on top, for the table {@code dbtable}; a per-query option
   * naming the connection or another table fails.
   */
  static Map<String, String> merge(
      Map<String, String> base, Map<String, String> overrides, String dbtable) {
    Map<String, String> out = new LinkedHashMap<>();
    base.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      Optional<RedshiftOption> option = RedshiftOption.fromName(e.getKey());
      String lower = e.getKey().toLowerCase(Locale.ROOT);
      if (option.isPresent()
          && CATALOG_ONLY.contains(option.get())
          && !e.getValue().equals(out.get(lower))) {
        throw new IllegalArgumentException(
            "Cannot use option '"
                + e.getKey()
                + "' on catalog table "
                + dbtable
                + ": the catalog's options set the connection and the table. Use a catalog"
                + " configured for it instead.");
      }
      out.put(lower, e.getValue());
    }
    out.put(RedshiftOption.DBTABLE.optionName().toLowerCase(Locale.ROOT), dbtable);
    return out;
  }
}
