package dev.redshiftdata.spark.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.redshiftdata.spark.compat.SparkLine;
import dev.redshiftdata.spark.compat.SparkTypes;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.VarcharType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;

class TypeMappingTest {

  private static final MappingOptions DEFAULTS = MappingOptions.DEFAULTS;

  /** Every switch this Spark line has turned on. */
  private static final MappingOptions ALL_ON =
      new MappingOptions(SparkLine.HAS_VARIANT, SparkLine.HAS_TIME);

  private static RedshiftType t(String type) {
    return new RedshiftType("c", type, 0, 0, 0, 1);
  }

  private static DataType spark(String type) {
    return TypeMapping.sparkType(t(type), DEFAULTS);
  }

  @Test
  void scalarTypes() {
    assertEquals(DataTypes.ShortType, spark("int2"));
    assertEquals(DataTypes.IntegerType, spark("int4"));
    assertEquals(DataTypes.LongType, spark("int8"));
    assertEquals(DataTypes.LongType, spark("oid"));
    assertEquals(DataTypes.FloatType, spark("float4"));
    assertEquals(DataTypes.DoubleType, spark("float8"));
    assertEquals(DataTypes.BooleanType, spark("bool"));
    assertEquals(DataTypes.DateType, spark("date"));
    assertEquals(DataTypes.TimestampNTZType, spark("timestamp"));
    assertEquals(DataTypes.TimestampType, spark("timestamptz"));
    assertEquals(DataTypes.BinaryType, spark("varbyte"));
    assertEquals(DataTypes.BinaryType, spark("geometry"));
    assertEquals(DataTypes.BinaryType, spark("geography"));
    assertEquals(DataTypes.StringType, spark("hllsketch"));
  }

  @ParameterizedTest
  @CsvSource({"varchar", "bpchar", "char", "name", "text", "character varying", "character"})
  void characterTypesAreStrings(String type) {
    assertEquals(DataTypes.StringType, spark(type));
  }

  @ParameterizedTest
  @CsvSource({
    "smallint,int2",
    "INTEGER,int4",
    "bigint,int8",
    "real,float4",
    "double precision,float8",
    "boolean,bool",
    "decimal,numeric",
    "timestamp with time zone,timestamptz",
    "time with time zone,timetz",
    "text,varchar",
    "character,bpchar"
  })
  void sqlSpellingsNormalize(String spelled, String internal) {
    assertEquals(internal, t(spelled).typeName());
  }

  @Test
  void timeTypesAreStringsByDefaultAndTimeTypeWhenEnabled() {
    assertEquals(DataTypes.StringType, spark("time"));
    assertEquals(DataTypes.StringType, spark("timetz"));
    assumeTrue(SparkLine.HAS_TIME, "Spark " + SparkLine.VERSION + " has no TIME type");
    assertEquals(SparkTypes.timeType(), TypeMapping.sparkType(t("time"), ALL_ON));
    assertEquals(SparkTypes.timeType(), TypeMapping.sparkType(t("timetz"), ALL_ON));
  }

  @Test
  void superIsStringByDefaultAndVariantOnOption() {
    assertEquals(DataTypes.StringType, spark("super"));
    assumeTrue(SparkLine.HAS_VARIANT, "Spark " + SparkLine.VERSION + " has no VARIANT type");
    assertEquals(SparkTypes.variantType(), TypeMapping.sparkType(t("super"), ALL_ON));
  }

  @Test
  void decimals() {
    assertEquals(
        DataTypes.createDecimalType(12, 2),
        TypeMapping.sparkType(new RedshiftType("c", "numeric", 12, 2, 0, 1), DEFAULTS));
    assertEquals(
        DataTypes.createDecimalType(38, 0),
        TypeMapping.sparkType(new RedshiftType("c", "numeric", 38, 0, 0, 1), DEFAULTS));
    assertEquals(
        DataTypes.createDecimalType(38, 37),
        TypeMapping.sparkType(new RedshiftType("c", "numeric", 38, 37, 0, 1), DEFAULTS));
    assertEquals(
        DataTypes.createDecimalType(1, 0),
        TypeMapping.sparkType(new RedshiftType("c", "numeric", 1, 0, 0, 1), DEFAULTS));
    // Unconstrained, as the local Redshift reports it (38/18), and unusable precisions.
    assertEquals(
        DataTypes.createDecimalType(38, 18),
        TypeMapping.sparkType(new RedshiftType("c", "numeric", 38, 18, 0, 1), DEFAULTS));
    assertEquals(
        DataTypes.createDecimalType(38, 18),
        TypeMapping.sparkType(new RedshiftType("c", "numeric", 0, 0, 0, 1), DEFAULTS));
    assertEquals(
        DataTypes.createDecimalType(38, 18),
        TypeMapping.sparkType(new RedshiftType("c", "numeric", 1000, 0, 0, 1), DEFAULTS));
  }

  @Test
  void unknownTypeNamesColumnAndType() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TypeMapping.sparkType(new RedshiftType("x", "interval", 49, 6, 0, 1), DEFAULTS));
    assertEquals(
        "Cannot map column 'x': Redshift type 'interval' is not supported", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TypeMapping.schema(
                    List.of(t("int4"), new RedshiftType("odd col", "character_data", 0, 0, 0, 1)),
                    DEFAULTS));
    assertEquals(
        "Cannot map column 'odd col': Redshift type 'character_data' is not supported",
        e.getMessage());
  }

  @Test
  void resultMetadataAndDescribeTableGiveTheSameSchema() {
    // GetStatementResult: length 0, precision = declared length.
    ColumnMetadata result =
        ColumnMetadata.builder()
            .name("eventname")
            .typeName("varchar")
            .precision(200)
            .scale(0)
            .length(0)
            .nullable(1)
            .build();
    // DescribeTable: length populated.
    ColumnMetadata described =
        ColumnMetadata.builder()
            .name("eventname")
            .typeName("varchar")
            .precision(200)
            .scale(0)
            .length(200)
            .nullable(1)
            .build();
    assertEquals(RedshiftType.of(result), RedshiftType.of(described));
    assertEquals(200, RedshiftType.of(result).length());
    assertEquals(
        TypeMapping.schemaOfMetadata(List.of(result), DEFAULTS),
        TypeMapping.schemaOfMetadata(List.of(described), DEFAULTS));
  }

  @Test
  void aCaseInsensitiveCharacterColumnIsMarked() {
    ColumnMetadata.Builder b =
        ColumnMetadata.builder().name("s").typeName("varchar").precision(10).length(10);
    StructField ci =
        TypeMapping.schemaOfMetadata(List.of(b.isCaseSensitive(false).build()), DEFAULTS)
            .fields()[0];
    assertTrue(ci.metadata().getBoolean(TypeMapping.METADATA_CASE_INSENSITIVE));
    for (Boolean sensitive : new Boolean[] {true, null}) {
      StructField f =
          TypeMapping.schemaOfMetadata(List.of(b.isCaseSensitive(sensitive).build()), DEFAULTS)
              .fields()[0];
      assertFalse(f.metadata().contains(TypeMapping.METADATA_CASE_INSENSITIVE), "" + sensitive);
    }
    // numbers are "not case-sensitive" in JDBC's sense: nothing to mark
    StructField n =
        TypeMapping.schemaOfMetadata(
                List.of(
                    ColumnMetadata.builder()
                        .name("n")
                        .typeName("int4")
                        .precision(10)
                        .isCaseSensitive(false)
                        .build()),
                DEFAULTS)
            .fields()[0];
    assertFalse(n.metadata().contains(TypeMapping.METADATA_CASE_INSENSITIVE));
  }

  @Test
  void metadataKeysOnFields() {
    StructField f = TypeMapping.field(new RedshiftType("code", "bpchar", 320, 0, 320, 0), DEFAULTS);
    assertEquals("code", f.name());
    assertEquals(DataTypes.StringType, f.dataType());
    assertFalse(f.nullable());
    assertEquals("bpchar", f.metadata().getString(TypeMapping.METADATA_TYPE));
    assertEquals(320L, f.metadata().getLong(TypeMapping.METADATA_LENGTH));
    assertEquals("redshift.type", TypeMapping.METADATA_TYPE);
    assertEquals("redshift.length", TypeMapping.METADATA_LENGTH);

    StructField n = TypeMapping.field(new RedshiftType("amt", "numeric", 12, 2, 0, 1), DEFAULTS);
    assertEquals(12L, n.metadata().getLong(TypeMapping.METADATA_PRECISION));
    assertEquals(2L, n.metadata().getLong(TypeMapping.METADATA_SCALE));
    assertFalse(n.metadata().contains(TypeMapping.METADATA_LENGTH));

    StructField tz = TypeMapping.field(t("timetz"), DEFAULTS);
    assertEquals("timetz", tz.metadata().getString(TypeMapping.METADATA_TYPE));
  }

  @Test
  void nullability() {
    ColumnMetadata.Builder b = ColumnMetadata.builder().name("c").typeName("int4").precision(10);
    assertFalse(TypeMapping.field(RedshiftType.of(b.nullable(0).build()), DEFAULTS).nullable());
    assertTrue(TypeMapping.field(RedshiftType.of(b.nullable(1).build()), DEFAULTS).nullable());
    assertTrue(TypeMapping.field(RedshiftType.of(b.nullable(2).build()), DEFAULTS).nullable());
    assertTrue(
        TypeMapping.field(RedshiftType.of(b.nullable((Integer) null).build()), DEFAULTS)
            .nullable());
  }

  @Test
  void schemaKeepsOrderAndNames() {
    StructType s =
        TypeMapping.schema(
            List.of(
                new RedshiftType("eventid", "int4", 10, 0, 0, 0),
                new RedshiftType("eventname", "varchar", 200, 0, 200, 1),
                new RedshiftType("starttime", "timestamp", 29, 6, 0, 1)),
            DEFAULTS);
    assertEquals(List.of("eventid", "eventname", "starttime"), List.of(s.fieldNames()));
    assertEquals(DataTypes.TimestampNTZType, s.fields()[2].dataType());
  }

  // ---------------------------------------------------------------- Spark -> Redshift

  private static String ddl(DataType t) {
    return TypeMapping.redshiftDdlType(new StructField("c", t, true, Metadata.empty()));
  }

  private static String ddl(DataType t, Metadata m) {
    return TypeMapping.redshiftDdlType(new StructField("c", t, true, m));
  }

  @Test
  void sparkToRedshift() {
    assertEquals("SMALLINT", ddl(DataTypes.ByteType));
    assertEquals("SMALLINT", ddl(DataTypes.ShortType));
    assertEquals("INTEGER", ddl(DataTypes.IntegerType));
    assertEquals("BIGINT", ddl(DataTypes.LongType));
    assertEquals("DECIMAL(12,2)", ddl(DataTypes.createDecimalType(12, 2)));
    assertEquals("DECIMAL(38,38)", ddl(DataTypes.createDecimalType(38, 38)));
    assertEquals("REAL", ddl(DataTypes.FloatType));
    assertEquals("DOUBLE PRECISION", ddl(DataTypes.DoubleType));
    assertEquals("BOOLEAN", ddl(DataTypes.BooleanType));
    assertEquals("VARCHAR(65535)", ddl(DataTypes.StringType));
    assertEquals("DATE", ddl(DataTypes.DateType));
    assertEquals("TIMESTAMP", ddl(DataTypes.TimestampNTZType));
    assertEquals("TIMESTAMPTZ", ddl(DataTypes.TimestampType));
    assertEquals("VARBYTE", ddl(DataTypes.BinaryType));
    if (SparkLine.HAS_VARIANT) {
      assertEquals("SUPER", ddl(SparkTypes.variantType()));
    }
    if (SparkLine.HAS_TIME) {
      assertEquals("TIME", ddl(SparkTypes.timeType()));
    }
  }

  @Test
  void sparkVarcharCountsCharactersSoRedshiftGetsFourBytesEach() {
    assertEquals("VARCHAR(12)", ddl(VarcharType.apply(3)));
    assertEquals("VARCHAR(80)", ddl(VarcharType.apply(20)));
    assertEquals("VARCHAR(65532)", ddl(VarcharType.apply(16383)));
    assertEquals("VARCHAR(65535)", ddl(VarcharType.apply(16384)));
    assertEquals("VARCHAR(65535)", ddl(VarcharType.apply(20000)));
    assertEquals("VARCHAR(65535)", ddl(VarcharType.apply(Integer.MAX_VALUE)));
  }

  @Test
  void sparkCharStaysCharOfSingleByteCharacters() {
    assertEquals("CHAR(1)", ddl(CharType.apply(1)));
    assertEquals("CHAR(10)", ddl(CharType.apply(10)));
    assertEquals("CHAR(4096)", ddl(CharType.apply(4096)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ddl(CharType.apply(4097)));
    assertEquals(
        "Cannot write column 'c': CHAR(4097) is above Redshift's maximum CHAR(4096); declare"
            + " VARCHAR(n) or STRING instead",
        e.getMessage());
  }

  @Test
  void lengthsReadFromRedshiftAreBytesAndStayAsTheyAre() {
    Metadata varchar =
        new MetadataBuilder()
            .putString(TypeMapping.METADATA_TYPE, "varchar")
            .putLong(TypeMapping.METADATA_LENGTH, 12)
            .build();
    assertEquals("VARCHAR(12)", ddl(DataTypes.StringType, varchar));
    Metadata chr =
        new MetadataBuilder()
            .putString(TypeMapping.METADATA_TYPE, "bpchar")
            .putLong(TypeMapping.METADATA_LENGTH, 3)
            .build();
    assertEquals("CHAR(3)", ddl(DataTypes.StringType, chr));
  }

  @Test
  void mapsWithNonStringKeysAreRefusedAtAnyDepth() {
    assertEquals(
        "SUPER",
        ddl(
            DataTypes.createMapType(
                DataTypes.StringType,
                DataTypes.createMapType(DataTypes.StringType, DataTypes.DateType))));
    IllegalArgumentException top =
        assertThrows(
            IllegalArgumentException.class,
            () -> ddl(DataTypes.createMapType(DataTypes.IntegerType, DataTypes.StringType)));
    assertEquals(
        "Cannot write column 'c': a SUPER object's keys are strings, but map<int,string> has int"
            + " keys. Cast them to strings first, e.g. transform_keys(m, (k, v) -> cast(k as"
            + " string))",
        top.getMessage());
    DataType deep =
        new StructType()
            .add("a", DataTypes.IntegerType)
            .add(
                "b",
                new ArrayType(
                    DataTypes.createMapType(
                        DataTypes.StringType,
                        DataTypes.createMapType(DataTypes.DateType, DataTypes.LongType)),
                    true));
    IllegalArgumentException nested = assertThrows(IllegalArgumentException.class, () -> ddl(deep));
    assertTrue(
        nested.getMessage().contains("but map<date,bigint> has date keys"), nested.getMessage());
  }

  @Test
  void nestedTypesAreSuper() {
    assertEquals("SUPER", ddl(new ArrayType(DataTypes.IntegerType, true)));
    assertEquals("SUPER", ddl(DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType)));
    assertEquals("SUPER", ddl(new StructType().add("a", DataTypes.IntegerType)));
  }

  @Test
  void stringLengthsFromMetadata() {
    Metadata varchar =
        new MetadataBuilder()
            .putString(TypeMapping.METADATA_TYPE, "varchar")
            .putLong(TypeMapping.METADATA_LENGTH, 200)
            .build();
    assertEquals("VARCHAR(200)", ddl(DataTypes.StringType, varchar));
    Metadata lengthOnly = new MetadataBuilder().putLong(TypeMapping.METADATA_LENGTH, 17).build();
    assertEquals("VARCHAR(17)", ddl(DataTypes.StringType, lengthOnly));
    Metadata chr =
        new MetadataBuilder()
            .putString(TypeMapping.METADATA_TYPE, "bpchar")
            .putLong(TypeMapping.METADATA_LENGTH, 320)
            .build();
    assertEquals("CHAR(320)", ddl(DataTypes.StringType, chr));
    Metadata tooLong =
        new MetadataBuilder()
            .putString(TypeMapping.METADATA_TYPE, "bpchar")
            .putLong(TypeMapping.METADATA_LENGTH, 5000)
            .build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ddl(DataTypes.StringType, tooLong));
    assertEquals(
        "Cannot write column 'c': CHAR(5000) is above Redshift's maximum CHAR(4096)",
        e.getMessage());
  }

  @Test
  void readSchemaRoundTripsToDdl() {
    record Case(RedshiftType type, String ddl) {}
    List<Case> cases =
        List.of(
            new Case(new RedshiftType("c", "int2", 5, 0, 0, 1), "SMALLINT"),
            new Case(new RedshiftType("c", "int4", 10, 0, 0, 1), "INTEGER"),
            new Case(new RedshiftType("c", "int8", 19, 0, 0, 1), "BIGINT"),
            new Case(new RedshiftType("c", "numeric", 18, 4, 0, 1), "DECIMAL(18,4)"),
            new Case(new RedshiftType("c", "float4", 8, 8, 0, 1), "REAL"),
            new Case(new RedshiftType("c", "float8", 17, 17, 0, 1), "DOUBLE PRECISION"),
            new Case(new RedshiftType("c", "bool", 1, 0, 0, 1), "BOOLEAN"),
            new Case(new RedshiftType("c", "varchar", 256, 0, 0, 1), "VARCHAR(256)"),
            new Case(new RedshiftType("c", "bpchar", 3, 0, 0, 1), "CHAR(3)"),
            new Case(new RedshiftType("c", "date", 13, 0, 0, 1), "DATE"),
            new Case(new RedshiftType("c", "timestamp", 29, 6, 0, 1), "TIMESTAMP"),
            new Case(new RedshiftType("c", "timestamptz", 35, 6, 0, 1), "TIMESTAMPTZ"),
            new Case(new RedshiftType("c", "time", 15, 6, 0, 1), "TIME"),
            new Case(new RedshiftType("c", "timetz", 21, 6, 0, 1), "TIMETZ"),
            new Case(new RedshiftType("c", "super", 65535, 0, 0, 1), "SUPER"),
            new Case(new RedshiftType("c", "varbyte", 64000, 0, 0, 1), "VARBYTE"),
            new Case(new RedshiftType("c", "geometry", 0, 0, 0, 1), "GEOMETRY"),
            new Case(new RedshiftType("c", "geography", 0, 0, 0, 1), "GEOGRAPHY"),
            new Case(new RedshiftType("c", "hllsketch", 0, 0, 0, 1), "HLLSKETCH"));
    for (MappingOptions o : List.of(DEFAULTS, ALL_ON)) {
      for (Case c : cases) {
        RedshiftType type = RedshiftType.of(toMetadata(c.type()));
        assertEquals(
            c.ddl(), TypeMapping.redshiftDdlType(TypeMapping.field(type, o)), c.type() + " " + o);
      }
    }
  }

  private static ColumnMetadata toMetadata(RedshiftType t) {
    return ColumnMetadata.builder()
        .name(t.name())
        .typeName(t.typeName())
        .precision(t.precision())
        .scale(t.scale())
        .length(0)
        .nullable(t.nullable())
        .build();
  }

  @Test
  void refusedSparkTypes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ddl(DataTypes.CalendarIntervalType));
    assertEquals(
        "Cannot write column 'c': Spark type 'interval' has no Redshift equivalent",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ddl(DataTypes.NullType));
    assertEquals(
        "Cannot write column 'c': Spark type 'void' has no Redshift equivalent", e.getMessage());
  }
}
