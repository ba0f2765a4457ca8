package dev.redshiftdata.spark.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.Field;

/** The driver-side result of the connector's own small queries. */
class StatementRowsTest {

  @Test
  void aFieldReadsAsTextWhateverMemberTheDataApiUsed() {
    assertNull(StatementRows.text(Field.builder().isNull(true).build()));
    assertNull(StatementRows.text(null));
    assertEquals("a b", StatementRows.text(Field.builder().stringValue("a b").build()));
    assertEquals("-7", StatementRows.text(Field.builder().longValue(-7L).build()));
    assertEquals("1.5", StatementRows.text(Field.builder().doubleValue(1.5).build()));
    assertEquals("true", StatementRows.text(Field.builder().booleanValue(true).build()));
  }

  @Test
  void rowsAreAnImmutableCopy() {
    List<List<Field>> records = new ArrayList<>();
    records.add(List.of(Field.builder().longValue(1L).build()));
    StatementRows rows = new StatementRows("id", List.of(), records);
    records.clear();
    assertEquals(1, rows.records().size());
    assertThrows(UnsupportedOperationException.class, () -> rows.records().clear());
  }
}
