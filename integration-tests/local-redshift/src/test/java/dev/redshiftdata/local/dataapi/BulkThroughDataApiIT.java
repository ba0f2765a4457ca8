package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;

/** UNLOAD and COPY sent through the Data API, as the connector sends them. */
class BulkThroughDataApiIT extends DataApiTestSupport {

  @Test
  void unloadThenCopyInOneBatchWithTheRowCountCheckedInTheTransaction() {
    admin(
        "DROP TABLE IF EXISTS bulk_src",
        "DROP TABLE IF EXISTS bulk_dst",
        "CREATE TABLE bulk_src AS SELECT g AS id, 'v' || g AS v FROM generate_series(1, 500) g",
        "CREATE TABLE bulk_dst (id int, v varchar(10))");
    DescribeStatementResponse unload =
        run(
            "UNLOAD ('select * from bulk_src where v <> ''x''') TO 's3://local-redshift/dataapi-it/bulk/'"
                + " IAM_ROLE 'arn:aws:iam::123456789012:role/r' FORMAT AS PARQUET MANIFEST VERBOSE ALLOWOVERWRITE");
    assertFalse(unload.hasResultSet());
    assertEquals(500, unload.resultRows());

    String batch =
        client()
            .batchExecuteStatement(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .sqls(
                            "COPY bulk_dst FROM 's3://local-redshift/dataapi-it/bulk/manifest' IAM_ROLE default FORMAT PARQUET MANIFEST",
                            "SELECT pg_last_copy_count()"))
            .id();
    DescribeStatementResponse d = await(batch);
    assertEquals(StatusString.FINISHED, d.status(), d.error());
    assertEquals(500, d.subStatements().get(0).resultRows());
    List<List<Field>> count = rows(batch + ":2");
    assertEquals(500L, count.get(0).get(0).longValue());
    assertEquals(125250L, query("SELECT sum(id) FROM bulk_dst").get(0).get(0).longValue());
  }

  @Test
  void aFailingCopyRollsTheWholeBatchBack() {
    admin(
        "DROP TABLE IF EXISTS bulk_atomic",
        "CREATE TABLE bulk_atomic (id int NOT NULL, v varchar(3))",
        "INSERT INTO bulk_atomic VALUES (1, 'old')");
    run(
        "UNLOAD ('select 2 as id, ''too long'' as v') TO 's3://local-redshift/dataapi-it/atomic/'"
            + " IAM_ROLE default FORMAT PARQUET ALLOWOVERWRITE");
    String batch =
        client()
            .batchExecuteStatement(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .sqls(
                            "DELETE FROM bulk_atomic",
                            "COPY bulk_atomic FROM 's3://local-redshift/dataapi-it/atomic/' IAM_ROLE default FORMAT PARQUET"))
            .id();
    DescribeStatementResponse d = await(batch);
    assertEquals(StatusString.FAILED, d.status());
    assertEquals(
        "ERROR: Load into table 'bulk_atomic' failed. Check 'stl_load_errors' system table for details.",
        d.subStatements().get(1).error());
    // The DELETE before it was rolled back with it; the load error survived the rollback.
    assertEquals("old", query("SELECT v FROM bulk_atomic").get(0).get(0).stringValue());
    assertEquals(
        1204L,
        query("SELECT err_code FROM stl_load_errors WHERE tbl = 'bulk_atomic'::regclass::oid")
            .get(0)
            .get(0)
            .longValue());
  }

  @Test
  void refusedUnloadFailsTheStatementWithRedshiftsTextAndCredentialsNeverReachTheLog() {
    String id =
        submit(
            "UNLOAD ('select 1') TO 's3://local-redshift/dataapi-it/refused/' ACCESS_KEY_ID 'AKIAEXAMPLE'"
                + " SECRET_ACCESS_KEY 'wJalrXUtnFEMI/K7MDENG' FORMAT PARQUET DELIMITER ','");
    DescribeStatementResponse d = await(id);
    assertEquals(StatusString.FAILED, d.status());
    assertEquals("ERROR: DELIMITER argument is not supported for PARQUET based UNLOAD", d.error());
    String logged = String.join("\n", server().requests().sqls());
    assertTrue(logged.contains("UNLOAD ('select 1')"), logged);
    assertFalse(logged.contains("wJalrXUtnFEMI"), logged);
  }
}
