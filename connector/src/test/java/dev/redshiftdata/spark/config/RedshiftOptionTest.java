package dev.redshiftdata.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins every option name and default: changing one is a user-visible change and must change this
 * test.
 */
class RedshiftOptionTest {

  private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("database", null);
    EXPECTED.put("clusterIdentifier", null);
    EXPECTED.put("workgroupName", null);
    EXPECTED.put("secretArn", null);
    EXPECTED.put("dbUser", null);
    EXPECTED.put("region", null);
    EXPECTED.put("endpoint", null);
    EXPECTED.put("profile", null);
    EXPECTED.put("assumeRoleArn", null);
    EXPECTED.put("assumeRoleSessionName", "redshift-data-spark");
    EXPECTED.put("retryMaxAttempts", "5");
    EXPECTED.put("caseSensitiveIdentifiers", "false");
    EXPECTED.put("statementTimeout", "24h");
    EXPECTED.put("label", null);
    EXPECTED.put("pollInitialDelay", "10ms");
    EXPECTED.put("pollMaxDelay", "500ms");
    EXPECTED.put("resultFormat", "auto");
    EXPECTED.put("strictOptions", null);
    EXPECTED.put("dbtable", null);
    EXPECTED.put("query", null);
    EXPECTED.put("readMode", "auto");
    EXPECTED.put("directMaxRows", "100000");
    EXPECTED.put("directMaxBytes", "64MB");
    EXPECTED.put("tempdir", null);
    EXPECTED.put("tempdirRegion", null);
    EXPECTED.put("iamRole", null);
    EXPECTED.put("unloadMaxFileSize", "256MB");
    EXPECTED.put("unloadEncrypted", "false");
    EXPECTED.put("unloadKmsKeyId", null);
    EXPECTED.put("keepStaging", "false");
    EXPECTED.put("stagingSweepAge", "24h");
    EXPECTED.put("superAsVariant", "false");
    EXPECTED.put("timestampType", "ntz");
    EXPECTED.put("pushDownPredicates", "true");
    EXPECTED.put("pushDownAggregates", "true");
    EXPECTED.put("pushDownLimit", "true");
    EXPECTED.put("preActions", null);
    EXPECTED.put("postActions", null);
    EXPECTED.put("mergeKeys", null);
    EXPECTED.put("writeMaxFileSize", "128MB");
    EXPECTED.put("overwriteMode", "truncate");
    EXPECTED.put("allowExtraTargetColumns", "false");
    EXPECTED.put("allowNarrowing", "false");
    EXPECTED.put("distStyle", null);
    EXPECTED.put("distKey", null);
    EXPECTED.put("sortKey", null);
    EXPECTED.put("sortKeyStyle", "compound");
    EXPECTED.put("columnEncodings", null);
    EXPECTED.put("tableComment", null);
    EXPECTED.put("columnComments", null);
    EXPECTED.put("copyOptions", null);
    EXPECTED.put("commitMaxAttempts", "3");
    EXPECTED.put("amazonMl.datasource", "none");
    EXPECTED.put("amazonMl.s3Only", "false");
    EXPECTED.put("amazonMl.location", null);
    EXPECTED.put("amazonMl.targetAttribute", null);
    EXPECTED.put("amazonMl.rowId", null);
    EXPECTED.put("amazonMl.rowWeight", null);
    EXPECTED.put("amazonMl.excludedAttributes", null);
    EXPECTED.put("amazonMl.attributeTypes", null);
    EXPECTED.put("amazonMl.categoricalThreshold", "100");
    EXPECTED.put("amazonMl.header", "true");
    EXPECTED.put("amazonMl.newlines", "replace");
    EXPECTED.put("amazonMl.maxRowBytes", "102400");
    EXPECTED.put("amazonMl.maxDroppedRows", "10000");
    EXPECTED.put("amazonMl.dataSourceId", null);
    EXPECTED.put("amazonMl.dataSourceName", null);
    EXPECTED.put("amazonMl.roleArn", null);
    EXPECTED.put("amazonMl.s3StagingLocation", null);
    EXPECTED.put("amazonMl.inlineSchema", "false");
    EXPECTED.put("amazonMl.computeStatistics", "true");
    EXPECTED.put("amazonMl.trainPercent", "0");
    EXPECTED.put("amazonMl.submit", "false");
    EXPECTED.put("amazonMl.endpoint", null);
    EXPECTED.put("amazonMl.submitTimeout", "1h");
    EXPECTED.put("amazonMl.secretArn", null);
    EXPECTED.put("amazonMl.secretsEndpoint", null);
  }

  @Test
  void everyNameAndDefaultIsPinned() {
    Map<String, String> actual = new LinkedHashMap<>();
    for (RedshiftOption o : RedshiftOption.values()) {
      actual.put(o.optionName(), o.defaultValue().orElse(null));
    }
    assertEquals(EXPECTED, actual);
  }

  @Test
  void namesAreUniqueIgnoringCase() {
    Set<String> lower =
        Arrays.stream(RedshiftOption.values())
            .map(o -> o.optionName().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    assertEquals(RedshiftOption.values().length, lower.size());
  }

  @Test
  void namesAreCamelCaseWithOptionalPrefix() {
    for (RedshiftOption o : RedshiftOption.values()) {
      assertTrue(o.optionName().matches("([a-z][a-zA-Z]*\\.)?[a-z][a-zA-Z0-9]*"), o.optionName());
    }
  }

  @Test
  void everyOptionHasAOneLineDescription() {
    for (RedshiftOption o : RedshiftOption.values()) {
      assertFalse(o.description().isBlank(), o.optionName());
      assertFalse(o.description().contains("\n"), o.optionName());
      assertTrue(o.description().endsWith("."), o.optionName());
      assertFalse(o.description().contains("|"), "breaks the README table: " + o.optionName());
    }
  }

  @Test
  void everyDefaultParses() {
    // Building options with only the required ones set parses every default through the real
    // parsers.
    RedshiftOptions options =
        RedshiftOptions.parse(Map.of("database", "dev", "clusterIdentifier", "c1"), Map.of());
    assertEquals("RedshiftOptions{database=dev, clusterIdentifier=c1}", options.toString());
  }

  @Test
  void fromNameIgnoresCase() {
    assertEquals(
        RedshiftOption.CLUSTER_IDENTIFIER,
        RedshiftOption.fromName("CLUSTERIDENTIFIER").orElseThrow());
    assertEquals(
        RedshiftOption.AMAZON_ML_SUBMIT, RedshiftOption.fromName("amazonml.submit").orElseThrow());
    assertTrue(RedshiftOption.fromName("nope").isEmpty());
  }

  @Test
  void sessionConfKeyUsesTheDatasourcePrefix() {
    assertEquals(
        "spark.datasource.redshift-data.readMode", RedshiftOption.READ_MODE.sessionConfKey());
  }

  @Test
  void markdownTableHasOneRowPerOptionInRegistryOrder() {
    String[] lines = RedshiftOption.markdownTable().split("\n");
    assertEquals("| Option | Default | Meaning |", lines[0]);
    assertEquals("|---|---|---|", lines[1]);
    assertEquals(EXPECTED.size() + 2, lines.length);
    int i = 2;
    for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
      String defaultCell = e.getValue() == null ? "" : "`" + e.getValue() + "`";
      String description = RedshiftOption.fromName(e.getKey()).orElseThrow().description();
      assertEquals(
          "| `" + e.getKey() + "` | " + defaultCell + " | " + description + " |", lines[i++]);
    }
  }
}
