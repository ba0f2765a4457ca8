package dev.redshiftdata.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** spark-redshift's and Glue's option names. */
class OptionAliasesTest {

  private static RedshiftOptions parse(Map<String, String> options) {
    return RedshiftOptions.parse(options, Map.of());
  }

  @Test
  void peerNamesSetTheConnectorsOptions() {
    RedshiftOptions o =
        parse(
            Map.of(
                "data_api_database", "dev",
                "data_api_workgroup", "analytics",
                "data_api_user", "etl",
                "data_api_region", "eu-west-1",
                "dbtable", "s.t",
                "tempdir", "s3a://b/tmp/",
                "tempdir_region", "us-east-2",
                "aws_iam_role", "arn:aws:iam::123456789012:role/r",
                "extracopyoptions", "ACCEPTINVCHARS",
                "description", "from spark-redshift"));
    assertEquals("dev", o.connection().target().database());
    assertEquals("analytics", o.connection().target().workgroupName().orElseThrow());
    assertEquals("etl", o.connection().target().dbUser().orElseThrow());
    assertEquals("eu-west-1", o.connection().clientSettings().region().orElseThrow());
    assertEquals("us-east-2", o.staging().tempdirRegion().orElseThrow());
    assertEquals("arn:aws:iam::123456789012:role/r", o.staging().iamRole().orElseThrow());
    assertEquals("ACCEPTINVCHARS", o.write().copyOptions().orElseThrow());
    assertEquals("from spark-redshift", o.table().tableComment().orElseThrow());
    // Resolved names are the connector's own: nothing is left unknown.
    assertEquals(java.util.Set.of(), o.unknownOptions());
  }

  @Test
  void aPeerNameIsCaseInsensitiveAndMayRepeatTheSameValue() {
    RedshiftOptions o =
        parse(
            Map.of(
                "DATA_API_DATABASE", "dev",
                "database", "dev",
                "clusterIdentifier", "c",
                "AWS_IAM_ROLE", "arn:aws:iam::1:role/r"));
    assertEquals("dev", o.connection().target().database());
    assertEquals("arn:aws:iam::1:role/r", o.staging().iamRole().orElseThrow());
  }

  @Test
  void aPeerNameAndItsOptionWithDifferentValuesIsAnError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                parse(
                    Map.of(
                        "database", "dev",
                        "clusterIdentifier", "c",
                        "iamRole", "arn:aws:iam::1:role/a",
                        "aws_iam_role", "arn:aws:iam::1:role/b")));
    assertTrue(e.getMessage().contains("'aws_iam_role' and 'iamRole'"), e.getMessage());
    assertTrue(e.getMessage().contains("role/a") && e.getMessage().contains("role/b"));
  }

  @Test
  void sortKeySpecSetsSortKeyAndStyle() {
    assertEquals(
        Map.of("sortkey", "day, \"Id\"", "sortkeystyle", "interleaved"),
        pick(OptionAliases.resolve(Map.of("sortkeyspec", "interleaved sortkey (day, \"Id\")"))));
    assertEquals(
        Map.of("sortkey", "a", "sortkeystyle", "compound"),
        pick(OptionAliases.resolve(Map.of("sortkeyspec", "SORTKEY(a)"))));
    assertEquals(
        Map.of("sortkey", "a,b", "sortkeystyle", "compound"),
        pick(OptionAliases.resolve(Map.of("sortkeyspec", " COMPOUND SORTKEY(a,b) "))));
    RedshiftOptions o =
        parse(
            Map.of("database", "dev", "clusterIdentifier", "c", "sortkeyspec", "SORTKEY(day, id)"));
    assertEquals(java.util.List.of("day", "id"), o.table().sortKey());
    for (String bad : new String[] {"day, id", "SORTKEY()", "DISTKEY(a)", "SORTKEY(a"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> parse(Map.of("database", "dev", "sortkeyspec", bad)),
              bad);
      assertTrue(e.getMessage().contains("'sortkeyspec'"), e.getMessage());
      assertTrue(e.getMessage().contains("SORTKEY(column, ...)"), e.getMessage());
    }
  }

  @Test
  void sessionConfPeerNamesWorkToo() {
    RedshiftOptions o =
        RedshiftOptions.parse(
            Map.of("dbtable", "s.t"),
            Map.of(
                "spark.datasource.redshift-data.data_api_database", "dev",
                "spark.datasource.redshift-data.data_api_cluster", "c"));
    assertEquals("dev", o.connection().target().database());
    assertEquals("c", o.connection().target().clusterIdentifier().orElseThrow());
  }

  @Test
  void otherConnectorsOptionsWithNoEffectAreNotUnknownAndAreNamedWithWhy() {
    RedshiftOptions o =
        parse(
            Map.of(
                "database", "dev",
                "clusterIdentifier", "c",
                "tempformat", "CSV GZIP",
                "forward_spark_s3_credentials", "true",
                "url", "jdbc:redshift://h:5439/dev?user=u&password=p",
                "mergekey", "id"));
    assertEquals(java.util.Set.of("mergekey"), o.unknownOptions());
    String named =
        OptionAliases.noEffect(java.util.Set.of("TEMPFORMAT", "url", "dbtable")).orElseThrow();
    assertEquals(
        "'tempformat' (the connector always stages Parquet), 'url' (no JDBC: set"
            + " 'clusterIdentifier' or 'workgroupName' and 'database' instead)",
        named);
    assertTrue(OptionAliases.noEffect(java.util.Set.of("dbtable")).isEmpty());
  }

  @Test
  void aPasswordStaysRefusedLikeEveryCredentialInOptions() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                parse(Map.of("database", "dev", "clusterIdentifier", "c", "password", "hunter2")));
    assertTrue(e.getMessage().contains("'password'"), e.getMessage());
    assertTrue(!e.getMessage().contains("hunter2"), e.getMessage());
  }

  private static Map<String, String> pick(Map<String, String> m) {
    return Map.of("sortkey", m.get("sortkey"), "sortkeystyle", m.get("sortkeystyle"));
  }
}
