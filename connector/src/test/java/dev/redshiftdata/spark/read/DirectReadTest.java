package dev.redshiftdata.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.sql.TableName;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;

class DirectReadTest {

  private static final String SECRET_ARN =
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:redshift-admin-AbCdEf";

  private static final StructType TABLE_SCHEMA =
      new StructType()
          .add("id", DataTypes.IntegerType)
          .add("Name", DataTypes.StringType)
          .add("amount", DataTypes.createDecimalType(12, 2));

  private static RedshiftOptions options(String... more) {
    Map<String, String> m = new HashMap<>();
    m.put("database", "dev");
    m.put("clusterIdentifier", "my-cluster");
    m.put("secretArn", SECRET_ARN);
    m.put("region", "eu-west-1");
    m.put("endpoint", "http://127.0.0.1:1");
    for (int i = 0; i < more.length; i += 2) {
      m.put(more[i], more[i + 1]);
    }
    return RedshiftOptions.parse(m, Map.of());
  }

  private static RedshiftTable.ReadSource table() {
    return new RedshiftTable.ReadSource(TableName.of("public", "t"), null);
  }

  @Test
  void findIsExactFirstThenUniquelyCaseInsensitive() {
    assertEquals("Name", RedshiftTable.find(TABLE_SCHEMA, "Name").name());
    assertEquals("Name", RedshiftTable.find(TABLE_SCHEMA, "name").name());
    assertNull(RedshiftTable.find(TABLE_SCHEMA, "nope"));
    StructType twice = new StructType().add("a", "int").add("A", "int");
    assertEquals("A", RedshiftTable.find(twice, "A").name());
    assertNull(RedshiftTable.find(twice, "á"));
    assertNull(
        RedshiftTable.find(new StructType().add("Ab", "int").add("aB", "int"), "ab"), "ambiguous");
  }

  @Test
  void aUserSchemaSubsetWithTheSameTypesIsAccepted() {
    RedshiftTable.checkUserSchema(
        new StructType().add("amount", DataTypes.createDecimalType(12, 2)).add("name", "string"),
        TABLE_SCHEMA,
        table());
  }

  @Test
  void aUserSchemaMismatchNamesTheColumn() {
    IllegalArgumentException wrongType =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RedshiftTable.checkUserSchema(
                    new StructType().add("id", "int").add("amount", "double"),
                    TABLE_SCHEMA,
                    table()));
    assertTrue(wrongType.getMessage().contains("'amount'"), wrongType.getMessage());
    assertTrue(wrongType.getMessage().contains("decimal(12,2)"), wrongType.getMessage());
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RedshiftTable.checkUserSchema(
                    new StructType().add("other", "int"), TABLE_SCHEMA, table()));
    assertTrue(missing.getMessage().contains("'other'"), missing.getMessage());
    assertTrue(missing.getMessage().contains("\"public\".\"t\""), missing.getMessage());
  }

  private static Predicate gt(String column, int value) {
    return new Predicate(
        ">",
        new Expression[] {
          FieldReference.column(column), LiteralValue.apply(value, DataTypes.IntegerType)
        });
  }

  @Test
  void theScanSelectsPrunedColumnsByTheirRedshiftNamesAndPushesPredicates() {
    RedshiftScanBuilder b = new RedshiftScanBuilder(options(), table(), TABLE_SCHEMA, TABLE_SCHEMA);
    b.pruneColumns(new StructType().add("name", "string"));
    Predicate[] all = {gt("id", 5)};
    assertEquals(0, b.pushPredicates(all).length, "an integer comparison is exact: Spark drops it");
    assertEquals(1, b.pushedPredicates().length);
    RedshiftScan scan = (RedshiftScan) b.build();
    assertEquals("SELECT \"Name\" FROM \"public\".\"t\" WHERE (\"id\" > 5)", scan.sql());
    assertEquals(new StructType().add("name", "string"), scan.readSchema());
    assertTrue(scan.description().contains("path=direct"), scan.description());
    assertTrue(scan.description().contains("\"id\" > 5"), scan.description());
    assertFalse(scan.description().contains(SECRET_ARN), scan.description());
    assertSame(scan.toBatch(), scan.toBatch(), "one batch, so the statement runs once");
  }

  @Test
  void predicatesStayInSparkWhenPushdownIsOff() {
    RedshiftScanBuilder b =
        new RedshiftScanBuilder(
            options("pushDownPredicates", "false"), table(), TABLE_SCHEMA, TABLE_SCHEMA);
    b.pushPredicates(new Predicate[] {gt("id", 5)});
    assertEquals(0, b.pushedPredicates().length);
    b.pruneColumns(new StructType());
    assertEquals("SELECT 1 AS \"_\" FROM \"public\".\"t\"", ((RedshiftScan) b.build()).sql());
  }

  @Test
  void readModeUnloadBuildsAnUnloadScanWithoutRunningAnything() {
    RedshiftScan scan =
        (RedshiftScan)
            new RedshiftScanBuilder(
                    options(
                        "readMode",
                        "unload",
                        "tempdir",
                        "s3a://b/p/",
                        "iamRole",
                        "arn:aws:iam::123456789012:role/r"),
                    table(),
                    TABLE_SCHEMA,
                    TABLE_SCHEMA)
                .build();
    assertEquals(ReadPathChooser.ReadPath.UNLOAD, scan.choice().path());
    assertTrue(scan.description().contains("path=unload (readMode=unload)"), scan.description());
    RedshiftScan direct =
        (RedshiftScan)
            new RedshiftScanBuilder(
                    options("readMode", "direct"), table(), TABLE_SCHEMA, TABLE_SCHEMA)
                .build();
    assertEquals(ReadPathChooser.ReadPath.DIRECT, direct.choice().path());
    assertFalse(direct.choice().fallBackToUnload());
  }

  @Test
  void thePartitionSerializesWithoutTheSecretArn() throws Exception {
    RedshiftOptions options = options("profile", "analytics");
    DirectInputPartition p =
        new DirectInputPartition(
            "stmt-1",
            dev.redshiftdata.spark.dataapi.StatementRequest.Format.CSV,
            options.connection().forExecutors());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p);
    }
    assertFalse(
        new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1).contains("secretsmanager"));
    DirectInputPartition back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (DirectInputPartition) in.readObject();
    }
    assertEquals(p, back);
    assertEquals(options.connection().clientSettings(), back.connection().clientSettings());
    assertEquals("dev", back.connection().dataApi().target().database());
  }

  private static ColumnMetadata column(String name, String type) {
    return ColumnMetadata.builder().name(name).typeName(type).nullable(1).build();
  }

  @Test
  void theReaderDecodesEveryPageWithTheFirstPagesMetadata() {
    List<ColumnMetadata> meta = List.of(column("id", "int4"), column("Name", "varchar"));
    List<GetStatementResultResponse> pages = new ArrayList<>();
    pages.add(
        GetStatementResultResponse.builder()
            .columnMetadata(meta)
            .records(
                List.of(Field.fromLongValue(1L), Field.fromStringValue("a")),
                List.of(Field.fromLongValue(2L), Field.fromIsNull(true)))
            .build());
    pages.add(GetStatementResultResponse.builder().records(List.of()).build());
    pages.add(
        GetStatementResultResponse.builder()
            .records(List.of(List.of(Field.fromLongValue(3L), Field.fromStringValue("ü"))))
            .build());
    DirectPartitionReader reader =
        new DirectPartitionReader(
            pages.iterator(),
            new StructType().add("name", "string").add("id", "int"),
            ZoneOffset.UTC,
            new CallStats());
    List<String> seen = new ArrayList<>();
    while (reader.next()) {
      InternalRow r = reader.get();
      seen.add(r.getInt(1) + "=" + (r.isNullAt(0) ? "null" : r.getUTF8String(0).toString()));
    }
    reader.close();
    assertEquals(List.of("1=a", "2=null", "3=ü"), seen);
    assertFalse(reader.next());
    Map<String, Long> metrics = new HashMap<>();
    for (var m : reader.currentMetricsValues()) {
      metrics.put(m.name(), m.value());
    }
    assertEquals(
        Map.of(ReadMetrics.ROWS_READ, 3L, ReadMetrics.PAGES_READ, 3L, "throttledRetries", 0L),
        metrics);
  }

  @Test
  void aReaderClosedEarlyFetchesNoFurtherPageAndHoldsNoRow() {
    List<ColumnMetadata> meta = List.of(column("id", "int4"));
    int[] fetched = {0};
    Iterator<GetStatementResultResponse> pages =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return fetched[0] < 3;
          }

          @Override
          public GetStatementResultResponse next() {
            fetched[0]++;
            return GetStatementResultResponse.builder()
                .columnMetadata(meta)
                .records(
                    List.of(Field.fromLongValue(fetched[0] * 10L)),
                    List.of(Field.fromLongValue(fetched[0] * 10L + 1)))
                .build();
          }
        };
    DirectPartitionReader reader =
        new DirectPartitionReader(
            pages, new StructType().add("id", "int"), ZoneOffset.UTC, new CallStats());
    assertTrue(reader.next());
    assertEquals(10, reader.get().getInt(0));
    reader.close();
    assertNull(reader.get());
    assertFalse(reader.next());
    assertFalse(reader.next());
    assertEquals(1, fetched[0], "pages fetched after close");
  }
}
