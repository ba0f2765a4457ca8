package dev.redshiftdata.spark.amazonml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.config.AmazonMlOptions;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SchemaInferenceTest {

  private static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.LongType)
          .add("label", DataTypes.StringType)
          .add("city", DataTypes.StringType)
          .add("flag", DataTypes.BooleanType)
          .add("score", DataTypes.DoubleType)
          .add("day", DataTypes.DateType);

  /** Stats with the given distinct values for each column. */
  private static List<ColumnStats> stats(AmazonMlOptions ml, String[]... values) {
    List<ColumnStats> out = new ArrayList<>();
    for (String[] column : values) {
      ColumnStats s = new ColumnStats(SchemaInference.statsLimit(ml));
      for (String v : column) {
        s.add(v);
      }
      out.add(s);
    }
    return out;
  }

  private static List<String> types(DataSchema s) {
    return s.attributes().stream().map(a -> a.name() + "=" + a.type()).toList();
  }

  private static String[] values(int n) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = "v" + i;
    }
    return out;
  }

  @Test
  void infersFromTypesAndData() {
    AmazonMlOptions ml = AmazonMlTestOptions.parse("amazonMl.categoricalThreshold", "3").amazonMl();
    DataSchema s =
        SchemaInference.infer(
            SCHEMA,
            stats(
                ml,
                new String[] {"1", "2"},
                new String[] {"Yes", "no", "yes"},
                values(3),
                new String[] {"1", "0"},
                new String[] {"1.5"},
                values(4)),
            ml);
    assertEquals(
        List.of(
            "id=NUMERIC",
            "label=BINARY",
            "city=CATEGORICAL",
            "flag=BINARY",
            "score=NUMERIC",
            "day=TEXT"),
        types(s));
    assertEquals("label", s.target());
  }

  @Test
  void aTwoValuedTargetIsBinaryOnlyWithTwoBinaryStates() {
    AmazonMlOptions ml = AmazonMlTestOptions.parse().amazonMl();
    StructType schema = new StructType().add("label", DataTypes.StringType);
    assertEquals(
        AttributeType.CATEGORICAL,
        SchemaInference.infer(schema, stats(ml, new String[] {"cat", "dog"}), ml).typeOf("label"));
    assertEquals(
        AttributeType.CATEGORICAL,
        SchemaInference.infer(schema, stats(ml, new String[] {"yes", "true"}), ml).typeOf("label"));
    assertEquals(
        AttributeType.BINARY,
        SchemaInference.infer(schema, stats(ml, new String[] {"T", "f"}), ml).typeOf("label"));
    assertEquals(
        AttributeType.CATEGORICAL,
        SchemaInference.infer(schema, stats(ml, new String[] {"yes", "no", "maybe"}), ml)
            .typeOf("label"));
    assertEquals(
        AttributeType.CATEGORICAL,
        SchemaInference.infer(schema, stats(ml, new String[] {"yes"}), ml).typeOf("label"));
    StructType numeric = new StructType().add("label", DataTypes.IntegerType);
    assertEquals(
        AttributeType.BINARY,
        SchemaInference.infer(numeric, stats(ml, new String[] {"0", "1"}), ml).typeOf("label"));
    assertEquals(
        AttributeType.NUMERIC,
        SchemaInference.infer(numeric, stats(ml, new String[] {"1", "2"}), ml).typeOf("label"));
    // a two-valued column that is not the target stays what its type says
    StructType two =
        new StructType().add("label", DataTypes.IntegerType).add("x", DataTypes.IntegerType);
    assertEquals(
        AttributeType.NUMERIC,
        SchemaInference.infer(two, stats(ml, new String[] {"5", "6"}, new String[] {"0", "1"}), ml)
            .typeOf("x"));
  }

  @Test
  void overridesWinAndMatchNamesCaseInsensitively() {
    AmazonMlOptions ml =
        AmazonMlTestOptions.parse(
                "amazonMl.attributeTypes", " ID = categorical , score=TEXT,",
                "amazonMl.targetAttribute", "LABEL",
                "amazonMl.rowId", "Id",
                "amazonMl.excludedAttributes", "day, CITY")
            .amazonMl();
    DataSchema s = SchemaInference.infer(SCHEMA, null, ml);
    assertEquals(AttributeType.CATEGORICAL, s.typeOf("id"));
    assertEquals(AttributeType.TEXT, s.typeOf("score"));
    assertEquals("label", s.target());
    assertEquals("id", s.rowId());
    assertEquals(List.of("day", "city"), s.excluded());
  }

  private static String error(String... pairs) {
    AmazonMlOptions ml = AmazonMlTestOptions.parse(pairs).amazonMl();
    return assertThrows(
            IllegalArgumentException.class,
            () ->
                SchemaInference.infer(
                    SCHEMA,
                    stats(
                        ml,
                        new String[0],
                        values(500),
                        new String[0],
                        new String[0],
                        new String[0],
                        new String[0]),
                    ml))
        .getMessage();
  }

  @Test
  void namedColumnsMustExist() {
    assertEquals(
        "Cannot emit an Amazon ML datasource: option 'amazonMl.targetAttribute' names column"
            + " 'nope', which the write does not have. Columns: id, label, city, flag, score, day.",
        error("amazonMl.targetAttribute", "nope"));
    assertTrue(error("amazonMl.rowId", "x").contains("option 'amazonMl.rowId' names column 'x'"));
    assertTrue(
        error("amazonMl.rowWeight", "x").contains("option 'amazonMl.rowWeight' names column 'x'"));
    assertTrue(
        error("amazonMl.excludedAttributes", "id,x")
            .contains("option 'amazonMl.excludedAttributes' names column 'x'"));
    assertTrue(
        error("amazonMl.attributeTypes", "x=TEXT")
            .contains("option 'amazonMl.attributeTypes' names column 'x'"));
  }

  @Test
  void overridesMustBePairsOfKnownTypes() {
    assertEquals(
        "Cannot use option 'amazonMl.attributeTypes': 'id' is not a col=TYPE pair. Write e.g."
            + " 'age=NUMERIC,zip=CATEGORICAL'.",
        error("amazonMl.attributeTypes", "id"));
    assertEquals(
        "Cannot use option 'amazonMl.attributeTypes': 'DATE' for column 'day' is not an"
            + " attribute type. Use NUMERIC, BINARY, CATEGORICAL or TEXT.",
        error("amazonMl.attributeTypes", "day=DATE"));
  }

  @Test
  void rolesFollowAmazonMlsRules() {
    // label has 500 distinct values here: TEXT
    assertTrue(
        error().contains("option 'amazonMl.targetAttribute' names 'label', which is TEXT"),
        error());
    String fixed = "label=CATEGORICAL";
    assertTrue(
        error("amazonMl.attributeTypes", fixed, "amazonMl.excludedAttributes", "label")
            .contains("'amazonMl.excludedAttributes' lists the target attribute 'label'"));
    assertTrue(
        error("amazonMl.attributeTypes", fixed, "amazonMl.rowId", "label")
            .contains("'amazonMl.rowId' names the target attribute"));
    assertTrue(
        error("amazonMl.attributeTypes", fixed, "amazonMl.rowWeight", "city")
            .contains(
                "'amazonMl.rowWeight' names 'city', which is CATEGORICAL; a row weight must be NUMERIC"));
  }

  @Test
  void schemaJsonHasAmazonMlsFields() throws Exception {
    DataSchema s =
        new DataSchema(
            "label",
            "id",
            "w",
            true,
            List.of(
                new DataSchema.Attribute("id", AttributeType.CATEGORICAL),
                new DataSchema.Attribute("label", AttributeType.BINARY),
                new DataSchema.Attribute("w", AttributeType.NUMERIC)),
            List.of("id"));
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(s.json());
    assertEquals(
        List.of(
            "version",
            "rowId",
            "rowWeight",
            "targetAttributeName",
            "dataFormat",
            "dataFileContainsHeader",
            "attributes",
            "excludedAttributeNames"),
        iterable(json.fieldNames()));
    assertEquals("1.0", json.get("version").asText());
    assertEquals("CSV", json.get("dataFormat").asText());
    assertEquals(
        "[{\"attributeName\":\"id\",\"attributeType\":\"CATEGORICAL\"},"
            + "{\"attributeName\":\"label\",\"attributeType\":\"BINARY\"},"
            + "{\"attributeName\":\"w\",\"attributeType\":\"NUMERIC\"}]",
        json.get("attributes").toString());
    assertEquals("[\"id\"]", json.get("excludedAttributeNames").toString());
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
