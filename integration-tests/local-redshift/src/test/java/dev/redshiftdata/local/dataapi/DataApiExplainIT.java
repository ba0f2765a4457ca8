package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;

/**
 * EXPLAIN answers one text column QUERY PLAN whose plan lines carry rows= and width=, as Redshift
 * prints them.
 */
class DataApiExplainIT extends DataApiTestSupport {

  private static final Pattern TOP =
      Pattern.compile("^XN .*\\(cost=[0-9.]+\\.\\.[0-9.]+ rows=(\\d+) width=(\\d+)\\)$");

  @Test
  void explainReportsTheEstimateOnTheTopLine() {
    run("DROP TABLE IF EXISTS ex_t");
    run("CREATE TABLE ex_t (id INT, v VARCHAR(20))");
    run("INSERT INTO ex_t SELECT g, 'value ' || g FROM generate_series(1, 1000) g");
    run("ANALYZE ex_t");
    String id = run("EXPLAIN SELECT id, v FROM ex_t").id();
    GetStatementResultResponse r = client().getStatementResult(b -> b.id(id));
    List<ColumnMetadata> meta = r.columnMetadata();
    assertEquals(1, meta.size());
    assertEquals("QUERY PLAN", meta.get(0).name());
    assertEquals("varchar", meta.get(0).typeName());
    String top = r.records().get(0).get(0).stringValue();
    Matcher m = TOP.matcher(top);
    assertTrue(m.matches(), top);
    assertEquals("1000", m.group(1));
    assertTrue(Integer.parseInt(m.group(2)) > 4, top);
    assertTrue(top.startsWith("XN Seq Scan on ex_t"), top);

    // Child nodes are prefixed too; detail lines are kept as they are.
    List<List<Field>> lines =
        query(
            "explain select a.id, count(*) from ex_t a join ex_t b on a.id = b.id"
                + " where a.id < 100 group by a.id;");
    assertTrue(lines.get(0).get(0).stringValue().startsWith("XN "), lines.toString());
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.get(0).stringValue().matches(" +-> +XN .*rows=\\d+ width=\\d+\\)")),
        lines.toString());
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.get(0).stringValue().strip().startsWith("Hash Cond:")
                        || l.get(0).stringValue().strip().startsWith("Merge Cond:")
                        || l.get(0).stringValue().strip().startsWith("Filter:")),
        lines.toString());

    // Redshift syntax inside the explained statement is translated; VERBOSE is accepted.
    Matcher top2 =
        TOP.matcher(
            query("EXPLAIN VERBOSE SELECT TOP 10 NVL(v, 'x') FROM ex_t")
                .get(0)
                .get(0)
                .stringValue());
    assertTrue(top2.matches());
    assertEquals("10", top2.group(1));
  }
}
