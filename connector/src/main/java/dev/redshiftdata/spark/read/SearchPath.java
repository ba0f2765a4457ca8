package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.RedshiftDataException;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import dev.redshiftdata.spark.dataapi.StatementRows;
import dev.redshiftdata.spark.sql.SearchPathQuery;
import dev.redshiftdata.spark.sql.TableName;
import java.util.List;
import software.amazon.awssdk.services.redshiftdata.model.Field;

/**
 * Resolves a one-part table name as Redshift does for an unqualified name in a statement: the first
 * schema of the search_path holding a relation of that name ({@code pg_table_is_visible}). Without
 * this, DescribeTable without a schema matches every schema and mixes in other tables' columns. One
 * statement on the leader node (catalog tables and settings only), run once per table.
 */
final class SearchPath {

  private SearchPath() {}

  /**
   * What a lookup found.
   *
   * @param table the name qualified with the schema found, or the one-part name when none has it
   * @param searchPath the session's search_path setting, as Redshift shows it
   */
  record Resolution(TableName table, String searchPath) {
    boolean found() {
      return table.schema() != null;
    }
  }

  /** Looks {@code name} (one part) up; a name with a schema is returned as it is. */
  static Resolution resolve(DataApi api, TableName name) {
    if (name.schema() != null) {
      return new Resolution(name, null);
    }
    try {
      return parse(
          name, api.query(StatementRequest.sql(SearchPathQuery.sql(name.table()))).records());
    } catch (RedshiftDataException e) {
      throw new IllegalArgumentException(
          "Cannot find the schema of table "
              + name.quoted()
              + " on Redshift's search_path: "
              + e.getMessage(),
          e);
    }
  }

  static Resolution parse(TableName name, List<List<Field>> records) {
    if (records.size() != 1 || records.get(0).size() != 2) {
      throw new IllegalStateException(
          "The search_path lookup of " + name.quoted() + " returned " + records.size() + " rows");
    }
    String searchPath = StatementRows.text(records.get(0).get(0));
    String schema = StatementRows.text(records.get(0).get(1));
    return new Resolution(
        schema == null ? name : TableName.of(schema, name.table()),
        searchPath == null ? "" : searchPath);
  }

  /**
   * The error for a name on no schema of the search_path, naming the schemas that do have such a
   * table (from ListTables, best effort).
   */
  static IllegalArgumentException notFound(DataApi api, Resolution r) {
    String table = r.table().table();
    List<String> elsewhere;
    try {
      elsewhere =
          api.listTables(null, table).stream()
              .filter(t -> table.equals(t.name()))
              .map(t -> t.schema() + "." + t.name())
              .toList();
    } catch (RuntimeException e) {
      elsewhere = List.of();
    }
    return notFound(r, elsewhere);
  }

  static IllegalArgumentException notFound(Resolution r, List<String> elsewhere) {
    return new IllegalArgumentException(
        "Invalid option 'dbtable': table "
            + r.table().quoted()
            + " is in no schema of Redshift's search_path ("
            + r.searchPath()
            + "), which is where Redshift looks for a name without a schema"
            + (elsewhere.isEmpty()
                ? ", and it does not exist in any other schema either."
                : "; a table of that name is in " + String.join(", ", elsewhere) + ".")
            + " Name the table with its schema, as in 'schema.table'.");
  }
}
