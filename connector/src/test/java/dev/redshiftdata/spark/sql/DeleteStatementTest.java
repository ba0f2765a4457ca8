package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeleteStatementTest {

  static final TableName T = TableName.of("sales", "or\"ders");

  @Test
  void deletesAllOrMatchingRows() {
    assertEquals("DELETE FROM \"sales\".\"or\"\"ders\"", DeleteStatement.all(T));
    assertEquals("DELETE FROM \"sales\".\"or\"\"ders\"", DeleteStatement.where(T, List.of()));
    assertEquals(
        "DELETE FROM \"sales\".\"or\"\"ders\" WHERE (\"d\" = DATE '2024-01-01') AND (\"s\" ="
            + " 'it''s')",
        DeleteStatement.where(T, List.of("\"d\" = DATE '2024-01-01'", "\"s\" = 'it''s'")));
  }
}
