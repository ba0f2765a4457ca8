package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;

/** Redshift's CHAR(n)/VARCHAR(n) lengths count bytes; the declared types are still reported. */
class DataApiByteLengthIT extends DataApiTestSupport {

  private static void fails(String sql, String error) {
    DescribeStatementResponse d = await(submit(sql));
    assertEquals(StatusString.FAILED, d.status(), sql);
    assertEquals(error, d.error(), sql);
  }

  private static final String TOO_LONG_5 = "ERROR: value too long for type character varying(5)";

  @Test
  void varcharCountsBytes() {
    run("DROP TABLE IF EXISTS bl_v");
    run("CREATE TABLE bl_v (id INT, v VARCHAR(5), m VARCHAR(MAX), t TEXT)");
    fails("INSERT INTO bl_v (id, v) VALUES (1, 'ééé')", TOO_LONG_5);
    fails("INSERT INTO bl_v (id, v) VALUES (1, 'abcdé')", TOO_LONG_5);
    fails("INSERT INTO bl_v (id, v) VALUES (1, 'abcdef')", TOO_LONG_5);
    run("INSERT INTO bl_v (id, v) VALUES (1, 'éé')");
    run("INSERT INTO bl_v (id, v) VALUES (2, 'abcde')");
    fails("UPDATE bl_v SET v = 'ééé' WHERE id = 1", TOO_LONG_5);
    assertEquals("éé", query("SELECT v FROM bl_v WHERE id = 1").get(0).get(0).stringValue());
    // TEXT is VARCHAR(256): 129 two-byte characters are 258 bytes.
    fails(
        "INSERT INTO bl_v (id, t) VALUES (3, '" + "é".repeat(129) + "')",
        "ERROR: value too long for type character varying(256)");
    run("INSERT INTO bl_v (id, t) VALUES (3, '" + "é".repeat(128) + "')");
    run("INSERT INTO bl_v (id, m) VALUES (4, '" + "é".repeat(32767) + "')");
    fails(
        "INSERT INTO bl_v (id, m) VALUES (5, '" + "é".repeat(32768) + "')",
        "ERROR: value too long for type character varying(65535)");

    // DescribeTable and ColumnMetadata keep the declared types.
    List<ColumnMetadata> cols =
        client()
            .describeTable(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .schema("public")
                        .table("bl_v"))
            .columnList();
    assertEquals("varchar", cols.get(1).typeName());
    assertEquals(5, cols.get(1).length());
    assertEquals(65535, cols.get(2).length());
    assertEquals(256, cols.get(3).length());
    var meta =
        client()
            .getStatementResult(b -> b.id(run("SELECT v, m FROM bl_v WHERE id = 1").id()))
            .columnMetadata();
    assertEquals(5, meta.get(0).precision());
    assertEquals(65535, meta.get(1).precision());
  }

  @Test
  void alterTableAddAndWidenColumns() {
    run("DROP TABLE IF EXISTS bl_a");
    run("CREATE TABLE bl_a (id INT)");
    run("ALTER TABLE bl_a ADD COLUMN v VARCHAR(5)");
    fails("INSERT INTO bl_a VALUES (1, 'ééé')", TOO_LONG_5);
    run("ALTER TABLE bl_a ALTER COLUMN v TYPE VARCHAR(6)");
    run("INSERT INTO bl_a VALUES (1, 'ééé')");
    fails(
        "INSERT INTO bl_a VALUES (2, 'éééé')",
        "ERROR: value too long for type character varying(6)");

    run("DROP TABLE IF EXISTS bl_like");
    run("CREATE TABLE bl_like (LIKE bl_a)");
    fails(
        "INSERT INTO bl_like VALUES (2, 'éééé')",
        "ERROR: value too long for type character varying(6)");
  }

  @Test
  void charTakesSingleByteCharactersOnly() {
    run("DROP TABLE IF EXISTS bl_c");
    run("CREATE TABLE bl_c (c CHAR(3), d CHARACTER)");
    run("INSERT INTO bl_c VALUES ('ab', 'x')");
    fails(
        "INSERT INTO bl_c (c) VALUES ('aé')",
        "ERROR: Multibyte character not supported for CHAR (Hint: try using VARCHAR). Invalid char: c3 a9");
    fails("INSERT INTO bl_c (d) VALUES ('xy')", "ERROR: value too long for type character(1)");
    List<ColumnMetadata> cols =
        client()
            .describeTable(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .schema("public")
                        .table("bl_c"))
            .columnList();
    assertEquals("bpchar", cols.get(0).typeName());
    assertEquals(3, cols.get(0).length());
  }

  @Test
  void maximumLengths() {
    run("DROP TABLE IF EXISTS bl_max");
    fails(
        "CREATE TABLE bl_max (v VARCHAR(65536))",
        "ERROR: length for type varchar cannot exceed 65535");
    fails(
        "CREATE TABLE bl_max (c CHAR(4097))",
        "ERROR: length for type character cannot exceed 4096");
    run("CREATE TABLE bl_max (v VARCHAR(65535), c CHAR(4096), m CHAR(MAX))");
    List<ColumnMetadata> cols =
        client()
            .describeTable(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .schema("public")
                        .table("bl_max"))
            .columnList();
    assertEquals(4096, cols.get(2).length());
  }
}
