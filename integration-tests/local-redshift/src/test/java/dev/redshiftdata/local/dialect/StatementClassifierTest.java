package dev.redshiftdata.local.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.dialect.StatementClassifier.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementClassifierTest {

  private static Shape shape(String sql) {
    return StatementClassifier.shape(new TokenCursor(sql, false));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "CREATE TABLE t (a int)|1|true|false|false|false",
        "CREATE OR REPLACE VIEW v AS SELECT 1|3|false|true|false|false",
        "CREATE LOCAL TEMPORARY TABLE t (a int)|3|true|false|false|false",
        "CREATE TEMP TABLE t (a int)|2|true|false|false|false",
        "CREATE MATERIALIZED VIEW mv AUTO REFRESH YES AS SELECT 1|1|false|false|true|false",
        "ALTER TABLE t ADD COLUMN c int|0|false|false|false|true",
        "ALTER VIEW v OWNER TO u|0|false|false|false|false",
        "SELECT 1|0|false|false|false|false",
      })
  void shapeNamesTheDdlRewritesThatApply(
      String sql,
      int objectWord,
      boolean createTable,
      boolean createView,
      boolean createMaterializedView,
      boolean alterTable) {
    Shape shape = shape(sql);
    assertEquals(objectWord, shape.objectWord(), sql);
    assertEquals(createTable, shape.createTable(), sql);
    assertEquals(createView, shape.createView(), sql);
    assertEquals(createMaterializedView, shape.createMaterializedView(), sql);
    assertEquals(alterTable, shape.alterTable(), sql);
    assertEquals(createTable || createMaterializedView, shape.createsRelation(), sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"CREATE USER \"Ann\" PASSWORD DISABLE", "alter user ann", "DROP USER \"Ann\""})
  void userStatements(String sql) {
    assertTrue(shape(sql).userStatement(), sql);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "((TRUNCATE t))|TRUNCATE",
        "UNLOAD ('SELECT 1') TO 's3://b/p'|UNLOAD",
        "start transaction|TRANSACTION_CONTROL",
        "START t|OTHER",
        "ABORT|TRANSACTION_CONTROL",
        "COPY t FROM 's3://b/k' IAM_ROLE 'r'|COPY",
        "COPY t FROM 'DynamoDB://tbl'|COPY",
        "COPY t (a) FROM STDIN|OTHER",
        "COPY t FROM STDIN MANIFEST|COPY",
        "SET enable_case_sensitive_identifier TO on|SET_CASE_SENSITIVE_IDENTIFIER",
        "SET search_path TO public|OTHER",
        "'x'|OTHER",
        "|OTHER",
      })
  void classify(String sql, StatementKind kind) {
    String text = sql == null ? "" : sql;
    assertEquals(kind, StatementClassifier.classify(new TokenCursor(text, false)), text);
    assertEquals(kind, RedshiftSqlTranslator.classify(text), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ALTER TABLE t ALTER DISTKEY c",
        "ALTER TABLE t ALTER DISTSTYLE EVEN",
        "ALTER TABLE t ALTER COMPOUND SORTKEY (a)",
        "ALTER TABLE t ALTER SORTKEY NONE",
        "ALTER TABLE t ALTER ENCODE AUTO",
        "ALTER TABLE t ALTER COLUMN c ENCODE zstd",
        "ALTER TABLE t ADD PRIMARY KEY (a)",
        "ALTER TABLE t ADD CONSTRAINT k UNIQUE (a)",
        "ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u (b)"
      })
  void alterTablesPostgresHasNothingToDoFor(String sql) {
    assertTrue(StatementClassifier.isNoOpAlterTable(new TokenCursor(sql, false)), sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ALTER TABLE t ADD COLUMN c int",
        "ALTER TABLE t ALTER COLUMN c TYPE varchar(5)",
        "ALTER TABLE t ADD CONSTRAINT k CHECK (a > 0)",
        "ALTER TABLE t RENAME TO u"
      })
  void alterTablesPostgresRuns(String sql) {
    assertFalse(StatementClassifier.isNoOpAlterTable(new TokenCursor(sql, false)), sql);
  }
}
