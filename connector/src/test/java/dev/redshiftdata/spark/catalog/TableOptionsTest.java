package dev.redshiftdata.spark.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.Column;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class TableOptionsTest {

  private static final Column[] NO_COMMENTS = {Column.create("id", DataTypes.LongType)};

  @Test
  void tablePropertiesOptionsAndCommentsBecomeConnectorOptions() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("owner", "alice");
    props.put("provider", "redshift-data");
    props.put("comment", "all orders");
    props.put("distStyle", "KEY");
    props.put("option.DISTKEY", "id");
    props.put("sortkey", "id,placed");
    Column[] columns = {
      Column.create("id", DataTypes.LongType),
      Column.create("who", DataTypes.StringType, true, "the \"buyer\"", null)
    };
    Map<String, String> out = TableOptions.ofCreateTable("t", props, columns);
    assertEquals(
        Map.of(
            "tableComment", "all orders",
            "distStyle", "KEY",
            "distKey", "id",
            "sortKey", "id,placed",
            "columnComments", "{\"who\":\"the \\\"buyer\\\"\"}"),
        out);
  }

  @Test
  void refusesLocationOtherProvidersAndNonTableOptions() {
    IllegalArgumentException location =
        assertThrows(
            IllegalArgumentException.class,
            () -> TableOptions.ofCreateTable("t", Map.of("location", "s3://x/"), NO_COMMENTS));
    assertTrue(location.getMessage().contains("LOCATION"), location.getMessage());
    IllegalArgumentException provider =
        assertThrows(
            IllegalArgumentException.class,
            () -> TableOptions.ofCreateTable("t", Map.of("provider", "parquet"), NO_COMMENTS));
    assertTrue(provider.getMessage().contains("USING parquet"), provider.getMessage());
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> TableOptions.ofCreateTable("t", Map.of("colour", "red"), NO_COMMENTS));
    assertTrue(unknown.getMessage().contains("'colour'"), unknown.getMessage());
    IllegalArgumentException connection =
        assertThrows(
            IllegalArgumentException.class,
            () -> TableOptions.ofCreateTable("t", Map.of("option.database", "x"), NO_COMMENTS));
    assertTrue(connection.getMessage().contains("connection"), connection.getMessage());
  }

  @Test
  void perQueryOptionsOverrideButCannotChangeTheConnectionOrTable() {
    Map<String, String> base = Map.of("database", "dev", "readMode", "auto");
    Map<String, String> merged =
        TableOptions.merge(base, Map.of("ReadMode", "unload", "DATABASE", "dev"), "\"s\".\"t\"");
    assertEquals("unload", merged.get("readmode"));
    assertEquals("dev", merged.get("database"));
    assertEquals("\"s\".\"t\"", merged.get("dbtable"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TableOptions.merge(base, Map.of("database", "other"), "\"s\".\"t\""));
    assertTrue(e.getMessage().contains("'database'"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> TableOptions.merge(base, Map.of("dbtable", "x"), "\"s\".\"t\""));
  }
}
