package dev.redshiftdata.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.redshiftdata.model.Field;

class QueryResultTest {

  @Test
  void eachFieldKindBecomesItsJavaValue() {
    assertEquals("a", QueryResult.valueOf(Field.fromStringValue("a")));
    assertEquals(42L, QueryResult.valueOf(Field.fromLongValue(42L)));
    assertEquals(1.5, QueryResult.valueOf(Field.fromDoubleValue(1.5)));
    assertEquals(true, QueryResult.valueOf(Field.fromBooleanValue(true)));
    assertArrayEquals(
        new byte[] {1, 2},
        (byte[])
            QueryResult.valueOf(Field.fromBlobValue(SdkBytes.fromByteArray(new byte[] {1, 2}))));
    assertNull(QueryResult.valueOf(Field.fromIsNull(true)));
  }

  @Test
  void valuesAreFoundByColumnIgnoringCaseAndAnUnknownColumnIsNamed() {
    QueryResult r =
        new QueryResult("id-1", List.of("Model State", "n"), List.of(Arrays.asList("READY", 3L)));
    assertEquals("READY", r.value(0, "model state"));
    assertEquals(3L, r.value(0, "N"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> r.value(0, "nope"));
    assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("Model State"));
  }

  @Test
  void twoColumnRowsReadAsKeyValuesAndOtherShapesAreRefused() {
    QueryResult show =
        new QueryResult(
            "id-2",
            List.of("Key", "Value"),
            List.of(
                Arrays.asList("Model State", "READY"),
                Arrays.asList("Max Runtime", (Object) null)));
    Map<String, String> kv = show.asKeyValues();
    assertEquals("READY", kv.get("Model State"));
    assertTrue(kv.containsKey("Max Runtime"));
    assertNull(kv.get("Max Runtime"));
    QueryResult three = new QueryResult("id-3", List.of("a", "b", "c"), List.of());
    assertThrows(IllegalStateException.class, three::asKeyValues);
  }

  @Test
  void rowsAreCopiedAndUnmodifiable() {
    List<Object> row = new java.util.ArrayList<>(List.of("x"));
    QueryResult r = new QueryResult("id-4", List.of("c"), List.of(row));
    row.set(0, "changed");
    assertEquals("x", r.value(0, "c"));
    assertThrows(UnsupportedOperationException.class, () -> r.rows().get(0).set(0, "y"));
  }
}
