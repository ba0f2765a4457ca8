package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.TestRedshift;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.FinishedStatement;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;

/**
 * A CREATE TABLE carrying {@link TableProperties} runs on the local Redshift, and Redshift's
 * catalog views ({@code pg_table_def}, {@code svv_table_info}, {@code pg_description}) show the
 * distribution, sort key, encodings and comments asked for.
 */
@ExtendWith(LocalRedshiftExtension.class)
class TablePropertiesIT {

  private static final String SCHEMA = "props_" + System.nanoTime();

  private static final StructType SCHEMA_TYPE =
      new StructType()
          .add("id", DataTypes.LongType)
          .add("Na\"me", DataTypes.StringType)
          .add("Event Day", DataTypes.DateType)
          .add("amount", DataTypes.createDecimalType(10, 2));

  /** Redshift types of {@link #SCHEMA_TYPE}'s columns (the core's TypeMapping does this). */
  private static final List<String> TYPES =
      List.of("BIGINT", "VARCHAR(50)", "DATE", "DECIMAL(10,2)");

  private static Map<String, String> base;
  private static DataApi api;

  @BeforeAll
  static void connect() {
    LocalRedshift redshift = TestRedshift.shared();
    base = new HashMap<>(redshift.connectionInfo().sparkOptions());
    base.put("database", "dev");
    api = RedshiftOptions.parse(base, Map.of()).dataApi();
    api.execute(StatementRequest.sql("CREATE SCHEMA " + SCHEMA));
  }

  /** CREATE TABLE with the properties (as the core builds it), the comments, and one row. */
  private static TableName create(String name, String... options) {
    Map<String, String> o = new HashMap<>(base);
    for (int i = 0; i < options.length; i += 2) {
      o.put(options[i], options[i + 1]);
    }
    TableName t = TableName.of(SCHEMA, name);
    TableProperties p = TableProperties.of(RedshiftOptions.parse(o, Map.of()), SCHEMA_TYPE, t);
    StringBuilder sql = new StringBuilder("CREATE TABLE ").append(t.quoted()).append(" (");
    for (int i = 0; i < TYPES.size(); i++) {
      String column = SCHEMA_TYPE.fields()[i].name();
      sql.append(i == 0 ? "" : ", ")
          .append(Identifiers.quote(column))
          .append(' ')
          .append(TYPES.get(i))
          .append(p.columnSuffixes().get(column));
    }
    sql.append(')').append(p.tableSuffix());
    List<String> batch = new ArrayList<>();
    batch.add(sql.toString());
    batch.addAll(p.commentStatements());
    batch.add("INSERT INTO " + t.quoted() + " VALUES (1, 'x', DATE '2024-01-01', 1.50)");
    api.execute(StatementRequest.batch(batch));
    return t;
  }

  private static List<String> rows(String... sqls) {
    FinishedStatement done = api.execute(StatementRequest.batch(List.of(sqls)));
    List<String> ids = done.subStatementIds();
    List<String> out = new ArrayList<>();
    for (Iterator<GetStatementResultResponse> it = api.resultPages(ids.get(ids.size() - 1));
        it.hasNext(); ) {
      for (List<Field> record : it.next().records()) {
        out.add(record.stream().map(TablePropertiesIT::text).collect(Collectors.joining("|")));
      }
    }
    return out;
  }

  private static String text(Field f) {
    if (Boolean.TRUE.equals(f.isNull())) {
      return "null";
    }
    if (f.longValue() != null) {
      return f.longValue().toString();
    }
    if (f.booleanValue() != null) {
      return f.booleanValue().toString();
    }
    return f.stringValue().strip();
  }

  /** pg_table_def rows (column|encoding|distkey|sortkey) of a table, in column order. */
  private static List<String> tableDef(TableName t) {
    return rows(
        "SET search_path TO " + Identifiers.quote(SCHEMA),
        "SELECT \"column\", encoding, distkey, sortkey FROM pg_table_def WHERE tablename = "
            + Literals.string(t.table()));
  }

  /** svv_table_info's diststyle|sortkey1|sortkey_num|encoded of a table. */
  private static List<String> tableInfo(TableName t) {
    return rows(
        "SELECT diststyle, sortkey1, sortkey_num, encoded FROM svv_table_info WHERE schema = "
            + Literals.string(SCHEMA)
            + " AND \"table\" = "
            + Literals.string(t.table()));
  }

  /** pg_description of a table: objsubid (0 = the table, else the column's attnum)|text. */
  private static List<String> comments(TableName t) {
    return rows(
        "SELECT d.objsubid, d.description FROM pg_description d"
            + " JOIN pg_class c ON c.oid = d.objoid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = "
            + Literals.string(SCHEMA)
            + " AND c.relname = "
            + Literals.string(t.table())
            + " ORDER BY d.objsubid");
  }

  @Test
  void keyDistributionCompoundSortKeyEncodingsAndComments() {
    String tableComment = "It's a \"table\" \\ with C:\\path\\n, 'quotes' and \\' tricks";
    String columnComment = "the \"name\"\\ it's";
    TableName t =
        create(
            "fa\"cts t\\x",
            "distKey",
            "ID",
            "sortKey",
            "\"Event Day\", id",
            "columnEncodings",
            "id=az64, \"Na\"\"me\"=zstd, AMOUNT=Raw",
            "tableComment",
            tableComment,
            "columnComments",
            "{\"na\\\"me\": \"the \\\"name\\\"\\\\ it's\", \"Event Day\": \"day\"}");
    assertEquals(
        List.of(
            "id|az64|true|2",
            "na\"me|zstd|false|0",
            "event day|none|false|1",
            "amount|none|false|0"),
        tableDef(t));
    assertEquals(List.of("KEY(id)|event day|2|Y"), tableInfo(t));
    assertEquals(List.of("0|" + tableComment, "2|" + columnComment, "3|day"), comments(t));
  }

  @Test
  void interleavedSortKeyAndDistStyleAll() {
    TableName t =
        create(
            "interleaved",
            "distStyle",
            "all",
            "sortKey",
            "amount,id,\"Event Day\"",
            "sortKeyStyle",
            "interleaved");
    assertEquals(
        List.of(
            "id|none|false|-2",
            "na\"me|lzo|false|0",
            "event day|none|false|3",
            "amount|none|false|1"),
        tableDef(t));
    assertEquals(List.of("ALL|amount|3|Y, AUTO(ENCODE)"), tableInfo(t));
    assertEquals(List.of(), comments(t));
  }

  @Test
  void evenDistributionAndAutoSortKey() {
    TableName t = create("even", "distStyle", "EVEN", "sortKey", "auto");
    assertEquals(List.of("EVEN|AUTO(SORTKEY)|0|Y, AUTO(ENCODE)"), tableInfo(t));
  }

  @Test
  void noPropertiesKeepsRedshiftsDefaults() {
    TableName t = create("plain");
    assertEquals(List.of("AUTO(ALL)|AUTO(SORTKEY)|0|Y, AUTO(ENCODE)"), tableInfo(t));
  }
}
