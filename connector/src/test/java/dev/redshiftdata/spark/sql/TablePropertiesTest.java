package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.config.RedshiftOptions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TablePropertiesTest {

  private static final TableName T = TableName.of("sales", "or\"ders");

  private static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.LongType)
          .add("Na\"me", DataTypes.StringType)
          .add("Event Day", DataTypes.DateType)
          .add("a,b", DataTypes.IntegerType);

  private static TableProperties of(String... options) {
    Map<String, String> m = new HashMap<>();
    m.put("database", "dev");
    m.put("clusterIdentifier", "my-cluster");
    for (int i = 0; i < options.length; i += 2) {
      m.put(options[i], options[i + 1]);
    }
    return TableProperties.of(RedshiftOptions.parse(m, Map.of()), SCHEMA, T);
  }

  private static String error(String... options) {
    return assertThrows(IllegalArgumentException.class, () -> of(options)).getMessage();
  }

  private static Map<String, String> suffixes(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String c : List.of("id", "Na\"me", "Event Day", "a,b")) {
      m.put(c, "");
    }
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void noOptionsAddNothing() {
    TableProperties p = of();
    assertEquals(suffixes(), p.columnSuffixes());
    assertEquals("", p.tableSuffix());
    assertEquals(List.of(), p.commentStatements());
    assertEquals(new TableProperties(Map.of(), "", List.of()), TableProperties.none());
    assertEquals("", TableProperties.none().columnSuffix("id"));
  }

  @Test
  void distKeyImpliesKeyStyleAndUsesTheSchemasSpelling() {
    assertEquals(" DISTSTYLE KEY DISTKEY(\"id\")", of("distKey", "ID").tableSuffix());
    assertEquals(
        " DISTSTYLE KEY DISTKEY(\"Na\"\"me\")",
        of("distKey", "\"na\"\"me\"", "distStyle", "key").tableSuffix());
    assertEquals(" DISTSTYLE EVEN", of("distStyle", "even").tableSuffix());
    assertEquals(" DISTSTYLE ALL", of("distStyle", "ALL").tableSuffix());
    assertEquals(" DISTSTYLE AUTO", of("distStyle", "auto").tableSuffix());
  }

  @Test
  void distributionErrorsNameTheOptions() {
    assertEquals(
        "Cannot create table \"sales\".\"or\"\"ders\": option 'distKey' names column 'nope',"
            + " which is not among the columns (id, Na\"me, Event Day, a,b).",
        error("distKey", "nope"));
    String keyWithoutColumn = error("distStyle", "KEY");
    assertTrue(keyWithoutColumn.contains("option 'distStyle' is KEY but 'distKey' is not set"));
    assertTrue(error("distStyle", "EVEN", "distKey", "id").contains("'distKey'"));
  }

  @Test
  void sortKeys() {
    assertEquals(
        " COMPOUND SORTKEY(\"Event Day\", \"id\")", of("sortKey", "event day, Id").tableSuffix());
    assertEquals(
        " INTERLEAVED SORTKEY(\"id\", \"Event Day\")",
        of("sortKey", "id,Event Day", "sortKeyStyle", "interleaved").tableSuffix());
    assertEquals(" SORTKEY AUTO", of("sortKey", "auto").tableSuffix());
    assertEquals(
        " DISTSTYLE KEY DISTKEY(\"id\") COMPOUND SORTKEY(\"id\")",
        of("distKey", "id", "sortKey", "id").tableSuffix());
  }

  @Test
  void sortKeyErrors() {
    assertTrue(error("sortKey", "id,nope").contains("option 'sortKey' names column 'nope'"));
    assertTrue(error("sortKey", "id, ID").contains("option 'sortKey' names column 'id' twice"));
    assertTrue(error("sortKey", "auto,id").contains("either AUTO or a list of columns"));
    assertTrue(
        error("sortKey", "auto", "sortKeyStyle", "interleaved")
            .contains("AUTO cannot be INTERLEAVED"));
    String nine = "id,id,id,id,id,id,id,id,id";
    assertTrue(
        error("sortKey", nine, "sortKeyStyle", "interleaved")
            .contains("option 'sortKey' has 9 columns; an INTERLEAVED sort key has at most 8"));
  }

  @Test
  void encodings() {
    TableProperties p = of("columnEncodings", " id = az64 ,\"Na\"\"me\"=Zstd, \"a,b\"=raw,");
    assertEquals(
        suffixes("id", " ENCODE AZ64", "Na\"me", " ENCODE ZSTD", "a,b", " ENCODE RAW"),
        p.columnSuffixes());
    assertEquals(" ENCODE AZ64", p.columnSuffix("id"));
    assertEquals("", p.columnSuffix("Event Day"));
    for (String e : ColumnEncodings.ENCODINGS) {
      String column = e.startsWith("TEXT") ? "Na\"me" : "id";
      assertEquals(
          " ENCODE " + e,
          of("columnEncodings", "\"" + column.replace("\"", "\"\"") + "\"=" + e)
              .columnSuffix(column));
    }
  }

  @Test
  void encodingsTheColumnTypeCannotTakeAreRefused() {
    assertTrue(
        error("columnEncodings", "id=text255")
            .contains(
                "option 'columnEncodings' gives column 'id' (bigint) the encoding TEXT255, which"
                    + " Redshift allows only for VARCHAR columns."));
    assertTrue(
        error("columnEncodings", "\"Na\"\"me\"=az64")
            .contains("(string) the encoding AZ64, which Redshift allows only for integer,"));
    assertTrue(error("columnEncodings", "\"a,b\"=mostly32").contains("BIGINT and DECIMAL"));
    assertTrue(error("columnEncodings", "\"Event Day\"=mostly8").contains("integer and decimal"));
    assertEquals(
        " ENCODE DELTA", of("columnEncodings", "\"Event Day\"=delta").columnSuffix("Event Day"));
    assertEquals(" ENCODE MOSTLY16", of("columnEncodings", "\"a,b\"=mostly16").columnSuffix("a,b"));
    assertEquals(null, ColumnEncodings.allowedFor("ZSTD", DataTypes.BooleanType));
    assertEquals(null, ColumnEncodings.allowedFor("TEXT32K", DataTypes.StringType));
    assertEquals(
        "INTEGER, BIGINT and DECIMAL", ColumnEncodings.allowedFor("MOSTLY16", DataTypes.ShortType));
    assertEquals(
        "integer, decimal, date and timestamp",
        ColumnEncodings.allowedFor("AZ64", DataTypes.DoubleType));
  }

  @Test
  void encodingErrors() {
    assertTrue(
        error("columnEncodings", "id=zip")
            .contains("option 'columnEncodings' gives column 'id' the unknown encoding 'zip'."));
    assertTrue(error("columnEncodings", "id=auto").contains("unknown encoding 'auto'"));
    assertTrue(
        error("columnEncodings", "nope=zstd")
            .contains("option 'columnEncodings' names column 'nope'"));
    assertTrue(error("columnEncodings", "id").contains("expects col=ENCODING pairs"));
    assertTrue(error("columnEncodings", "id=zstd,ID=raw").contains("names column 'id' twice"));
  }

  @Test
  void commentsAreEscapedLiterals() {
    TableProperties p =
        of(
            "tableComment",
            "it's \\ \"x\"",
            "columnComments",
            "{\"event day\": \"a 'day'\\\\\", \"id\": \"\"}");
    assertEquals(
        List.of(
            "COMMENT ON TABLE \"sales\".\"or\"\"ders\" IS 'it''s \\\\ \"x\"'",
            "COMMENT ON COLUMN \"sales\".\"or\"\"ders\".\"Event Day\" IS 'a ''day''\\\\'",
            "COMMENT ON COLUMN \"sales\".\"or\"\"ders\".\"id\" IS ''"),
        p.commentStatements());
    assertEquals("it's \\ \"x\"", Literals.unescape("'it''s \\\\ \"x\"'"));
  }

  @Test
  void commentErrors() {
    assertTrue(
        error("columnComments", "[1]")
            .contains("option 'columnComments' must be a JSON object of strings"));
    assertTrue(error("columnComments", "{").contains("must be a JSON object"));
    assertTrue(
        error("columnComments", "{\"id\": 1}")
            .contains("gives column 'id' a comment that is not a JSON string"));
    assertTrue(
        error("columnComments", "{\"nope\": \"x\"}")
            .contains("option 'columnComments' names column 'nope'"));
    assertTrue(error("tableComment", "a\0b").contains("option 'tableComment' contains a NUL"));
  }

  @Test
  void ambiguousNamesNeedTheExactSpelling() {
    StructType twins = new StructType().add("Id", DataTypes.LongType).add("ID", DataTypes.LongType);
    Map<String, String> m = Map.of("database", "dev", "clusterIdentifier", "c", "distKey", "id");
    String e =
        assertThrows(
                IllegalArgumentException.class,
                () -> TableProperties.of(RedshiftOptions.parse(m, Map.of()), twins, T))
            .getMessage();
    assertTrue(e.contains("matches Id and ID ignoring case. Write the exact name"), e);
    Map<String, String> exact =
        Map.of("database", "dev", "clusterIdentifier", "c", "distKey", "ID");
    assertEquals(
        " DISTSTYLE KEY DISTKEY(\"ID\")",
        TableProperties.of(RedshiftOptions.parse(exact, Map.of()), twins, T).tableSuffix());
  }
}
