package dev.redshiftdata.local.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QueryTypesTest {

  @Test
  void leadingKeywordsDecideTheType() {
    assertEquals("SELECT", QueryTypes.classify("  -- c\n/* x */ (SELECT 1)"));
    assertEquals("SELECT", QueryTypes.classify("with a as (select 1) select * from a"));
    assertEquals(
        "INSERT", QueryTypes.classify("WITH a AS (SELECT 1) INSERT INTO t SELECT * FROM a"));
    assertEquals("SELECT", QueryTypes.classify("VALUES (1)"));
    assertEquals("INSERT", QueryTypes.classify("insert into t values (1)"));
    assertEquals("UPDATE", QueryTypes.classify("UPDATE t SET a = 1"));
    assertEquals("DELETE", QueryTypes.classify("delete from t"));
    assertEquals("COPY", QueryTypes.classify("COPY t FROM 's3://b/k' IAM_ROLE default"));
    assertEquals(
        "UNLOAD", QueryTypes.classify("UNLOAD ('select 1') TO 's3://b/k' IAM_ROLE default"));
    assertEquals("CTAS", QueryTypes.classify("CREATE TABLE t AS SELECT 1"));
    assertEquals("CTAS", QueryTypes.classify("create temp table t as (select 1)"));
    assertEquals("CTAS", QueryTypes.classify("SELECT a INTO t2 FROM t"));
    assertEquals("DDL", QueryTypes.classify("CREATE TABLE t (a int)"));
    assertEquals("DDL", QueryTypes.classify("CREATE VIEW v AS SELECT 1"));
    assertEquals("DDL", QueryTypes.classify("DROP TABLE t"));
    assertEquals("DDL", QueryTypes.classify("GRANT SELECT ON t TO u"));
    assertEquals("DDL", QueryTypes.classify("TRUNCATE t"));
    assertEquals("UTILITY", QueryTypes.classify("SET datestyle TO ISO"));
    assertEquals("UTILITY", QueryTypes.classify("BEGIN"));
    assertEquals("UTILITY", QueryTypes.classify("VACUUM t"));
    assertEquals(
        "OTHER", QueryTypes.classify("MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN DELETE"));
    assertEquals("OTHER", QueryTypes.classify(";"));
  }
}
