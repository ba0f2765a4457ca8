package dev.redshiftdata.spark.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.sql.TableProperties;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** spark-redshift's column metadata (maxlength, redshift_type, encoding, description). */
class PeerMetadataTest {

  private static String ddl(DataType t, Metadata m) {
    return TypeMapping.redshiftDdlType(new StructField("c", t, true, m));
  }

  private static Metadata meta(String key, Object value) {
    MetadataBuilder b = new MetadataBuilder();
    if (value instanceof Long l) {
      b.putLong(key, l);
    } else {
      b.putString(key, (String) value);
    }
    return b.build();
  }

  @Test
  void maxLengthAndRedshiftTypeChooseTheColumnType() {
    assertEquals("VARCHAR(20)", ddl(DataTypes.StringType, meta("maxlength", 20L)));
    assertEquals("VARCHAR(12)", ddl(DataTypes.StringType, meta("redshift_type", "varchar(12)")));
    assertEquals(
        "DECIMAL(10, 2)", ddl(DataTypes.DoubleType, meta("redshift_type", " decimal(10, 2) ")));
    assertEquals(
        "DOUBLE PRECISION", ddl(DataTypes.FloatType, meta("redshift_type", "double  precision")));
    // The connector's own metadata (from a read) wins.
    Metadata both =
        new MetadataBuilder()
            .putString(TypeMapping.METADATA_TYPE, "varchar")
            .putLong(TypeMapping.METADATA_LENGTH, 30)
            .putLong("maxlength", 20)
            .putString("redshift_type", "CHAR(3)")
            .build();
    assertEquals("VARCHAR(30)", ddl(DataTypes.StringType, both));
  }

  @Test
  void aRedshiftTypeThatIsNotOneTypeIsRefusedNamingTheColumn() {
    for (String bad : List.of("int); drop table x; --", "varchar(12) not null", "", "int, x int")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> ddl(DataTypes.IntegerType, meta("redshift_type", bad)),
              bad);
      assertTrue(e.getMessage().contains("column 'c'"), e.getMessage());
      assertTrue(e.getMessage().contains("'redshift_type'"), e.getMessage());
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ddl(DataTypes.StringType, meta("maxlength", 70000L)));
    assertTrue(e.getMessage().contains("'maxlength' is 70000"), e.getMessage());
  }

  @Test
  void encodingAndDescriptionAddToTheCreatedTable() {
    StructType schema =
        new StructType()
            .add("id", DataTypes.LongType, true, meta("encoding", "az64"))
            .add("v", DataTypes.StringType, true, meta("description", "it's the value"))
            .add(
                "w",
                DataTypes.StringType,
                true,
                new MetadataBuilder()
                    .putString("encoding", "lzo")
                    .putString("description", "w")
                    .build());
    TableName t = TableName.of("s", "t");
    RedshiftOptions options =
        RedshiftOptions.parse(
            Map.of(
                "database", "dev",
                "clusterIdentifier", "c",
                "columnEncodings", "w=zstd",
                "columnComments", "{\"w\": \"from the option\"}"),
            Map.of());
    TableProperties p = TableProperties.of(options, schema, t);
    assertEquals(" ENCODE AZ64", p.columnSuffixes().get("id"));
    assertEquals("", p.columnSuffixes().get("v"));
    assertEquals(" ENCODE ZSTD", p.columnSuffixes().get("w"), "the option wins");
    assertEquals(
        List.of(
            "COMMENT ON COLUMN \"s\".\"t\".\"v\" IS 'it''s the value'",
            "COMMENT ON COLUMN \"s\".\"t\".\"w\" IS 'from the option'"),
        p.commentStatements());

    StructType bad =
        new StructType().add("v", DataTypes.StringType, true, meta("encoding", "az64"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TableProperties.of(
                    RedshiftOptions.parse(
                        Map.of("database", "dev", "clusterIdentifier", "c"), Map.of()),
                    bad,
                    t));
    assertTrue(
        e.getMessage().contains("field metadata 'encoding' gives column 'v'"), e.getMessage());
  }
}
