package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** boto3 against the local Redshift (skipped where python3 with boto3 is not installed). */
class DataApiBoto3IT extends DataApiTestSupport {
  private static final String SCRIPT =
      String.join(
          "\n",
          "import boto3, json, sys, time",
          "c = boto3.client('redshift-data', endpoint_url=sys.argv[1], region_name='us-east-1',",
          "                 aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3])",
          "e = c.execute_statement(ClusterIdentifier='local-cluster', Database='dev', SecretArn=sys.argv[4],",
          "                        Sql='select :n::int + 1 as n, now() as t', Parameters=[{'name': 'n', 'value': '41'}])",
          "while True:",
          "    d = c.describe_statement(Id=e['Id'])",
          "    if d['Status'] in ('FINISHED', 'FAILED', 'ABORTED'): break",
          "    time.sleep(0.01)",
          "r = c.get_statement_result(Id=e['Id'])",
          "dbs = c.list_databases(ClusterIdentifier='local-cluster', Database='dev', SecretArn=sys.argv[4])",
          "try:",
          "    boto3.client('redshift-data', endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id=sys.argv[2],",
          "                 aws_secret_access_key='wrong').list_databases(ClusterIdentifier='local-cluster', Database='dev',",
          "                 DbUser='awsuser')",
          "    bad = 'accepted'",
          "except Exception as ex:",
          "    bad = ex.response['Error']['Code']",
          "print(json.dumps({'status': d['Status'], 'n': r['Records'][0][0]['longValue'],",
          "                  'type': r['ColumnMetadata'][1]['typeName'], 'dbs': dbs['Databases'], 'bad': bad}))");

  @Test
  void boto3WorksAgainstTheLocalRedshift() throws Exception {
    Process probe;
    try {
      probe = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.assumeTrue(false, "no python3");
      return;
    }
    Assumptions.assumeTrue(
        probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "no boto3");
    Process p =
        new ProcessBuilder(
                "python3",
                "-c",
                SCRIPT,
                "http://127.0.0.1:" + server().port(),
                CONFIG.accessKeyId(),
                CONFIG.secretAccessKey(),
                ADMIN_SECRET)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), out);
    JsonNode r = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElse("{}"));
    assertEquals("FINISHED", r.path("status").asText());
    assertEquals(42, r.path("n").asInt());
    assertEquals("timestamptz", r.path("type").asText());
    assertEquals(
        List.of("analytics", "dev"),
        List.of(r.path("dbs").get(0).asText(), r.path("dbs").get(1).asText()));
    assertEquals("InvalidSignatureException", r.path("bad").asText());
  }
}
