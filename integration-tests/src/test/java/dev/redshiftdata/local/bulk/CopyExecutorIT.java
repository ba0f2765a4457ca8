package dev.redshiftdata.local.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * COPY on the local Redshift: Parquet and CSV loads, Redshift's checks and its load error tables.
 */
@ExtendWith(LocalRedshiftExtension.class)
class CopyExecutorIT {

  private static LocalRedshift redshift;
  private static S3Objects s3;
  private static CopyExecutor copy;
  private static UnloadExecutor unload;
  private static String pgDb;

  @BeforeAll
  static void setUp() throws Exception {
    redshift = LocalRedshiftExtension.shared();
    s3 = new S3Objects(redshift.connectionInfo().s3aSettings());
    copy = new CopyExecutor(s3);
    unload = new UnloadExecutor(s3, new UnloadSettings());
    pgDb = redshift.config().defaultCluster().postgresDatabase("dev");
    exec(
        "DROP TABLE IF EXISTS copy_src",
        "CREATE TABLE copy_src (id int4 NOT NULL, s int2, b int8, d numeric(12,2), r float4, f float8, ok bool,"
            + " c char(5), v varchar(20), j super, dt date, ts timestamp, tz timestamptz)",
        "INSERT INTO copy_src VALUES (1, -7, 9223372036854775807, -1234567890.12, 1.5, 'NaN', true, 'ab',"
            + " 'héllo\ttab\\\\x', '{\"a\": [1, null]}', '0044-03-15 BC', '2024-03-10 02:30:00.123456',"
            + " '2024-03-10 07:30:00.5-05'),"
            + " (2, null, null, null, null, '-Infinity', null, null, '', null, null, null, null)");
  }

  @Test
  void parquetFromUnloadRoundTripsEveryValue() throws Exception {
    UnloadCommand u =
        UnloadParser.parse(
            "UNLOAD ('select * from copy_src') TO 's3://local-redshift/copy-it/roundtrip/' IAM_ROLE default"
                + " FORMAT PARQUET MANIFEST");
    try (Connection c = connect()) {
      unload.execute(c, u, u.selectSql());
    }
    exec("DROP TABLE IF EXISTS copy_dst", "CREATE TABLE copy_dst (LIKE copy_src)");
    CopyResult r =
        copyIn(
            "COPY copy_dst FROM 's3://local-redshift/copy-it/roundtrip/manifest' IAM_ROLE default FORMAT PARQUET MANIFEST");
    assertEquals(2, r.rowsLoaded());
    assertEquals(
        "0",
        single(
            "SELECT count(*) FROM ((TABLE copy_src EXCEPT TABLE copy_dst)"
                + " UNION ALL (TABLE copy_dst EXCEPT TABLE copy_src)) diff"));
  }

  @Test
  void csvFromUnloadRoundTripsEveryValue() throws Exception {
    exec(
        "DROP TABLE IF EXISTS copy_csv_src",
        "CREATE TABLE copy_csv_src (LIKE copy_src)",
        "ALTER TABLE copy_csv_src ADD COLUMN bin varbyte",
        "INSERT INTO copy_csv_src SELECT *, decode('00ff10', 'hex') FROM copy_src",
        "INSERT INTO copy_csv_src (id, v) VALUES (3, 'line\nbreak, \"quoted\"')");
    UnloadCommand u =
        UnloadParser.parse(
            "UNLOAD ('select * from copy_csv_src') TO 's3://local-redshift/copy-it/csv-roundtrip/' IAM_ROLE default"
                + " FORMAT CSV NULL AS 'NULL_MARK' MANIFEST ALLOWOVERWRITE");
    try (Connection c = connect()) {
      unload.execute(c, u, u.selectSql());
    }
    exec("DROP TABLE IF EXISTS copy_csv_dst", "CREATE TABLE copy_csv_dst (LIKE copy_csv_src)");
    CopyResult r =
        copyIn(
            "COPY copy_csv_dst FROM 's3://local-redshift/copy-it/csv-roundtrip/manifest' IAM_ROLE default"
                + " CSV NULL AS 'NULL_MARK' DATEFORMAT 'auto' TIMEFORMAT 'auto' MANIFEST");
    assertEquals(3, r.rowsLoaded());
    assertEquals(
        List.of(),
        column(
            "SELECT diff::text FROM ((SELECT * FROM copy_csv_src EXCEPT SELECT * FROM copy_csv_dst)"
                + " UNION ALL (SELECT * FROM copy_csv_dst EXCEPT SELECT * FROM copy_csv_src)) diff"));
    assertEquals("00ff10", single("SELECT encode(bin, 'hex') FROM copy_csv_dst WHERE id = 1"));
  }

  @Test
  void parquetWrittenBySparkLoadsByPosition() throws Exception {
    SharedSpark.session()
        .sql(
            "SELECT id, CAST(id * 1.25 AS DECIMAL(10,2)) AS amount, concat('n', id) AS name,"
                + " CAST('2024-01-02 03:04:05.678901' AS TIMESTAMP) + make_interval(0,0,0,0,0,0,id) AS at"
                + " FROM range(1, 1001)")
        .write()
        .mode(SaveMode.Overwrite)
        .parquet("s3a://local-redshift/copy-it/spark/");
    exec(
        "DROP TABLE IF EXISTS copy_spark",
        "CREATE TABLE copy_spark (key bigint, amt numeric(10,2), label varchar(10), happened timestamp)");
    // Without a manifest COPY takes every object under the prefix: Spark's _SUCCESS marker is not
    // Parquet,
    // so point at the part files' common prefix.
    CopyResult r =
        copyIn(
            "COPY copy_spark FROM 's3://local-redshift/copy-it/spark/part-' IAM_ROLE default PARQUET");
    assertEquals(1000, r.rowsLoaded());
    assertEquals("500500|625625.00", single("SELECT sum(key) || '|' || sum(amt) FROM copy_spark"));
    assertEquals("n1000", single("SELECT label FROM copy_spark WHERE key = 1000"));
    assertEquals(
        "2024-01-02 03:04:06.678901",
        single("SELECT happened::text FROM copy_spark WHERE key = 1"));
  }

  @Test
  void parquetColumnCountMismatchFailsAndLeavesTheTableAndAnErrorRow() throws Exception {
    UnloadCommand u =
        UnloadParser.parse(
            "UNLOAD ('select id, v from copy_src') TO 's3://local-redshift/copy-it/narrow/' IAM_ROLE default"
                + " FORMAT PARQUET");
    try (Connection c = connect()) {
      unload.execute(c, u, u.selectSql());
    }
    exec(
        "DROP TABLE IF EXISTS copy_wide",
        "CREATE TABLE copy_wide (a int, b varchar(5), c int)",
        "INSERT INTO copy_wide VALUES (42, 'keep', 0)");
    RedshiftSqlError e =
        assertThrows(
            RedshiftSqlError.class,
            () ->
                copyIn(
                    "COPY copy_wide FROM 's3://local-redshift/copy-it/narrow/' IAM_ROLE default FORMAT PARQUET"));
    assertTrue(
        e.getMessage()
            .contains(
                "Unmatched number of columns between table and file. Table columns: 3,"
                    + " Data columns: 2"),
        e.getMessage());
    assertEquals("42", single("SELECT string_agg(a::text, ',') FROM copy_wide"));
    assertEquals(
        "1214",
        single(
            "SELECT err_code FROM stl_load_errors WHERE trim(filename) LIKE"
                + " '%copy-it/narrow/0000_part_00.parquet' ORDER BY starttime DESC LIMIT 1"));
  }

  @Test
  void csvSkipsBadRowsUpToMaxErrorAndRecordsThem() throws Exception {
    put(
        "copy-it/csv/data.csv",
        "id,amount,name,day\n"
            + "1,10.259,\"Smith, J\",2024-01-02\n"
            + "x2,1.00,bad digit,2024-01-02\n"
            + "3,,\"multi\nline \"\"quoted\"\"\",\n"
            + "4,2.50,ééé,2024-13-45x\n"
            + "5,3.75,,2024-02-29\n");
    exec(
        "DROP TABLE IF EXISTS copy_csv",
        "CREATE TABLE copy_csv (id int, amount numeric(8,2), name varchar(20), day date)");
    CopyResult r =
        copyIn(
            "COPY copy_csv FROM 's3://local-redshift/copy-it/csv/' IAM_ROLE default CSV"
                + " IGNOREHEADER 1 MAXERROR 5");
    assertEquals(3, r.rowsLoaded());
    assertEquals(2, r.rowsSkipped());
    assertEquals(
        "1|10.25|Smith, J|2024-01-02",
        single("SELECT concat_ws('|', id, amount, name, day) FROM copy_csv WHERE id = 1"));
    assertEquals(
        "multi\nline \"quoted\"|null",
        single("SELECT name || '|' || coalesce(day::text, 'null') FROM copy_csv WHERE id = 3"));
    assertEquals("", single("SELECT name FROM copy_csv WHERE id = 5"));
    List<String> errors =
        column(
            "SELECT line_number || ':' || err_code || ':' || trim(colname) FROM stl_load_errors"
                + " WHERE trim(filename) LIKE '%copy-it/csv/data.csv' ORDER BY line_number");
    assertEquals(List.of("3:1207:id", "6:1205:day"), errors);
    assertEquals(
        "Invalid digit, Value 'x', Pos 0, Type: Integer",
        single(
            "SELECT error_message FROM sys_load_error_detail WHERE file_name LIKE '%copy-it/csv/data.csv' AND line_number = 3"));
  }

  @Test
  void jsonAutoIgnoreCaseAndJsonPathsLoadObjects() throws Exception {
    put(
        "copy-it/json/data.json",
        "{\"ID\": 1, \"name\": \"a\", \"ok\": true, \"doc\": {\"k\": [1, 2]}}\n"
            + "{\"id\": 2, \"name\": null}\n  {\"id\": \"x\", \"name\": \"bad\"}");
    exec(
        "DROP TABLE IF EXISTS copy_json",
        "CREATE TABLE copy_json (id int, name varchar(5), ok bool, doc super)");
    CopyResult r =
        copyIn(
            "COPY copy_json FROM 's3://local-redshift/copy-it/json/' IAM_ROLE default"
                + " FORMAT JSON 'auto ignorecase' MAXERROR 2");
    assertEquals(2, r.rowsLoaded());
    assertEquals(1, r.rowsSkipped());
    assertEquals(
        "1|a|t|{\"k\": [1, 2]}",
        single("SELECT concat_ws('|', id, name, ok, doc) FROM copy_json WHERE id = 1"));
    assertEquals("null", single("SELECT coalesce(name, 'null') FROM copy_json WHERE id = 2"));
    assertEquals(
        "3:1207:id",
        single(
            "SELECT line_number || ':' || err_code || ':' || trim(colname) FROM stl_load_errors"
                + " WHERE trim(filename) LIKE '%copy-it/json/data.json'"));

    put("copy-it/jsonpaths/paths.json", "{\"jsonpaths\": [\"$.doc.k[1]\", \"$['name']\"]}");
    put("copy-it/jsonpaths/data/d.json", "{\"name\": \"p\", \"doc\": {\"k\": [10, 20]}}");
    exec(
        "DROP TABLE IF EXISTS copy_jsonpaths",
        "CREATE TABLE copy_jsonpaths (n int, name varchar(5))");
    copyIn(
        "COPY copy_jsonpaths FROM 's3://local-redshift/copy-it/jsonpaths/data/' IAM_ROLE default"
            + " JSON 's3://local-redshift/copy-it/jsonpaths/paths.json'");
    assertEquals("20|p", single("SELECT n || '|' || name FROM copy_jsonpaths"));
  }

  @Test
  void lengthsAreCountedInBytesAsRedshiftDoes() throws Exception {
    put("copy-it/bytes/data.txt", "1|ééé\n");
    exec("DROP TABLE IF EXISTS copy_bytes", "CREATE TABLE copy_bytes (id int, v varchar(5))");
    RedshiftSqlError e =
        assertThrows(
            RedshiftSqlError.class,
            () ->
                copyIn(
                    "COPY copy_bytes FROM 's3://local-redshift/copy-it/bytes/' IAM_ROLE default"));
    assertEquals(
        "Load into table 'copy_bytes' failed. Check 'stl_load_errors' system table for details.",
        e.getMessage());
    assertEquals(
        "1204",
        single(
            "SELECT err_code FROM stl_load_errors WHERE trim(filename) LIKE '%copy-it/bytes/data.txt'"));
    CopyResult r =
        copyIn(
            "COPY copy_bytes FROM 's3://local-redshift/copy-it/bytes/' IAM_ROLE default TRUNCATECOLUMNS");
    assertEquals(1, r.rowsLoaded());
    assertEquals("éé", single("SELECT v FROM copy_bytes"));

    // CHAR takes single-byte characters only; the load error names the column and line.
    put("copy-it/char/data.txt", "1|ab\n2|aé\n");
    exec("DROP TABLE IF EXISTS copy_char", "CREATE TABLE copy_char (id int, c char(5))");
    assertThrows(
        RedshiftSqlError.class,
        () ->
            copyIn(
                "COPY copy_char FROM 's3://local-redshift/copy-it/char/' IAM_ROLE default"
                    + " TRUNCATECOLUMNS"));
    assertEquals(
        "2:1220:c:Multibyte character not supported for CHAR (Hint: try using VARCHAR). Invalid"
            + " char: c3 a9",
        single(
            "SELECT line_number || ':' || err_code || ':' || trim(colname) || ':' ||"
                + " trim(err_reason) FROM stl_load_errors WHERE trim(filename) LIKE"
                + " '%copy-it/char/data.txt'"));
  }

  @Test
  void manifestWithAMissingMandatoryFileFails() throws Exception {
    put(
        "copy-it/manifest/m.json",
        "{\"entries\":[{\"url\":\"s3://local-redshift/copy-it/manifest/nope.csv\","
            + "\"mandatory\":true}]}");
    exec("DROP TABLE IF EXISTS copy_m", "CREATE TABLE copy_m (id int)");
    RedshiftSqlError e =
        assertThrows(
            RedshiftSqlError.class,
            () ->
                copyIn(
                    "COPY copy_m FROM 's3://local-redshift/copy-it/manifest/m.json' IAM_ROLE default CSV MANIFEST"));
    assertTrue(e.getMessage().contains("mandatory"), e.getMessage());
    RedshiftSqlError none =
        assertThrows(
            RedshiftSqlError.class,
            () ->
                copyIn(
                    "COPY copy_m FROM 's3://local-redshift/copy-it/absent/' IAM_ROLE default CSV"));
    assertEquals("The specified S3 prefix 'copy-it/absent/' does not exist", none.getMessage());
  }

  private static CopyResult copyIn(String sql) throws Exception {
    CopyCommand command = CopyParser.parse(sql);
    LoadContext context =
        new LoadContext(
            "awsuser", 100, "dev", 1, 1, false, LoadErrorTable.sink(redshift.postgres(), pgDb));
    try (Connection c = connect()) {
      CopyResult r = copy.execute(c, command, context);
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT pg_last_copy_count()")) {
        rs.next();
        assertEquals(r.rowsLoaded(), rs.getLong(1));
      }
      return r;
    }
  }

  private static void put(String key, String content) throws Exception {
    try (FileSystem fs = s3.fileSystem("local-redshift")) {
      S3Objects.writeString(fs, S3Objects.path("s3://local-redshift/" + key), content);
    }
  }

  private static Connection connect() throws Exception {
    return redshift.postgres().connect(pgDb, "awsuser");
  }

  private static void exec(String... sqls) throws Exception {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      for (String sql : sqls) {
        st.execute(sql);
      }
    }
  }

  private static String single(String sql) throws Exception {
    List<String> values = column(sql);
    return values.isEmpty() ? null : values.get(0);
  }

  private static List<String> column(String sql) throws Exception {
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
