package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;

/**
 * Redshift ML through the Data API: CREATE MODEL, wait for READY with SHOW MODEL, predict, DROP
 * MODEL.
 */
class RedshiftMlIT extends DataApiTestSupport {

  private static Map<String, String> showModel(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    for (List<Field> row : query("SHOW MODEL " + name)) {
      out.put(row.get(0).stringValue(), row.get(1).stringValue());
    }
    return out;
  }

  private static Map<String, String> awaitReady(String name) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      Map<String, String> m = showModel(name);
      if (m.get("Model State").equals("READY")) {
        return m;
      }
      assertEquals("TRAINING", m.get("Model State"));
      assertTrue(System.nanoTime() < deadline, "model " + name + " never became READY");
      sleep(100);
    }
  }

  @Test
  void regressionModelIsTrainedShownAndPredictsDeterministically() {
    admin(
        "DROP TABLE IF EXISTS ml_houses",
        "CREATE TABLE ml_houses (sqft int, rooms int, city varchar(10), price float8)",
        "INSERT INTO ml_houses SELECT s, r, 'c' || r, 100 + 2 * s + 10 * r"
            + " FROM generate_series(500, 1500, 100) s, generate_series(1, 4) r");
    run("DROP MODEL IF EXISTS ml_price");
    DescribeStatementResponse created =
        run(
            "CREATE MODEL ml_price FROM (SELECT sqft, rooms, city, price FROM ml_houses)"
                + " TARGET price FUNCTION ml_fn_price IAM_ROLE default AUTO ON MODEL_TYPE XGBOOST PROBLEM_TYPE REGRESSION"
                + " OBJECTIVE 'MSE' SETTINGS (S3_BUCKET 'local-redshift', MAX_RUNTIME 1800)");
    assertFalse(created.hasResultSet());

    Map<String, String> first = showModel("ml_price");
    assertEquals("TRAINING", first.get("Model State"));
    Map<String, String> m = awaitReady("ml_price");
    assertEquals("ml_price", m.get("Model Name"));
    assertEquals("public", m.get("Schema Name"));
    assertEquals("awsuser", m.get("Owner"));
    assertEquals("SELECT sqft, rooms, city, price FROM ml_houses", m.get("Query"));
    assertEquals("PRICE", m.get("Target Column"));
    assertEquals("xgboost", m.get("Model Type"));
    assertEquals("REGRESSION", m.get("Problem Type"));
    assertEquals("MSE", m.get("Objective"));
    assertEquals("ml_fn_price", m.get("Function Name"));
    assertEquals("sqft rooms city", m.get("Function Parameters"));
    assertEquals("int4 int4 varchar", m.get("Function Parameter Types"));
    assertEquals("default-aws-iam-role", m.get("IAM Role"));
    assertEquals("local-redshift", m.get("S3 Bucket"));
    assertEquals("1800", m.get("Max Runtime"));
    assertTrue(
        m.get("Creation Time").matches("\\w{3}, \\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}"),
        m.get("Creation Time"));

    List<List<Field>> p =
        query(
            "SELECT ml_fn_price(1000, 3, 'x'), ml_fn_price(sqft, rooms, city)"
                + " FROM ml_houses WHERE sqft = 700 AND rooms = 2");
    assertEquals(2130.0, p.get(0).get(0).doubleValue(), 1e-6);
    assertEquals(1520.0, p.get(0).get(1).doubleValue(), 1e-6);

    run("DROP MODEL ml_price");
    DescribeStatementResponse gone = await(submit("SELECT ml_fn_price(1, 1, 'x')"));
    assertEquals(StatusString.FAILED, gone.status());
    DescribeStatementResponse show = await(submit("SHOW MODEL ml_price"));
    assertEquals(StatusString.FAILED, show.status());
    assertEquals("ERROR: Model \"ml_price\" does not exist", show.error());
  }

  @Test
  void classificationModelWithDeclaredTypesPredictsTheNearestClass() {
    server().settings().modelTrainingDelay(Duration.ZERO);
    admin(
        "DROP TABLE IF EXISTS ml_churn",
        "CREATE TABLE ml_churn (customer varchar(10), calls int, minutes float8, churn boolean)",
        "INSERT INTO ml_churn VALUES ('a', 1, 100, false), ('b', 2, 120, false), ('c', 0, 90, false),"
            + " ('d', 9, 300, true), ('e', 8, 280, true), ('f', NULL, 50, true)");
    run("DROP MODEL IF EXISTS ml_churn_model");
    run(
        "CREATE MODEL ml_churn_model FROM (SELECT calls, minutes, churn FROM ml_churn)"
            + " TARGET churn FUNCTION ml_fn_churn(int, float8) IAM_ROLE 'arn:aws:iam::123456789012:role/ml'"
            + " SETTINGS (S3_BUCKET 'local-redshift')");
    Map<String, String> m = showModel("ml_churn_model");
    assertEquals("READY", m.get("Model State"));
    assertEquals("BINARY_CLASSIFICATION", m.get("Problem Type"));
    assertEquals("int float8", m.get("Function Parameter Types"));
    assertEquals("arn:aws:iam::123456789012:role/ml", m.get("IAM Role"));
    assertTrue(
        m.get("Local Training Method").startsWith("nearest centroid on 5 rows"),
        m.get("Local Training Method"));

    List<List<Field>> p =
        query("SELECT ml_fn_churn(1, 110), ml_fn_churn(10, 290), ml_fn_churn(7, NULL)");
    assertFalse(p.get(0).get(0).booleanValue());
    assertTrue(p.get(0).get(1).booleanValue());
    assertTrue(p.get(0).get(2).booleanValue());

    List<List<Field>> all = query("SHOW MODEL ALL");
    assertTrue(
        all.stream()
            .anyMatch(
                r ->
                    r.get(0).stringValue().equals("public")
                        && r.get(1).stringValue().equals("ml_churn_model")),
        all.toString());
    run("DROP MODEL ml_churn_model");
  }

  @Test
  void majorityClassFromATableAndErrors() {
    server().settings().modelTrainingDelay(Duration.ZERO);
    admin(
        "DROP TABLE IF EXISTS ml_labels",
        "CREATE TABLE ml_labels (colour varchar(10), kind varchar(10))",
        "INSERT INTO ml_labels VALUES ('red', 'x'), ('blue', 'y'), ('green', 'y')");
    run("DROP MODEL IF EXISTS ml_kind");
    run(
        "CREATE MODEL ml_kind FROM ml_labels TARGET kind FUNCTION ml_fn_kind IAM_ROLE default"
            + " SETTINGS (S3_BUCKET 'b')");
    assertEquals("y", query("SELECT ml_fn_kind('red')").get(0).get(0).stringValue());
    DescribeStatementResponse again =
        await(
            submit(
                "CREATE MODEL ml_kind FROM ml_labels TARGET kind"
                    + " FUNCTION ml_fn_kind2 IAM_ROLE default SETTINGS (S3_BUCKET 'b')"));
    assertEquals("ERROR: Model \"ml_kind\" already exists", again.error());
    DescribeStatementResponse noBucket =
        await(
            submit(
                "CREATE MODEL ml_x FROM ml_labels TARGET kind"
                    + " FUNCTION ml_fn_x IAM_ROLE default"));
    assertEquals(StatusString.FAILED, noBucket.status());
    DescribeStatementResponse noTarget =
        await(
            submit(
                "CREATE MODEL ml_x FROM ml_labels TARGET nope"
                    + " FUNCTION ml_fn_x IAM_ROLE default SETTINGS (S3_BUCKET 'b')"));
    assertEquals("ERROR: Target column \"nope\" is not in the training data", noTarget.error());
    run("DROP MODEL ml_kind");
  }

  @Test
  void aCreateModelRolledBackWithItsBatchLeavesNeitherModelNorFunctionAndPrivilegesApply() {
    server().settings().modelTrainingDelay(Duration.ZERO);
    admin(
        "DROP TABLE IF EXISTS ml_rb",
        "CREATE TABLE ml_rb (x float8, y float8)",
        "INSERT INTO ml_rb VALUES (1, 2), (2, 4), (3, 6)");
    String batch =
        client()
            .batchExecuteStatement(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .sqls(
                            "CREATE MODEL ml_rb_model FROM ml_rb TARGET y FUNCTION ml_fn_rb IAM_ROLE default SETTINGS (S3_BUCKET 'b')",
                            "SELECT ml_fn_rb(10)",
                            "SELECT 1 / 0"))
            .id();
    DescribeStatementResponse d = await(batch);
    assertEquals(StatusString.FAILED, d.status());
    assertEquals(20.0, rows(batch + ":2").get(0).get(0).doubleValue(), 1e-9);
    assertEquals(StatusString.FAILED, await(submit("SHOW MODEL ml_rb_model")).status());
    assertEquals(
        0L,
        query("SELECT count(*) FROM pg_proc WHERE proname = 'ml_fn_rb'").get(0).get(0).longValue());

    // A user without CREATE on the schema cannot create a model there.
    admin("GRANT SELECT ON ml_rb TO reader");
    DescribeStatementResponse denied =
        await(
            client()
                .executeStatement(
                    sql("CREATE MODEL ml_reader FROM ml_rb"
                            + " TARGET y FUNCTION ml_fn_reader IAM_ROLE default SETTINGS (S3_BUCKET 'b')")
                        .secretArn(READER_SECRET)
                        .build())
                .id());
    assertEquals(StatusString.FAILED, denied.status());
    assertTrue(denied.error().contains("permission denied"), denied.error());
  }
}
