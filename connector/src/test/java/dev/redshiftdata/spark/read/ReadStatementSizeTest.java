package dev.redshiftdata.spark.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.SqlLimits;
import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.types.TypeMapping;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** Reads whose statements would pass the Data API's 100 KB limit, without Redshift. */
class ReadStatementSizeTest {

  /** A VARCHAR column: string equality on it is pushed (a superset, Spark checks it again). */
  static final StructType SMALL =
      new StructType()
          .add("id", DataTypes.IntegerType)
          .add(
              "name",
              DataTypes.StringType,
              true,
              new MetadataBuilder().putString(TypeMapping.METADATA_TYPE, "varchar").build());

  /** 1,600 int columns with 63-byte names, Redshift's widest table with PostgreSQL's names. */
  static StructType wide(String typeOfColumn5) {
    StructType s = new StructType();
    for (int i = 0; i < 1600; i++) {
      String type = i == 5 && typeOfColumn5 != null ? typeOfColumn5 : "integer";
      s =
          s.add(
              name(i),
              DataTypes.IntegerType,
              true,
              new MetadataBuilder().putString(TypeMapping.METADATA_TYPE, type).build());
    }
    return s;
  }

  static String name(int i) {
    String n = "col_" + i + "_";
    return n + "x".repeat(63 - n.length());
  }

  private static Map<String, String> options(String... more) {
    Map<String, String> m = new HashMap<>();
    m.put("database", "dev");
    m.put("clusterIdentifier", "my-cluster");
    m.put("region", "eu-west-1");
    m.put("endpoint", "http://127.0.0.1:1");
    for (int i = 0; i < more.length; i += 2) {
      m.put(more[i], more[i + 1]);
    }
    return m;
  }

  private static final String[] UNLOAD = {
    "readMode", "unload", "tempdir", "s3a://bucket/tmp/", "iamRole", "arn:aws:iam::1:role/r"
  };

  private static RedshiftScanBuilder builder(
      StructType schema, RedshiftTable.ReadSource source, String... more) {
    return new RedshiftScanBuilder(
        RedshiftOptions.parse(options(more), Map.of()), source, schema, schema);
  }

  private static RedshiftScanBuilder table(StructType schema, String... more) {
    return builder(schema, new RedshiftTable.ReadSource(TableName.of("public", "t"), null), more);
  }

  private static Predicate eq(String column, String value) {
    return new Predicate(
        "=",
        new Expression[] {
          FieldReference.column(column),
          LiteralValue.apply(UTF8String.fromString(value), DataTypes.StringType)
        });
  }

  @Test
  void predicatesAreBudgetedInUtf8Bytes() {
    // 33,300 x '日' is 99,900 bytes but only 33,300 characters: over the limit with the rest
    Predicate over = eq("name", "日".repeat(33_300));
    RedshiftScanBuilder b = table(SMALL);
    assertArrayEquals(new Predicate[] {over}, b.pushPredicates(new Predicate[] {over}));
    assertEquals(0, b.pushedPredicates().length);
    assertEquals("SELECT \"id\", \"name\" FROM \"public\".\"t\"", ((RedshiftScan) b.build()).sql());

    Predicate fits = eq("name", "日".repeat(30_000));
    RedshiftScanBuilder ok = table(SMALL);
    ok.pushPredicates(new Predicate[] {fits});
    assertEquals(1, ok.pushedPredicates().length);
    RedshiftScan scan = (RedshiftScan) ok.build();
    assertTrue(SqlLimits.fitsDataApi(scan.sql()));
  }

  @Test
  void predicatesAreBudgetedAsUnloadQuotesThem() {
    // 30,000 quotes: '' each in the literal (60,000 bytes), doubled again inside UNLOAD (120,000).
    // Budgets count the UNLOAD's bytes on every path (a direct read may fall back to UNLOAD).
    Predicate quotes = eq("name", "'".repeat(30_000));
    RedshiftScanBuilder unload = table(SMALL, UNLOAD);
    unload.pushPredicates(new Predicate[] {quotes});
    assertEquals(0, unload.pushedPredicates().length, "not the UNLOAD");
    RedshiftScan scan = (RedshiftScan) unload.build();
    String sql = ((RedshiftUnloadBatch) scan.toBatch()).unloadSql(target());
    assertTrue(SqlLimits.fitsDataApi(sql), sql.length() + " bytes");
  }

  private static String target() {
    return "s3://bucket/tmp/redshift-data-20240101T000000Z-00000000-0000-0000-0000-000000000000/";
  }

  @Test
  void aWideTableIsReadWithSelectStarAndPrunedByName() {
    StructType wide = wide(null);
    RedshiftScan all = (RedshiftScan) table(wide, "readMode", "direct").build();
    assertEquals("SELECT * FROM \"public\".\"t\"", all.sql());
    assertEquals(wide, all.readSchema());

    RedshiftScanBuilder pruned = table(wide, "readMode", "direct");
    pruned.pruneColumns(new StructType().add(wide.fields()[700]).add(wide.fields()[3]));
    assertEquals(
        "SELECT \"" + name(700) + "\", \"" + name(3) + "\" FROM \"public\".\"t\"",
        ((RedshiftScan) pruned.build()).sql());

    RedshiftScanBuilder unload = table(wide, UNLOAD);
    unload.pruneColumns(new StructType(java.util.Arrays.copyOf(wide.fields(), 1500)));
    RedshiftScan scan = (RedshiftScan) unload.build();
    String sql = ((RedshiftUnloadBatch) scan.toBatch()).unloadSql(target());
    assertTrue(
        sql.startsWith(
            "UNLOAD ('SELECT * FROM (SELECT * FROM \"public\".\"t\") AS \"unload\"') TO '"),
        sql);
    // the Parquet columns are the table's: the reader asks for the read ones by name
    assertEquals(name(0), scan.unloadColumns().readFileSchema().fieldNames()[0]);
    assertEquals(1500, scan.unloadColumns().readFileSchema().size());
  }

  @Test
  void aWideQueryIsRefusedWithTheStatementSize() {
    StructType wide = wide(null);
    RedshiftScanBuilder b =
        builder(wide, new RedshiftTable.ReadSource(null, "select * from t"), "readMode", "direct");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertTrue(
        e.getMessage().startsWith("Cannot read query: its statement would be 107,"),
        e.getMessage());
    assertTrue(e.getMessage().contains("limit of 100,000 bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("Shorten 'query'"), e.getMessage());
  }

  @Test
  void aWideTableThatUnloadCannotStarIsReadDirectlyOrRefused() {
    StructType wide = wide("time");
    RedshiftScanBuilder unloadOnly = table(wide, UNLOAD);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, unloadOnly::build);
    assertTrue(e.getMessage().contains("set 'readMode' to 'direct'"), e.getMessage());

    String[] auto = UNLOAD.clone();
    auto[1] = "auto";
    RedshiftScan scan = (RedshiftScan) table(wide, auto).build();
    assertEquals("SELECT * FROM \"public\".\"t\"", scan.sql());
    assertEquals(ReadPathChooser.ReadPath.DIRECT, scan.choice().path());
    assertTrue(!scan.choice().fallBackToUnload(), "no UNLOAD fallback that could not be sent");
  }
}
